import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { id, timestamps, timestamptz, workspaceRef } from "@/db/columns";
import { campaigns } from "@/db/schema/campaigns";
import { tags } from "@/db/schema/tags";
import { users } from "@/db/schema/users";

/** Stored status. "expired" and "limit_reached" are derived (expiresAt, humanClicks ≥ clickLimit). */
export const linkStatusEnum = pgEnum("link_status", ["active", "archived"]);

export type Utm = { source?: string; medium?: string; campaign?: string; term?: string; content?: string };
export type DeviceKey = "ios" | "android" | "windows" | "macos" | "linux" | "mobile" | "tablet" | "desktop";
/** Click-time routing, checked country → device → A/B → default (`links.url`). */
export type LinkRules = {
  /** ISO 3166 alpha-2 codes, upper case. */
  country?: { countries: string[]; url: string }[];
  device?: { devices: DeviceKey[]; url: string }[];
  /** Weights are positive integers, used as shares of the total. */
  ab?: { url: string; weight: number }[];
};
export type LeadField = "name" | "email" | "phone" | "company" | "message";
export type LeadCapture = { enabled: boolean; headline?: string; fields?: LeadField[] };
/** Per-link CRM automation switches (REST `crm`). */
export type LinkAutomation = { tagOnClick?: boolean; syncContact?: boolean; addNote?: boolean };
/** The social card served to link-preview bots. */
export type LinkPreview = { title?: string; description?: string; image?: string };
/** QR Studio's saved design for the link. Colours are `#rrggbb`; `logo` is a data: URL. */
export type QrStyle = {
  fg?: string;
  bg?: string;
  moduleShape?: "square" | "rounded" | "dots";
  eyeShape?: "square" | "rounded" | "circle";
  logo?: string;
  size?: number;
};

/**
 * A short link: `(domain, slug)` is its short URL, unique, matched exactly (slugs are
 * case-sensitive). `domain` is "" for the shared short domain (whatever `SHORT_BASE_URL` is, so
 * changing it moves no link) and a verified custom hostname otherwise.
 *
 * A minted per-contact code is a link row too: `parentLinkId` names the link it was minted from
 * and `contactId` the one CRM contact it is bound to. Minted rows are hidden from the link list,
 * do not count as active links for plan limits, carry no `link_tags` (tags, rules, protection and
 * automation come from the parent), and their clicks carry `clicks.rootLinkId = parentLinkId`.
 */
export const links = pgTable(
  "links",
  {
    id: id(),
    workspaceId: workspaceRef(),
    domain: text().notNull().default(""),
    slug: text().notNull(),
    /** The default destination (http/https only). */
    url: text().notNull(),
    title: text(),
    description: text(),
    utm: jsonb().$type<Utm>(),
    rules: jsonb().$type<LinkRules>().notNull().default({}),
    /** scrypt hash (`scrypt$…`); the password itself is never stored. Pro. */
    passwordHash: text(),
    expiresAt: timestamptz(),
    /** Where an expired link forwards; null = the branded "expired" page (410). */
    expiredUrl: text(),
    clickLimit: integer(),
    /** Where a link past its click limit forwards; null = the branded page (410). */
    limitUrl: text(),
    leadCapture: jsonb().$type<LeadCapture>(),
    crm: jsonb().$type<LinkAutomation>().notNull().default({}),
    preview: jsonb().$type<LinkPreview>(),
    qrStyle: jsonb().$type<QrStyle>(),
    status: linkStatusEnum().notNull().default("active"),
    campaignId: text().references(() => campaigns.id, { onDelete: "set null" }),
    createdByUserId: text().references(() => users.id, { onDelete: "set null" }),
    parentLinkId: text().references((): AnyPgColumn => links.id, { onDelete: "cascade" }),
    contactId: text(),
    /** Human clicks (bots never), all time, for the list; added in batches by the click writer. */
    clicks: bigint({ mode: "number" }).notNull().default(0),
    lastClickedAt: timestamptz(),
    /**
     * Human clicks counted against `clickLimit`, incremented atomically at click time — the one
     * synchronous write on the redirect path, done only for links that have a limit:
     * `update … set human_clicks = human_clicks + 1 where id = $1 and human_clicks < click_limit`.
     */
    humanClicks: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("links_domain_slug_uq").on(t.domain, t.slug),
    // The link list (top-level links only), newest first, cursor on (createdAt, id).
    index("links_workspace_created_idx")
      .on(t.workspaceId, t.createdAt, t.id)
      .where(sql`${t.parentLinkId} is null`),
    // Status filter and the plan's active-link count.
    index("links_workspace_status_idx")
      .on(t.workspaceId, t.status, t.createdAt)
      .where(sql`${t.parentLinkId} is null`),
    index("links_campaign_idx").on(t.campaignId, t.createdAt),
    index("links_parent_idx").on(t.parentLinkId, t.createdAt).where(sql`${t.parentLinkId} is not null`),
    index("links_contact_idx").on(t.workspaceId, t.contactId).where(sql`${t.contactId} is not null`),
    index("links_created_by_idx").on(t.createdByUserId).where(sql`${t.createdByUserId} is not null`),
    check("links_domain_lower_ck", sql`${t.domain} = lower(${t.domain})`),
    check("links_slug_not_empty_ck", sql`${t.slug} <> ''`),
    // Defence in depth behind the zod schemas: no javascript:, data: or other schemes.
    check(
      "links_urls_http_ck",
      sql`${t.url} ~* '^https?://' and (${t.expiredUrl} is null or ${t.expiredUrl} ~* '^https?://') and (${t.limitUrl} is null or ${t.limitUrl} ~* '^https?://')`,
    ),
    check("links_click_limit_ck", sql`${t.clickLimit} is null or ${t.clickLimit} > 0`),
    check("links_contact_needs_parent_ck", sql`${t.contactId} is null or ${t.parentLinkId} is not null`),
  ],
);

/** A link's tags. Tenancy comes through both parents (same workspace, checked in lib). */
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

/**
 * Wrong password attempts per link and visitor key in fixed windows (`windowStart` truncated by
 * lib), for the unlock page's limit: upsert `failures + 1`, refuse with 429 past the limit.
 * Old windows are deleted by a periodic job.
 */
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
  (t) => [
    primaryKey({ columns: [t.linkId, t.visitorKey, t.windowStart] }),
    index("unlock_attempts_window_idx").on(t.windowStart),
  ],
);

export type LinkRow = typeof links.$inferSelect;
export type NewLinkRow = typeof links.$inferInsert;
export type LinkStatus = (typeof linkStatusEnum.enumValues)[number];
export type LinkTagRow = typeof linkTags.$inferSelect;
export type UnlockAttemptRow = typeof unlockAttempts.$inferSelect;
