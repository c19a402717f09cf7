/**
 * What a workspace may do with its links: Pro-only features, the domain a link may use, and the
 * plan's active-link limit. Rules that need the database live here, not in `schemas.ts`.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { domains, links, workspaces, type WorkspaceRow } from "@/db/schema";
import { assertFeature, hasFeature, PLAN_FEATURES, type Plan } from "@/lib/billing/plans";
import { AppError } from "@/lib/errors";

export type LinkWorkspace = Pick<WorkspaceRow, "id" | "plan" | "settings">;

/** Pro-only link features (routing rules, password) → `plan_required` (403) on Starter. */
export function assertLinkFeatures(plan: Plan, used: { rules: boolean; password: boolean }): void {
  if (used.rules) assertFeature(plan, "targeting");
  if (used.password) assertFeature(plan, "passwords");
}

async function isVerifiedDomain(db: Db, workspaceId: string, hostname: string): Promise<boolean> {
  const [row] = await db
    .select({ id: domains.id })
    .from(domains)
    .where(and(eq(domains.workspaceId, workspaceId), eq(domains.hostname, hostname), eq(domains.status, "verified")))
    .limit(1);
  return row !== undefined;
}

/**
 * The domain a link gets. "" is the shared short domain. A hostname must be a verified custom
 * domain of this workspace (else 422 on `domain`) on a plan with custom domains (else 403).
 * Absent: the workspace's default domain while it is still usable, else "".
 */
export async function resolveLinkDomain(db: Db, workspace: LinkWorkspace, requested: string | undefined): Promise<string> {
  if (requested === undefined) {
    const fallback = workspace.settings.defaultDomain?.toLowerCase() ?? "";
    const usable =
      fallback !== "" && hasFeature(workspace.plan, "domains") && (await isVerifiedDomain(db, workspace.id, fallback));
    return usable ? fallback : "";
  }
  if (requested === "") return "";
  assertFeature(workspace.plan, "domains");
  if (!(await isVerifiedDomain(db, workspace.id, requested))) {
    throw new AppError("invalid_input", "Some fields are invalid", {
      fieldErrors: { domain: [`${requested} is not a verified domain of this workspace`] },
    });
  }
  return requested;
}

/** Top-level links counted against the plan: stored status `active` (minted codes never count). */
export async function countActiveLinks(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), eq(links.status, "active"), isNull(links.parentLinkId)));
  return row?.n ?? 0;
}

/**
 * Refuses with `plan_required` when `adding` more active links would pass the plan's limit.
 * Call inside the writing transaction: on a limited plan it locks the workspace row, so two
 * concurrent creates cannot both take the last slot.
 */
export async function assertActiveLinkCapacity(db: Db, workspaceId: string, adding: number): Promise<void> {
  if (adding <= 0) return;
  const [current] = await db.select({ plan: workspaces.plan }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!current || PLAN_FEATURES[current.plan].maxActiveLinks === Number.POSITIVE_INFINITY) return;
  const [locked] = await db
    .select({ plan: workspaces.plan })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("update");
  const plan = locked?.plan ?? current.plan;
  const limit = PLAN_FEATURES[plan].maxActiveLinks;
  const active = await countActiveLinks(db, workspaceId);
  if (active + adding > limit) {
    throw new AppError(
      "plan_required",
      `The ${PLAN_FEATURES[plan].label} plan allows ${limit.toLocaleString("en-US")} active links (you have ${active.toLocaleString("en-US")}). Archive links you no longer use, or upgrade to Pro for unlimited links.`,
      { feature: "maxActiveLinks", plan, limit, active },
    );
  }
}

export function slugTaken(slug: string): AppError {
  const message = `The slug "${slug}" is already taken on this domain (slugs are case-sensitive)`;
  return new AppError("slug_taken", message, { fieldErrors: { slug: [message] } });
}
