import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps } from "@/db/columns";
import { tags } from "@/db/schema/tags";
import { workspaceRef } from "@/db/schema/workspaces";

/** Campaigns group links and carry campaign-wide tags applied on every click of their links. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    name: text().notNull(),
    description: text(),
    archived: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("campaigns_workspace_name_uq").on(t.workspaceId, sql`lower(${t.name})`),
    index("campaigns_workspace_created_idx").on(t.workspaceId, t.createdAt),
  ],
);

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
