import { index, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { timestamps } from "@/db/columns";
import { links } from "@/db/schema/links";
import { workspaceRef } from "@/db/schema/workspaces";

export const leadSyncStatusEnum = pgEnum("lead_sync_status", ["pending", "synced", "failed"]);

/** Lead-capture submissions: stored first, then upserted into the CRM from the queue. */
export const leads = pgTable(
  "leads",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    linkId: text()
      .notNull()
      .references(() => links.id, { onDelete: "cascade" }),
    name: text(),
    email: text(),
    phone: text(),
    fields: jsonb().$type<Record<string, string>>().notNull().default({}),
    visitorKey: text().notNull(),
    crmContactId: text(),
    syncStatus: leadSyncStatusEnum().notNull().default("pending"),
    lastError: text(),
    ...timestamps,
  },
  (t) => [index("leads_workspace_created_idx").on(t.workspaceId, t.createdAt), index("leads_link_idx").on(t.linkId)],
);

export type LeadRow = typeof leads.$inferSelect;
