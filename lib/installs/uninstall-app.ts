import { and, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { crmInstallations, workspaces } from "@/db/schema";
import { deleteClicksOfWorkspaces } from "@/lib/clicks/delete-clicks";
import { clearLocationTokens } from "@/lib/crm/tokens";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";

const DAY_MS = 86_400_000;

/**
 * UNINSTALL: the tokens go at once; the workspace is disabled (links answer 410, the API
 * refuses) and its data is kept for the grace period, then purged.
 */
export async function uninstallLocation(db: Db, locationId: string, graceDays: number, now: Date): Promise<void> {
  await clearLocationTokens(db, locationId, now);
  await db
    .update(workspaces)
    .set({ status: "uninstalled", uninstalledAt: now, purgeAfter: new Date(now.getTime() + graceDays * DAY_MS) })
    .where(eq(workspaces.crmLocationId, locationId));
  invalidateLinkCache(); // its links answer 410 from now on, on this instance at once
}

/** An agency uninstall: the Company token goes; its locations' own installs are separate events. */
export async function uninstallCompany(db: Db, companyId: string, now: Date): Promise<void> {
  await db
    .update(crmInstallations)
    .set({ accessTokenEnc: null, refreshTokenEnc: null, expiresAt: null, uninstalledAt: now })
    .where(and(eq(crmInstallations.companyId, companyId), eq(crmInstallations.userType, "Company")));
}

/**
 * Deletes every uninstalled workspace whose grace period is over: foreign keys cascade to all its
 * data but its clicks, which are deleted here in the same transaction.
 */
export async function purgeExpiredWorkspaces(db: Db, now: Date): Promise<string[]> {
  const purged = await db.transaction(async (tx) => {
    const rows = await tx
      .delete(workspaces)
      .where(and(eq(workspaces.status, "uninstalled"), lte(workspaces.purgeAfter, now)))
      .returning({ id: workspaces.id });
    await deleteClicksOfWorkspaces(tx, rows.map((r) => r.id));
    return rows;
  });
  if (purged.length > 0) invalidateLinkCache();
  return purged.map((r) => r.id);
}
