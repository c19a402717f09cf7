/** Who acts in a workspace: CRM users (from SSO) and REST API keys. */
import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps, timestamptz, workspaceRef } from "@/db/columns";

/** The CRM's SSO `role`; anything other than `admin` is stored as `user`. */
export const userRoleEnum = pgEnum("user_role", ["admin", "user"]);

/** A CRM user who opened the app in this workspace, upserted on every SSO exchange. */
export const users = pgTable(
  "users",
  {
    id: id(),
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

/** REST API keys: only a SHA-256 hash is stored; the key itself is shown once. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    workspaceId: workspaceRef(),
    name: text().notNull(),
    /** The key's first characters, shown in Settings to tell keys apart. */
    prefix: text().notNull(),
    keyHash: text().notNull(),
    createdByUserId: text().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("api_keys_hash_uq").on(t.keyHash),
    index("api_keys_workspace_idx").on(t.workspaceId, t.createdAt),
    index("api_keys_created_by_idx").on(t.createdByUserId).where(sql`${t.createdByUserId} is not null`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type UserRole = (typeof userRoleEnum.enumValues)[number];
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;
