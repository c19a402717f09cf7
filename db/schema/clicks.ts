import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "@/db/columns";
import { landingPages } from "@/db/schema/pages";

/** Which routing rule chose the destination; null when no rule ran (e.g. a fallback URL). */
export const clickRuleEnum = pgEnum("click_rule", ["country", "device", "ab", "default"]);
export const deviceTypeEnum = pgEnum("device_type", ["desktop", "mobile", "tablet"]);
/** The classified traffic source: the lower-case keys of the analytics contract. */
export const trafficSourceEnum = pgEnum("traffic_source", [
  "google",
  "bing",
  "duckduckgo",
  "yahoo",
  "facebook",
  "instagram",
  "threads",
  "messenger",
  "twitter",
  "linkedin",
  "tiktok",
  "youtube",
  "reddit",
  "pinterest",
  "snapchat",
  "whatsapp",
  "telegram",
  "line",
  "wechat",
  "email",
  "sms",
  "qr",
  "direct",
  "other",
]);

/**
 * One row per visit, with every dimension the analytics show. Bots and preview fetchers are
 * kept (`isBot`) so the UI can say how many were filtered; every number excludes them. Raw IPs
 * are never stored: `visitorKey` is a salted hash rotated daily. Rows are written in batches by
 * the click writer (lib/clicks owns reading and writing them, so a column store can take over).
 *
 * A link click has `linkId` (the link or minted code the visitor opened) and `rootLinkId` (the
 * link whose analytics it belongs to: the parent of a minted code, else `linkId` itself). A
 * landing-page button that points at a plain URL has `landingPageId` + `buttonId` and no link.
 *
 * No foreign keys to workspaces or links: checking three of them on every inserted row (and
 * share-locking the link rows the counter update then writes) doubled the database's cost per
 * click. The app deletes clicks with their link (`deleteClicksOfLinks`) and their workspace
 * (`deleteClicksOfWorkspace`); a click written in the instant after its link was deleted is an
 * orphan that no query joins to (every read is by workspace and link).
 */
export const clicks = pgTable(
  "clicks",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workspaceId: text().notNull(),
    linkId: text(),
    rootLinkId: text(),
    landingPageId: text().references(() => landingPages.id, { onDelete: "set null" }),
    /** `PageBlock.id` of the button clicked on a landing page. */
    buttonId: text(),
    occurredAt: timestamptz().notNull().defaultNow(),
    /** The destination actually served (after UTM merge, before query pass-through). */
    destination: text(),
    rule: clickRuleEnum(),
    /** ISO 3166 alpha-2, upper case; null when unknown. */
    country: text(),
    region: text(),
    city: text(),
    deviceType: deviceTypeEnum(),
    /** As ua-parser-js names them. */
    os: text(),
    browser: text(),
    referrer: text(),
    referrerHost: text(),
    source: trafficSourceEnum().notNull().default("direct"),
    isQr: boolean().notNull().default(false),
    isBot: boolean().notNull().default(false),
    /** The CRM contact, when known (`?c=` or a minted code); nulled when the contact is deleted. */
    contactId: text(),
    visitorKey: text().notNull(),
  },
  (t) => [
    index("clicks_workspace_time_idx").on(t.workspaceId, t.occurredAt),
    // Per-link analytics (a parent with its minted codes) and deleting a link's clicks.
    index("clicks_root_link_time_idx").on(t.rootLinkId, t.occurredAt),
    // Per-code stats (links sent vs clicked).
    index("clicks_link_time_idx").on(t.linkId, t.occurredAt),
    // Contact engagement, contact sync aggregates, ContactDelete erasure.
    index("clicks_contact_idx")
      .on(t.workspaceId, t.contactId, t.occurredAt)
      .where(sql`${t.contactId} is not null`),
    index("clicks_landing_page_time_idx")
      .on(t.landingPageId, t.occurredAt)
      .where(sql`${t.landingPageId} is not null`),
    check("clicks_target_ck", sql`${t.linkId} is not null or ${t.landingPageId} is not null`),
    check("clicks_root_link_ck", sql`(${t.linkId} is null) = (${t.rootLinkId} is null)`),
  ],
);

export type ClickRow = typeof clicks.$inferSelect;
export type NewClickRow = typeof clicks.$inferInsert;
export type ClickRule = (typeof clickRuleEnum.enumValues)[number];
export type DeviceType = (typeof deviceTypeEnum.enumValues)[number];
export type TrafficSource = (typeof trafficSourceEnum.enumValues)[number];
