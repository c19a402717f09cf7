import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, timestamptz } from "@/db/columns";
import { campaigns } from "@/db/schema/campaigns";
import { tags } from "@/db/schema/tags";
import { users, workspaceRef } from "@/db/schema/workspaces";

export const linkStatusEnum = pgEnum("link_status", ["active", "archived"]);

export type Utm = { source?: string; medium?: string; campaign?: string; term?: string; content?: string };
export type DeviceKey = "ios" | "android" | "windows" | "macos" | "linux" | "mobile" | "tablet" | "desktop";
/** Click-time routing, checked country → device → A/B → default. */
export type LinkRules = {
  country?: { countries: string[]; url: string }[];
  device?: { devices: DeviceKey[]; url: string }[];
  ab?: { url: string; weight: number }[];
};
export type LeadField = "name" | "email" | "phone" | "company" | "message";
export type LeadCapture = { enabled: boolean; headline?: string; fields?: LeadField[] };
export type LinkAutomation = { tagOnClick?: boolean; syncContact?: boolean; addNote?: boolean };
export type LinkPreview = { title?: string; description?: string; image?: string };

/**
 * A short link: `(domain, slug)` is its short URL. A minted per-contact code is a link row too,
 * bound to one contact through `parentLinkId` + `contactId`; it inherits the parent's settings
 * at click time and does not count as an active link for plan limits.
 */
export const links = pgTable(
  "links",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    /** Hostname of the short URL: the default short domain or a verified custom domain. */
    domain: text().notNull(),
    slug: text().notNull(),
    url: text().notNull(),
    title: text(),
    description: text(),
    utm: jsonb().$type<Utm>(),
    rules: jsonb().$type<LinkRules>().notNull().default({}),
    /** scrypt hash; the password itself is never stored. */
    passwordHash: text(),
    expiresAt: timestamptz(),
    expiredUrl: text(),
    clickLimit: integer(),
    limitUrl: text(),
    leadCapture: jsonb().$type<LeadCapture>(),
    crm: jsonb().$type<LinkAutomation>().notNull().default({}),
    preview: jsonb().$type<LinkPreview>(),
    status: linkStatusEnum().notNull().default("active"),
    campaignId: text().references(() => campaigns.id, { onDelete: "set null" }),
    createdByUserId: text().references(() => users.id, { onDelete: "set null" }),
    parentLinkId: text().references((): AnyPgColumn => links.id, { onDelete: "cascade" }),
    contactId: text(),
    /** Human clicks (bots excluded), kept for the list and the click limit's atomic counter. */
    clicks: bigint({ mode: "number" }).notNull().default(0),
    lastClickedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("links_domain_slug_uq").on(t.domain, t.slug),
    index("links_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("links_workspace_status_idx").on(t.workspaceId, t.status, t.createdAt),
    index("links_campaign_idx").on(t.campaignId),
    index("links_parent_idx").on(t.parentLinkId).where(sql`${t.parentLinkId} is not null`),
  ],
);

export const linkTags = pgTable(
  "link_tags",
  {
    linkId: text()
      .notNull()
      .references(() => links.id, { onDelete: "cascade" }),
    tagId: text()
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.tagId] }), index("link_tags_tag_idx").on(t.tagId)],
);

/** Wrong password attempts per link and visitor, in fixed windows, for the unlock page's limit. */
export const unlockAttempts = pgTable(
  "unlock_attempts",
  {
    linkId: text()
      .notNull()
      .references(() => links.id, { onDelete: "cascade" }),
    visitorKey: text().notNull(),
    windowStart: timestamptz().notNull(),
    failures: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.visitorKey, t.windowStart] })],
);

export type LinkRow = typeof links.$inferSelect;
export type NewLinkRow = typeof links.$inferInsert;
