import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, timestamptz } from "@/db/columns";
import { workspaceRef, workspaces } from "@/db/schema/workspaces";

export const crmUserTypeEnum = pgEnum("crm_user_type", ["Company", "Location"]);

/**
 * OAuth tokens per CRM install: one row per Company (agency install) and one per Location.
 * Tokens are encrypted at rest (AES-GCM); the refresh token rotates and is saved under a row lock.
 */
export const crmInstallations = pgTable(
  "crm_installations",
  {
    id: text().primaryKey(),
    userType: crmUserTypeEnum().notNull(),
    companyId: text(),
    locationId: text(),
    workspaceId: text().references(() => workspaces.id, { onDelete: "cascade" }),
    accessTokenEnc: text(),
    refreshTokenEnc: text(),
    expiresAt: timestamptz(),
    scopes: text().notNull().default(""),
    crmUserId: text(),
    planId: text(),
    installedAt: timestamptz().notNull().defaultNow(),
    uninstalledAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("crm_installations_location_uq").on(t.locationId),
    index("crm_installations_company_idx").on(t.companyId, t.userType),
  ],
);

/** The CRM custom fields contact sync writes, found or created once per location. */
export const crmCustomFields = pgTable(
  "crm_custom_fields",
  {
    workspaceId: workspaceRef(),
    /** Our key, e.g. `last_link_clicked`. */
    key: text().notNull(),
    crmFieldId: text().notNull(),
    crmFieldKey: text().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

/**
 * Contacts we have seen: whether the id belongs to the workspace's location (verified once
 * through the CRM), and the name/email shown in analytics. Erased on ContactDelete.
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

/** Webhook deliveries applied, so each `webhookId` takes effect once. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    webhookId: text().primaryKey(),
    type: text().notNull(),
    locationId: text(),
    companyId: text(),
    payload: jsonb().notNull(),
    receivedAt: timestamptz().notNull().defaultNow(),
    processedAt: timestamptz(),
  },
  (t) => [index("webhook_events_received_idx").on(t.receivedAt)],
);

/** Workflow trigger subscriptions ("Smart link clicked") from the CRM's workflow builder. */
export const crmTriggerSubscriptions = pgTable(
  "crm_trigger_subscriptions",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    triggerKey: text().notNull(),
    workflowId: text(),
    targetUrl: text().notNull(),
    filters: jsonb().$type<unknown[]>().notNull().default([]),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index("crm_trigger_subscriptions_workspace_idx").on(t.workspaceId, t.triggerKey)],
);

export type CrmInstallationRow = typeof crmInstallations.$inferSelect;
export type CrmContactRow = typeof crmContacts.$inferSelect;
