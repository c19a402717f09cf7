import { sql } from "drizzle-orm";
import { bigserial, boolean, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "@/db/columns";
import { links } from "@/db/schema/links";
import { landingPages } from "@/db/schema/pages";
import { workspaceRef } from "@/db/schema/workspaces";

export const ruleEnum = pgEnum("click_rule", ["country", "device", "ab", "default"]);
export const deviceTypeEnum = pgEnum("device_type", ["desktop", "mobile", "tablet"]);

/**
 * One row per visit, with every dimension the analytics show. Bots are kept (flagged) so the UI
 * can say how many were filtered, and excluded from every number. Raw IPs are never stored: the
 * visitor key is a salted hash rotated daily.
 */
export const clicks = pgTable(
  "clicks",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workspaceId: workspaceRef(),
    linkId: text()
      .notNull()
      .references(() => links.id, { onDelete: "cascade" }),
    /** The parent link of a minted per-contact code, so link analytics include its clicks. */
    rootLinkId: text().notNull(),
    landingPageId: text().references(() => landingPages.id, { onDelete: "set null" }),
    occurredAt: timestamptz().notNull().defaultNow(),
    destination: text(),
    rule: ruleEnum(),
    country: text(),
    region: text(),
    city: text(),
    deviceType: deviceTypeEnum(),
    os: text(),
    browser: text(),
    referrer: text(),
    referrerHost: text(),
    source: text().notNull().default("direct"),
    isQr: boolean().notNull().default(false),
    isBot: boolean().notNull().default(false),
    contactId: text(),
    visitorKey: text().notNull(),
  },
  (t) => [
    index("clicks_workspace_time_idx").on(t.workspaceId, t.occurredAt),
    index("clicks_link_time_idx").on(t.rootLinkId, t.occurredAt),
    index("clicks_contact_idx").on(t.workspaceId, t.contactId).where(sql`${t.contactId} is not null`),
  ],
);

export type ClickRow = typeof clicks.$inferSelect;
export type NewClickRow = typeof clicks.$inferInsert;
