/**
 * Columns shared by every table. TS keys are camelCase; `casing: "snake_case"` (drizzle.config.ts
 * and db/client.ts) turns them into the SQL names.
 *
 * Import order matters here: this file imports `workspaces`, so `db/schema/workspaces.ts` must
 * not import this file (an import cycle would make `timestamps` undefined under CommonJS/jest).
 */
import { text, timestamp } from "drizzle-orm/pg-core";
import { workspaces } from "@/db/schema/workspaces";

/**
 * Primary key made by the app, never by the database: `newId(prefix)` from `lib/ids.ts`
 * (`ws_…`, `usr_…`, `lnk_…`). Random ids leak no counts and can be made before the insert,
 * so a link and its tag rows are written in one round trip.
 */
export const id = () => text().primaryKey();

/** Every timestamp is `timestamptz`: instants, compared and bucketed in UTC. */
export const timestamptz = () => timestamp({ withTimezone: true });

export const timestamps = {
  createdAt: timestamptz().notNull().defaultNow(),
  /** Set by Drizzle on every `update()`; raw SQL updates must set it themselves. */
  updatedAt: timestamptz()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** The tenant key: the row belongs to one workspace and is deleted with it. */
export const workspaceRef = () =>
  text()
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });
