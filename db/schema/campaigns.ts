import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps, workspaceRef } from "@/db/columns";
import { tags } from "@/db/schema/tags";

/**
 * Campaigns group links (`links.campaignId`) and carry campaign-wide tags, added to the contact
 * on every click of any of their links. Names are unique per workspace, case-insensitively.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    workspaceId: workspaceRef(),
    name: text().notNull(),
    description: text(),
    archived: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("campaigns_workspace_name_uq").on(t.workspaceId, sql`lower(${t.name})`),
    index("campaigns_workspace_created_idx").on(t.workspaceId, t.createdAt),
    check("campaigns_name_not_blank_ck", sql`btrim(${t.name}) <> ''`),
  ],
);

/** A campaign's tags. Tenancy comes through both parents (same workspace, checked in lib). */
export const campaignTags = pgTable(
  "campaign_tags",
  {
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    tagId: text()
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.tagId] }), index("campaign_tags_tag_idx").on(t.tagId)],
);

export type CampaignRow = typeof campaigns.$inferSelect;
export type NewCampaignRow = typeof campaigns.$inferInsert;
export type CampaignTagRow = typeof campaignTags.$inferSelect;
