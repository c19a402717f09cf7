import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestamps, timestamptz, workspaceRef } from "@/db/columns";
import { links } from "@/db/schema/links";

export const leadSyncStatusEnum = pgEnum("lead_sync_status", ["pending", "synced", "failed"]);

/**
 * Lead-capture submissions: stored with the redirect, then upserted into the CRM by a job
 * (`crmContactId` once it succeeds). When the contact is deleted in the CRM, name, email, phone
 * and fields are erased and `erasedAt` is set.
 */
export const leads = pgTable(
  "leads",
  {
    id: id(),
    workspaceId: workspaceRef(),
    linkId: text()
      .notNull()
      .references(() => links.id, { onDelete: "cascade" }),
    name: text(),
    email: text(),
    phone: text(),
    /** Other form fields by key (company, message, …). */
    fields: jsonb().$type<Record<string, string>>().notNull().default({}),
    visitorKey: text().notNull(),
    crmContactId: text(),
    syncStatus: leadSyncStatusEnum().notNull().default("pending"),
    lastError: text(),
    syncedAt: timestamptz(),
    erasedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    index("leads_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("leads_link_created_idx").on(t.linkId, t.createdAt),
    index("leads_contact_idx").on(t.workspaceId, t.crmContactId).where(sql`${t.crmContactId} is not null`),
  ],
);

export type LeadRow = typeof leads.$inferSelect;
export type NewLeadRow = typeof leads.$inferInsert;
export type LeadSyncStatus = (typeof leadSyncStatusEnum.enumValues)[number];
