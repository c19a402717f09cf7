/**
 * One workspace per CRM location: every tenant row hangs off it.
 *
 * This file must not import `@/db/columns` (which imports it): its timestamps are spelled out.
 */
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const planEnum = pgEnum("plan", ["starter", "pro"]);
export const workspaceStatusEnum = pgEnum("workspace_status", ["active", "uninstalled"]);

/** Shown on public pages when `brandingEnabled` or `whiteLabel` is on. Colours are `#rrggbb`. */
export type Branding = { name?: string; logoUrl?: string; primaryColor?: string; accentColor?: string };

/** Workspace preferences; absent keys take the product defaults (lib applies them). */
export type WorkspaceSettings = {
  /** Defaults of a new link's CRM automation switches. */
  automation?: { tagOnClick?: boolean; syncContact?: boolean; addNote?: boolean };
  /** Hostname new links get by default; absent or "" = the shared short domain. */
  defaultDomain?: string;
};

export const workspaces = pgTable(
  "workspaces",
  {
    id: text().primaryKey(),
    crmLocationId: text().notNull(),
    crmCompanyId: text(),
    name: text().notNull(),
    plan: planEnum().notNull().default("starter"),
    /** The CRM's plan id the plan was mapped from (`CRM_PLAN_IDS`). */
    crmPlanId: text(),
    status: workspaceStatusEnum().notNull().default("active"),
    uninstalledAt: timestamp({ withTimezone: true }),
    /** When an uninstalled workspace's data is deleted (uninstall + `UNINSTALL_GRACE_DAYS`). */
    purgeAfter: timestamp({ withTimezone: true }),
    /** The location's timezone, for display only: analytics buckets are UTC. */
    timezone: text().notNull().default("UTC"),
    branding: jsonb().$type<Branding>().notNull().default({}),
    brandingEnabled: boolean().notNull().default(false),
    whiteLabel: boolean().notNull().default(false),
    settings: jsonb().$type<WorkspaceSettings>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("workspaces_crm_location_uq").on(t.crmLocationId),
    index("workspaces_company_idx").on(t.crmCompanyId),
    index("workspaces_purge_idx").on(t.purgeAfter).where(sql`${t.status} = 'uninstalled'`),
  ],
);

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type NewWorkspaceRow = typeof workspaces.$inferInsert;
export type WorkspaceStatus = (typeof workspaceStatusEnum.enumValues)[number];
