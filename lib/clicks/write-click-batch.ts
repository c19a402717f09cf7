/**
 * The PostgreSQL click store: one multi-row INSERT per batch plus the per-link counters the link
 * list shows, in one transaction, so a retried batch is never counted twice. Batch hooks (the CRM
 * side enqueues its click jobs here) run in a savepoint of the same transaction: a failing hook is
 * logged and rolled back alone, and never costs the clicks.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clicks } from "@/db/schema/clicks";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { log } from "@/lib/log";

/** Runs inside the batch's transaction with every event of the batch (bots included: filter them). */
export type ClickBatchHook = (tx: Db, events: readonly ClickEvent[]) => Promise<void>;

/**
 * The batch as one JSON parameter, expanded by `json_to_recordset`: one statement and one
 * parameter for any batch size (no 65,535-parameter limit), and no per-value work in the ORM,
 * which costs more than the database does at click rates. The events are serialised as they are
 * (Dates become ISO strings): the record type below names the ClickEvent keys, quoted, and the
 * SELECT maps them onto the columns, so no per-click object is built just to be serialised.
 */
const COLUMNS: [column: string, key: keyof ClickEvent, type: string][] = [
  ["workspace_id", "workspaceId", "text"],
  ["link_id", "linkId", "text"],
  ["root_link_id", "rootLinkId", "text"],
  ["occurred_at", "occurredAt", "timestamptz"],
  ["destination", "destination", "text"],
  ["rule", "rule", "click_rule"],
  ["country", "country", "text"],
  ["region", "region", "text"],
  ["city", "city", "text"],
  ["device_type", "deviceType", "device_type"],
  ["os", "os", "text"],
  ["browser", "browser", "text"],
  ["referrer", "referrer", "text"],
  ["referrer_host", "referrerHost", "text"],
  ["source", "source", "traffic_source"],
  ["is_qr", "isQr", "boolean"],
  ["is_bot", "isBot", "boolean"],
  ["contact_id", "contactId", "text"],
  ["visitor_key", "visitorKey", "text"],
];
const INSERT_COLUMNS = sql.raw(COLUMNS.map(([column]) => column).join(", "));
const SELECT_KEYS = sql.raw(COLUMNS.map(([, key]) => `"${key}"`).join(", "));
const RECORD_TYPE = sql.raw(COLUMNS.map(([, key, type]) => `"${key}" ${type}`).join(", "));

type Counter = { clicks: number; last: Date };

/**
 * Human clicks per link row: the root link always (the list shows it), and a minted code's own
 * row too (per-code "clicked" stats). Sorted by id so concurrent writers lock rows in one order.
 */
function humanCounters(events: readonly ClickEvent[]): [string, Counter][] {
  const counters = new Map<string, Counter>();
  const add = (id: string, at: Date) => {
    const c = counters.get(id);
    if (!c) counters.set(id, { clicks: 1, last: at });
    else {
      c.clicks += 1;
      if (at > c.last) c.last = at;
    }
  };
  for (const e of events) {
    if (e.isBot) continue;
    add(e.rootLinkId, e.occurredAt);
    if (e.linkId !== e.rootLinkId) add(e.linkId, e.occurredAt);
  }
  return [...counters.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function writeClickBatch(db: Db, events: readonly ClickEvent[], hooks: readonly ClickBatchHook[] = []): Promise<void> {
  if (events.length === 0) return;
  const counters = humanCounters(events);
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into ${clicks} (${INSERT_COLUMNS}) select ${SELECT_KEYS} from json_to_recordset(${JSON.stringify(events)}::json) as r(${RECORD_TYPE})`,
    );
    if (counters.length > 0) {
      // One JSON parameter again: the statement text is the same for every batch (one prepared
      // statement, not one per batch size).
      const rows = JSON.stringify(counters.map(([id, c]) => ({ id, n: c.clicks, last: c.last.toISOString() })));
      // A click is not an edit: updated_at stays the time of the last change to the link.
      await tx.execute(sql`
        update links as l
        set clicks = l.clicks + v.n, last_clicked_at = greatest(l.last_clicked_at, v.last)
        from json_to_recordset(${rows}::json) as v(id text, n bigint, last timestamptz)
        where l.id = v.id`);
    }
    for (const hook of hooks) {
      try {
        await tx.transaction((savepoint) => hook(savepoint, events));
      } catch (err) {
        log.error("click batch hook failed", { err, events: events.length });
      }
    }
  });
}
