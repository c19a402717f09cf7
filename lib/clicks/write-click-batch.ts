/**
 * The PostgreSQL click store: one multi-row INSERT per batch plus the per-link counters the link
 * list shows, in one transaction, so a retried batch is never counted twice. Batch hooks (the CRM
 * side enqueues its click jobs here) run in a savepoint of the same transaction with the
 * identified human clicks of the batch: a failing hook is logged and rolled back alone, and never
 * costs the clicks.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { INSERT_COLUMNS, RECORD_TYPE, SELECT_KEYS } from "@/lib/clicks/click-columns";
import { log } from "@/lib/log";
import { rollUpQueuedClicks } from "@/lib/clicks/rollups";

/** Runs inside the batch's transaction with the batch's human clicks of a known contact. */
export type ClickBatchHook = (tx: Db, identified: readonly ClickEvent[]) => Promise<void>;

/** Human clicks per link row since the last counter write; `last` in epoch ms. */
export type LinkCounters = Map<string, { clicks: number; last: number }>;

/**
 * One write: click rows (each a `ClickEvent` serialised by `clickRow` when it was recorded,
 * so the queue holds flat strings, not objects the garbage collector must walk and promote), the
 * identified human clicks among them (for hooks), and link counters (which the writer sends less
 * often than rows: a busy link's counter row is updated once a second, not once per batch).
 */
export type ClickBatch = { rows: readonly string[]; identified: readonly ClickEvent[]; counters: LinkCounters };


/**
 * One statement per batch: the click rows, and the batch queued for the analytics rollups
 * (lib/clicks/rollups.ts adds queued batches to them a second later, many at once).
 */
const INSERT_BATCH = `
with j as (select $1::text as batch), inserted as (
  insert into clicks (${INSERT_COLUMNS}) select ${SELECT_KEYS} from j cross join lateral json_to_recordset(j.batch::json) as r(${RECORD_TYPE})
)
insert into click_rollup_queue (batch) select batch from j`;

const [BATCH_HEAD = "", BATCH_TAIL = ""] = INSERT_BATCH.split("$1");

/**
 * One click as its JSON row: the event's fields with the time as epoch milliseconds (a Date
 * would cost a toISOString per click, nearly doubling the serialisation on the click path).
 */
export function clickRow(e: ClickEvent): string {
  return JSON.stringify({
    workspaceId: e.workspaceId,
    linkId: e.linkId,
    rootLinkId: e.rootLinkId,
    occurredAt: e.occurredAt.getTime(),
    destination: e.destination,
    rule: e.rule,
    country: e.country,
    region: e.region,
    city: e.city,
    deviceType: e.deviceType,
    os: e.os,
    browser: e.browser,
    referrer: e.referrer,
    referrerHost: e.referrerHost,
    source: e.source,
    isQr: e.isQr,
    isBot: e.isBot,
    contactId: e.contactId,
    visitorKey: e.visitorKey,
  });
}

/** Adds one human click of `event` to `counters`: its root link, and a minted code's own row. */
export function countHumanClick(counters: LinkCounters, event: ClickEvent): void {
  const at = event.occurredAt.getTime();
  add(counters, event.rootLinkId, at);
  if (event.linkId !== event.rootLinkId) add(counters, event.linkId, at);
}

function add(counters: LinkCounters, id: string, at: number): void {
  const c = counters.get(id);
  if (!c) counters.set(id, { clicks: 1, last: at });
  else {
    c.clicks += 1;
    if (at > c.last) c.last = at;
  }
}

/** Moves `from`'s counts into `into` (a failed write gives its counters back). */
export function mergeCounters(into: LinkCounters, from: LinkCounters): void {
  for (const [id, c] of from) {
    const mine = into.get(id);
    if (!mine) into.set(id, { ...c });
    else {
      mine.clicks += c.clicks;
      mine.last = Math.max(mine.last, c.last);
    }
  }
}

export async function writeClickBatch(db: Db, batch: ClickBatch, hooks: readonly ClickBatchHook[] = []): Promise<void> {
  if (batch.rows.length === 0 && batch.counters.size === 0 && batch.identified.length === 0) return;
  // Sorted by id so that concurrent writers lock link rows in one order.
  const counters = [...batch.counters.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await db.transaction(async (tx) => {
    if (batch.rows.length > 0) {
      await tx.execute(sql`${sql.raw(BATCH_HEAD)}${`[${batch.rows.join(",")}]`}${sql.raw(BATCH_TAIL)}`);
    }
    if (counters.length > 0) {
      // One JSON parameter again: the statement text is the same for every batch (one prepared
      // statement, not one per batch size).
      const rows = JSON.stringify(counters.map(([id, c]) => ({ id, n: c.clicks, last: new Date(c.last).toISOString() })));
      // A click is not an edit: updated_at stays the time of the last change to the link.
      await tx.execute(sql`
        update links as l
        set clicks = l.clicks + v.n, last_clicked_at = greatest(l.last_clicked_at, v.last)
        from json_to_recordset(${rows}::json) as v(id text, n bigint, last timestamptz)
        where l.id = v.id`);
    }
    if (batch.identified.length === 0) return;
    for (const hook of hooks) {
      try {
        await tx.transaction((savepoint) => hook(savepoint, batch.identified));
      } catch (err) {
        log.error("click batch hook failed", { err, events: batch.identified.length });
      }
    }
  });
}

/** Identified human clicks: a contact is known and a person clicked (what CRM effects act on). */
export function isIdentifiedHuman(event: ClickEvent): boolean {
  return !event.isBot && event.contactId !== null;
}

/**
 * Writes these events at once, as one batch, and rolls them up at once unless `rollUp: false`
 * (tests, seeding; the click path goes through the writer, whose batches the rollup worker takes).
 */
export async function writeClickEvents(
  db: Db,
  events: readonly ClickEvent[],
  hooks: readonly ClickBatchHook[] = [],
  options: { rollUp?: boolean } = {},
): Promise<void> {
  const counters: LinkCounters = new Map();
  for (const e of events) if (!e.isBot) countHumanClick(counters, e);
  await writeClickBatch(db, { rows: events.map(clickRow), identified: events.filter(isIdentifiedHuman), counters }, hooks);
  if (options.rollUp !== false) await rollUpQueuedClicks(db);
}
