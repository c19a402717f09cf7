import { sql } from "drizzle-orm";
import { check, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps, workspaceRef } from "@/db/columns";

/**
 * Tags: a name, unique per workspace case-insensitively ("VIP" and "vip" are one tag), and a
 * `#rrggbb` colour. Links and campaigns point at tags by id, so a rename or delete reaches
 * every link at once.
 */
export const tags = pgTable(
  "tags",
  {
    id: id(),
    workspaceId: workspaceRef(),
    name: text().notNull(),
    color: text().notNull().default("#6366f1"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("tags_workspace_name_uq").on(t.workspaceId, sql`lower(${t.name})`),
    check("tags_name_not_blank_ck", sql`btrim(${t.name}) <> ''`),
    // The colour lands in style attributes: only a plain hex colour may get there.
    check("tags_color_hex_ck", sql`${t.color} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

export type TagRow = typeof tags.$inferSelect;
export type NewTagRow = typeof tags.$inferInsert;
