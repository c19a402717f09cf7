/** What the app keeps about the host CRM: installs and tokens, fields, contacts, events, workflows. */
import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps, timestamptz, workspaceRef } from "@/db/columns";
import { links } from "@/db/schema/links";
import { workspaces } from "@/db/schema/workspaces";

/** The OAuth token's `userType`, spelled as the CRM spells it. */
export const crmUserTypeEnum = pgEnum("crm_user_type", ["Company", "Location"]);

/**
 * OAuth tokens per CRM install: one `Company` row per agency install (no location, no workspace)
 * and one `Location` row per location, tied to its workspace. Tokens are encrypted at rest
 * (lib/crm/token-cipher). Refresh tokens rotate: refresh under `select … for update` on the row
 * and save the new pair before the lock is released. Uninstall clears the tokens and sets
 * `uninstalledAt`; a re-install fills them again.
 */
export const crmInstallations = pgTable(
  "crm_installations",
  {
    id: id(),
    userType: crmUserTypeEnum().notNull(),
    companyId: text(),
    locationId: text(),
    workspaceId: text().references(() => workspaces.id, { onDelete: "cascade" }),
    accessTokenEnc: text(),
    refreshTokenEnc: text(),
    /** When the access token expires. */
    expiresAt: timestamptz(),
    /** Space-separated, as the token endpoint answers. */
    scopes: text().notNull().default(""),
    /** The user who installed (token response `userId`). */
    crmUserId: text(),
    planId: text(),
    installedAt: timestamptz().notNull().defaultNow(),
    uninstalledAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("crm_installations_location_uq").on(t.locationId),
    uniqueIndex("crm_installations_company_uq").on(t.companyId).where(sql`${t.userType} = 'Company'`),
    index("crm_installations_workspace_idx").on(t.workspaceId),
    check(
      "crm_installations_owner_ck",
      sql`(${t.userType} = 'Location' and ${t.locationId} is not null) or (${t.userType} = 'Company' and ${t.companyId} is not null and ${t.locationId} is null)`,
    ),
  ],
);

/**
 * The CRM custom fields contact sync writes (last link clicked, total clicks, first and last
 * click), found by `fieldKey` or created once per location.
 */
export const crmCustomFields = pgTable(
  "crm_custom_fields",
  {
    workspaceId: workspaceRef(),
    /** Our key, e.g. `last_link_clicked`. */
    key: text().notNull(),
    crmFieldId: text().notNull(),
    /** As the CRM reads it back, e.g. `contact.smart_links_last_link`. */
    crmFieldKey: text().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

/**
 * Contacts the app has seen: whether the id belongs to the workspace's location (checked once
 * through the CRM; null = not checked yet) and the name/email shown in analytics. On
 * ContactDelete the name and email are erased and `erasedAt` is set (the row stays, so a late
 * click is not re-attributed).
 */
export const crmContacts = pgTable(
  "crm_contacts",
  {
    workspaceId: workspaceRef(),
    contactId: text().notNull(),
    belongsToLocation: boolean(),
    name: text(),
    email: text(),
    verifiedAt: timestamptz(),
    erasedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.contactId] })],
);

/**
 * A contact's viewing session on a link, so CRM writeback (note, fields) happens at most once
 * per session: a repeat click by the same contact on the same (root) link within 60 minutes of
 * `lastWritebackAt` writes nothing. Upsert with a `where` on the window to claim a writeback.
 */
export const crmWritebackSessions = pgTable(
  "crm_writeback_sessions",
  {
    workspaceId: workspaceRef(),
    contactId: text().notNull(),
    linkId: text()
      .notNull()
      .references(() => links.id, { onDelete: "cascade" }),
    lastWritebackAt: timestamptz().notNull(),
    lastClickAt: timestamptz().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.linkId] }),
    index("crm_writeback_sessions_link_idx").on(t.linkId),
  ],
);

/**
 * Webhook deliveries, stored before answering 2xx and processed by a job; the primary key makes
 * each `webhookId` take effect once (deliveries are at-least-once). Pruned by `receivedAt`.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    webhookId: text().primaryKey(),
    type: text().notNull(),
    locationId: text(),
    companyId: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamptz().notNull().defaultNow(),
    processedAt: timestamptz(),
  },
  (t) => [index("webhook_events_received_idx").on(t.receivedAt)],
);

/**
 * Workflow trigger subscriptions ("Smart link clicked") from the CRM's workflow builder, by the
 * CRM's `triggerData.id`; deleted on `DELETED`. Events are POSTed to `targetUrl`.
 */
export const crmTriggerSubscriptions = pgTable(
  "crm_trigger_subscriptions",
  {
    id: id(),
    workspaceId: workspaceRef(),
    /** The CRM's `triggerData.id`. */
    triggerId: text().notNull(),
    /** `smart_link_clicked`. */
    triggerKey: text().notNull(),
    workflowId: text(),
    targetUrl: text().notNull(),
    filters: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    /** `meta.version` of the trigger definition, e.g. "1.0". */
    triggerVersion: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("crm_trigger_subscriptions_trigger_uq").on(t.triggerId),
    index("crm_trigger_subscriptions_workspace_idx").on(t.workspaceId, t.triggerKey),
  ],
);

export type CrmUserType = (typeof crmUserTypeEnum.enumValues)[number];
export type CrmInstallationRow = typeof crmInstallations.$inferSelect;
export type NewCrmInstallationRow = typeof crmInstallations.$inferInsert;
export type CrmCustomFieldRow = typeof crmCustomFields.$inferSelect;
export type NewCrmCustomFieldRow = typeof crmCustomFields.$inferInsert;
export type CrmContactRow = typeof crmContacts.$inferSelect;
export type NewCrmContactRow = typeof crmContacts.$inferInsert;
export type CrmWritebackSessionRow = typeof crmWritebackSessions.$inferSelect;
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type NewWebhookEventRow = typeof webhookEvents.$inferInsert;
export type CrmTriggerSubscriptionRow = typeof crmTriggerSubscriptions.$inferSelect;
export type NewCrmTriggerSubscriptionRow = typeof crmTriggerSubscriptions.$inferInsert;
