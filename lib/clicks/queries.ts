/** Reading raw clicks back (exports, tests, debugging). Aggregates live with analytics, behind this folder's seam. */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clicks, type ClickRow } from "@/db/schema/clicks";

export type ClickRecord = Omit<ClickRow, "landingPageId" | "buttonId">;

/** A link's clicks (its minted codes' included), newest first, bots included (`isBot`). */
export async function listLinkClicks(db: Db, workspaceId: string, rootLinkId: string, limit = 100): Promise<ClickRecord[]> {
  return db
    .select({
      id: clicks.id,
      workspaceId: clicks.workspaceId,
      linkId: clicks.linkId,
      rootLinkId: clicks.rootLinkId,
      occurredAt: clicks.occurredAt,
      destination: clicks.destination,
      rule: clicks.rule,
      country: clicks.country,
      region: clicks.region,
      city: clicks.city,
      deviceType: clicks.deviceType,
      os: clicks.os,
      browser: clicks.browser,
      referrer: clicks.referrer,
      referrerHost: clicks.referrerHost,
      source: clicks.source,
      isQr: clicks.isQr,
      isBot: clicks.isBot,
      contactId: clicks.contactId,
      visitorKey: clicks.visitorKey,
    })
    .from(clicks)
    .where(and(eq(clicks.workspaceId, workspaceId), eq(clicks.rootLinkId, rootLinkId)))
    .orderBy(desc(clicks.occurredAt), desc(clicks.id))
    .limit(limit);
}
