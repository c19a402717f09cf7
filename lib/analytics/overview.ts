import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clicks, links } from "@/db/schema";

export type WorkspaceOverview = {
  activeLinks: number;
  clicks: number;
  /** Distinct visitor keys per UTC day, summed (a returning visitor counts again on another day). */
  uniqueVisitors: number;
  qrScans: number;
  identifiedClicks: number;
  uniqueContacts: number;
};

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
      uniqueVisitors: sql<number>`count(distinct (${clicks.visitorKey}, (${clicks.occurredAt} at time zone 'UTC')::date))`.mapWith(Number),
      uniqueContacts: sql<number>`count(distinct ${clicks.contactId})`.mapWith(Number),
    })
    .from(clicks)
    .where(and(eq(clicks.workspaceId, workspaceId), eq(clicks.isBot, false)));
  return {
    activeLinks: linkCount?.n ?? 0,
    clicks: totals?.clicks ?? 0,
    uniqueVisitors: totals?.uniqueVisitors ?? 0,
    qrScans: totals?.qrScans ?? 0,
    identifiedClicks: totals?.identified ?? 0,
    uniqueContacts: totals?.uniqueContacts ?? 0,
  };
}
