import { sql } from "drizzle-orm";
import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps } from "@/db/columns";
import { workspaceRef } from "@/db/schema/workspaces";

/** Tags have a name (unique per workspace, case-insensitively) and a colour. */
export const tags = pgTable(
  "tags",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    name: text().notNull(),
    color: text().notNull().default("#6366f1"),
    ...timestamps,
  },
  (t) => [uniqueIndex("tags_workspace_name_uq").on(t.workspaceId, sql`lower(${t.name})`)],
);

export type TagRow = typeof tags.$inferSelect;
