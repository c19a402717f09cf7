import { bigint, bigserial, boolean, date, index, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

/**
 * Click counts pre-aggregated as clicks are written (the click writer upserts them in the same
 * statement as the click rows, lib/clicks/write-click-batch.ts), so analytics never scan raw clicks
 * for a workspace or a link: a 10-million-click workspace's "All" window is a few thousand rows.
 *
 * One row = (scope, dimension, UTC day or month, key) → human clicks. Scope `linkId` is a
 * top-level link (its minted codes included) or "" for all the workspace's links. Daily rows
 * answer any window; monthly rows (`monthly`, `day` = the month's first day) stand in for the
 * whole months a long window covers. Dimensions are the `ROLLUP_DIMS` codes of
 * lib/clicks/rollup-dims.ts. No foreign keys, like `clicks`: the app deletes rows with their link
 * or workspace.
 */
export const clickRollups = pgTable(
  "click_rollups",
  {
    workspaceId: text().notNull(),
    linkId: text().notNull(),
    dim: smallint().notNull(),
    monthly: boolean().notNull(),
    day: date({ mode: "string" }).notNull(),
    key: text().notNull(),
    clicks: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.linkId, t.dim, t.monthly, t.day, t.key] }),
    // Retention deletes a workspace's rows older than its plan's history.
    index("click_rollups_workspace_day_idx").on(t.workspaceId, t.day),
  ],
);

/**
 * The visitor keys already counted per scope and UTC day: a click whose key is new here adds one
 * to that day's unique visitors. Visitor keys rotate daily, so only today's and yesterday's rows
 * are ever consulted; older ones are pruned (`pruneVisitorDays`).
 */
export const clickVisitorDays = pgTable(
  "click_visitor_days",
  {
    day: date({ mode: "string" }).notNull(),
    workspaceId: text().notNull(),
    linkId: text().notNull(),
    visitorKey: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.workspaceId, t.linkId, t.visitorKey] })],
);

/**
 * The last UTC day each CRM contact clicked, per scope ("" = any link of the workspace). Windows
 * always end today, so "unique contacts in the window" is the number of rows whose `lastDay` is in
 * it: exact, and one row per contact instead of one per contact and day.
 */
export const clickContactReach = pgTable(
  "click_contact_reach",
  {
    workspaceId: text().notNull(),
    linkId: text().notNull(),
    contactId: text().notNull(),
    lastDay: date({ mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.linkId, t.contactId] })],
);

/**
 * Click batches waiting to be rolled up: the click writer adds one row per batch (the batch's JSON,
 * in the transaction that inserts its clicks) and the rollup step (lib/clicks/rollups.ts) takes
 * many rows at once, adds them to the rollups and deletes them in one transaction. Rolling up
 * seconds of traffic together instead of each 250 ms batch turns thousands of clicks on a link into
 * a few rows, and keeps that work off the click writer's path.
 */
export const clickRollupQueue = pgTable("click_rollup_queue", {
  id: bigserial({ mode: "number" }).primaryKey(),
  batch: text().notNull(),
});
