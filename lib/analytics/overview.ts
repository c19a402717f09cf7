import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clicks, links } from "@/db/schema";

export type WorkspaceOverview = { activeLinks: number; clicks: number; qrScans: number; identifiedClicks: number };

/** All-time headline numbers for a workspace; bots and preview fetchers are never counted. */
export async function getWorkspaceOverview(db: Db, workspaceId: string): Promise<WorkspaceOverview> {
  const [linkCount] = await db
    .select({ n: count() })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), eq(links.status, "active"), sql`${links.parentLinkId} is null`));
  const [totals] = await db
    .select({
      clicks: count(),
      qrScans: sql<number>`count(*) filter (where ${clicks.isQr})`.mapWith(Number),
      identified: sql<number>`count(*) filter (where ${clicks.contactId} is not null)`.mapWith(Number),
    })
    .from(clicks)
    .where(and(eq(clicks.workspaceId, workspaceId), eq(clicks.isBot, false)));
  return {
    activeLinks: linkCount?.n ?? 0,
    clicks: totals?.clicks ?? 0,
    qrScans: totals?.qrScans ?? 0,
    identifiedClicks: totals?.identified ?? 0,
  };
}
