import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { domains } from "@/db/schema";

/** The workspace's verified custom domains (lower-case hostnames, A→Z): what a link may use. */
export async function listVerifiedDomains(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ hostname: domains.hostname })
    .from(domains)
    .where(and(eq(domains.workspaceId, workspaceId), eq(domains.status, "verified")))
    .orderBy(asc(domains.hostname));
  return rows.map((r) => r.hostname);
}
