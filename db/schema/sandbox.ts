/**
 * The sandbox CRM's own data (CRM_MODE=sandbox): what a HighLevel agency would hold, so that
 * `/sandbox/crm/...` answers like the real API and `/sandbox/api/...` can show and reset it.
 * No app table references these, and none of these references an app table: the sandbox is
 * "the other side" of the HTTP API. Ids are CRM-style opaque strings made by the sandbox.
 * Empty (and unused) in production.
 */
import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamptz } from "@/db/columns";

/** The agency (HighLevel "company"). */
export const sandboxCompanies = pgTable("sandbox_companies", {
  id: text().primaryKey(),
  name: text().notNull(),
  createdAt: timestamptz().notNull().defaultNow(),
});

/** Sub-accounts, with the app's install state and marketplace plan there. */
export const sandboxLocations = pgTable(
  "sandbox_locations",
  {
    id: text().primaryKey(),
    companyId: text()
      .notNull()
      .references(() => sandboxCompanies.id, { onDelete: "cascade" }),
    name: text().notNull(),
    timezone: text().notNull().default("UTC"),
    /** Seed order, for `GET /sandbox/api/state`. */
    position: integer().notNull().default(0),
    isAppInstalled: boolean().notNull().default(false),
    /** The CRM plan id the location subscribes to (mapped to starter/pro by `CRM_PLAN_IDS`). */
    planId: text(),
    installedAt: timestamptz(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index("sandbox_locations_company_idx").on(t.companyId, t.position)],
);

/** CRM users: agency users (`type` "agency") or users of some locations (`type` "account"). */
export const sandboxUsers = pgTable(
  "sandbox_users",
  {
    id: text().primaryKey(),
    companyId: text()
      .notNull()
      .references(() => sandboxCompanies.id, { onDelete: "cascade" }),
    name: text().notNull(),
    email: text().notNull(),
    /** SSO `role`: "admin" or "user". */
    role: text().notNull().default("user"),
    /** SSO `type`: "agency" or "account". */
    type: text().notNull().default("account"),
    /** The locations the user can open; agency users can open every location. */
    locationIds: text().array().notNull().default(sql`'{}'::text[]`),
    position: integer().notNull().default(0),
  },
  (t) => [index("sandbox_users_company_idx").on(t.companyId, t.position)],
);

/** Contacts, shaped like Contacts API v2 (`tags` replaced wholesale by create/upsert/update). */
export const sandboxContacts = pgTable(
  "sandbox_contacts",
  {
    id: text().primaryKey(),
    locationId: text()
      .notNull()
      .references(() => sandboxLocations.id, { onDelete: "cascade" }),
    firstName: text(),
    lastName: text(),
    email: text(),
    phone: text(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Values by custom field id. */
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    source: text(),
    dateAdded: timestamptz().notNull().defaultNow(),
    dateUpdated: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    index("sandbox_contacts_location_idx").on(t.locationId, t.dateAdded),
    // Upsert matching (email, then phone) and duplicate lookup.
    index("sandbox_contacts_email_idx").on(t.locationId, sql`lower(${t.email})`),
    index("sandbox_contacts_phone_idx").on(t.locationId, t.phone),
  ],
);

/** Location custom fields (`/locations/{id}/customFields`). */
export const sandboxCustomFields = pgTable(
  "sandbox_custom_fields",
  {
    id: text().primaryKey(),
    locationId: text()
      .notNull()
      .references(() => sandboxLocations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** `contact.<key>`. */
    fieldKey: text().notNull(),
    dataType: text().notNull(),
    model: text().notNull().default("contact"),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sandbox_custom_fields_key_uq").on(t.locationId, t.fieldKey)],
);

/** A contact's notes timeline. */
export const sandboxNotes = pgTable(
  "sandbox_notes",
  {
    id: text().primaryKey(),
    contactId: text()
      .notNull()
      .references(() => sandboxContacts.id, { onDelete: "cascade" }),
    body: text().notNull(),
    userId: text(),
    dateAdded: timestamptz().notNull().defaultNow(),
  },
  (t) => [index("sandbox_notes_contact_idx").on(t.contactId, t.dateAdded)],
);

/** Authorization codes handed to the app's OAuth callback; single use, short-lived. */
export const sandboxOauthCodes = pgTable("sandbox_oauth_codes", {
  code: text().primaryKey(),
  /** "Company" or "Location". */
  userType: text().notNull(),
  companyId: text().notNull(),
  locationId: text(),
  userId: text(),
  expiresAt: timestamptz().notNull(),
  usedAt: timestamptz(),
});

/**
 * Issued token pairs. A refresh creates a new row and marks the old one `refreshedAt`: a
 * refresh token works once. Access tokens stay valid until `expiresAt` or `revokedAt`
 * (uninstall revokes every pair of the location).
 */
export const sandboxTokens = pgTable(
  "sandbox_tokens",
  {
    id: text().primaryKey(),
    userType: text().notNull(),
    companyId: text().notNull(),
    locationId: text(),
    accessToken: text().notNull(),
    refreshToken: text().notNull(),
    scopes: text().notNull().default(""),
    expiresAt: timestamptz().notNull(),
    refreshedAt: timestamptz(),
    revokedAt: timestamptz(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandbox_tokens_access_uq").on(t.accessToken),
    uniqueIndex("sandbox_tokens_refresh_uq").on(t.refreshToken),
    index("sandbox_tokens_location_idx").on(t.locationId),
  ],
);

/**
 * Workflows on the sandbox's workflows page that use the app's trigger. Subscribing sends the
 * app the subscription callback with `targetUrl` = the sandbox's execute URL for this workflow.
 */
export const sandboxWorkflows = pgTable(
  "sandbox_workflows",
  {
    id: text().primaryKey(),
    locationId: text()
      .notNull()
      .references(() => sandboxLocations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    triggerKey: text().notNull(),
    /** The `triggerData.id` sent to the app. */
    triggerId: text().notNull(),
    filters: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    isActive: boolean().notNull().default(true),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandbox_workflows_trigger_uq").on(t.triggerId),
    index("sandbox_workflows_location_idx").on(t.locationId),
  ],
);

/** Trigger events the app fired at a workflow's `targetUrl` (shown on the workflows page). */
export const sandboxTriggerEvents = pgTable(
  "sandbox_trigger_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workflowId: text()
      .notNull()
      .references(() => sandboxWorkflows.id, { onDelete: "cascade" }),
    contactId: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index("sandbox_trigger_events_workflow_idx").on(t.workflowId, t.receivedAt)],
);

/** Small sandbox-wide state shared by every process (e.g. the active fault and its end). */
export const sandboxSettings = pgTable("sandbox_settings", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamptz().notNull().defaultNow(),
});

export type SandboxCompanyRow = typeof sandboxCompanies.$inferSelect;
export type SandboxLocationRow = typeof sandboxLocations.$inferSelect;
export type NewSandboxLocationRow = typeof sandboxLocations.$inferInsert;
export type SandboxUserRow = typeof sandboxUsers.$inferSelect;
export type NewSandboxUserRow = typeof sandboxUsers.$inferInsert;
export type SandboxContactRow = typeof sandboxContacts.$inferSelect;
export type NewSandboxContactRow = typeof sandboxContacts.$inferInsert;
export type SandboxCustomFieldRow = typeof sandboxCustomFields.$inferSelect;
export type SandboxNoteRow = typeof sandboxNotes.$inferSelect;
export type SandboxOauthCodeRow = typeof sandboxOauthCodes.$inferSelect;
export type SandboxTokenRow = typeof sandboxTokens.$inferSelect;
export type SandboxWorkflowRow = typeof sandboxWorkflows.$inferSelect;
export type SandboxTriggerEventRow = typeof sandboxTriggerEvents.$inferSelect;
export type SandboxSettingRow = typeof sandboxSettings.$inferSelect;
