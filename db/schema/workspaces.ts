import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, timestamptz } from "@/db/columns";

export const planEnum = pgEnum("plan", ["starter", "pro"]);
export const workspaceStatusEnum = pgEnum("workspace_status", ["active", "uninstalled"]);
export const userRoleEnum = pgEnum("user_role", ["admin", "user"]);

export type Branding = { name?: string; logoUrl?: string; primaryColor?: string; accentColor?: string };
/** Defaults for new links' CRM automation switches. */
export type AutomationDefaults = { tagOnClick: boolean; syncContact: boolean; addNote: boolean };

/** One workspace per CRM location: every tenant row hangs off it. */
export const workspaces = pgTable(
  "workspaces",
  {
    id: text().primaryKey(),
    crmLocationId: text().notNull(),
    crmCompanyId: text(),
    name: text().notNull(),
    plan: planEnum().notNull().default("starter"),
    crmPlanId: text(),
    status: workspaceStatusEnum().notNull().default("active"),
    uninstalledAt: timestamptz(),
    /** When an uninstalled workspace's data is purged (install + grace period). */
    purgeAfter: timestamptz(),
    timezone: text().notNull().default("UTC"),
    branding: jsonb().$type<Branding>().notNull().default({}),
    brandingEnabled: boolean().notNull().default(false),
    whiteLabel: boolean().notNull().default(false),
    automationDefaults: jsonb()
      .$type<AutomationDefaults>()
      .notNull()
      .default({ tagOnClick: true, syncContact: true, addNote: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("workspaces_crm_location_uq").on(t.crmLocationId),
    index("workspaces_company_idx").on(t.crmCompanyId),
    index("workspaces_purge_idx").on(t.purgeAfter).where(sql`${t.status} = 'uninstalled'`),
  ],
);

/** The tenant key: a tenant row belongs to one workspace and goes with it. */
export const workspaceRef = () =>
  text()
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

/** CRM users who opened the app in a workspace (from SSO). */
export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    crmUserId: text().notNull(),
    name: text().notNull().default(""),
    email: text().notNull().default(""),
    role: userRoleEnum().notNull().default("user"),
    lastSeenAt: timestamptz(),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_workspace_crm_user_uq").on(t.workspaceId, t.crmUserId)],
);

/** REST API keys: only a hash is stored; the key is shown once. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    name: text().notNull(),
    /** First characters of the key, shown in the UI to tell keys apart. */
    prefix: text().notNull(),
    keyHash: text().notNull(),
    createdByUserId: text().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [uniqueIndex("api_keys_hash_uq").on(t.keyHash), index("api_keys_workspace_idx").on(t.workspaceId)],
);

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type NewWorkspaceRow = typeof workspaces.$inferInsert;
export type UserRow = typeof users.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
