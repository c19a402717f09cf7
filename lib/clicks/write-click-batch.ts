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
import { DIM_VALUES_SQL, ROLLUP_DIMS, SCOPES_SQL } from "@/lib/clicks/rollup-dims";
import { log } from "@/lib/log";

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
  ["occurred_at", "occurredAt", "timestamptz"], // epoch ms in the JSON (see clickRow)
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
const INSERT_COLUMNS = COLUMNS.map(([column]) => column).join(", ");
const SELECT_KEYS = COLUMNS.map(([column, key]) => (key === "occurredAt" ? `to_timestamp("occurredAt" / 1000.0) as ${column}` : `"${key}" as ${column}`)).join(", ");
const RECORD_TYPE = COLUMNS.map(([, key, type]) => `"${key}" ${key === "occurredAt" ? "double precision" : type}`).join(", ");
const DAY = `(b.occurred_at at time zone 'UTC')::date`;

/**
 * One statement per batch: the click rows, and the analytics rollups they add to
 * (db/schema/click-rollups.ts) — counts per scope, dimension, day and month, the visitor keys new
 * that day (unique visitors), and each contact's last click day (unique contacts). Rows are upserted
 * in key order so that two writers never deadlock. Landing-page button clicks without a link are
 * stored but belong to no link's analytics.
 */
const INSERT_BATCH = `
with b as (
  select ${SELECT_KEYS} from json_to_recordset($1::json) as r(${RECORD_TYPE})
), inserted as (
  insert into clicks (${INSERT_COLUMNS}) select ${INSERT_COLUMNS} from b
), new_visitors as (
  insert into click_visitor_days (day, workspace_id, link_id, visitor_key)
  select distinct ${DAY}, b.workspace_id, s.link_id, b.visitor_key
  from b cross join lateral ${SCOPES_SQL}
  where not b.is_bot and b.root_link_id is not null
  order by 1, 2, 3, 4
  on conflict do nothing
  returning workspace_id, link_id, day
), reach as (
  insert into click_contact_reach (workspace_id, link_id, contact_id, last_day)
  select b.workspace_id, s.link_id, b.contact_id, max(${DAY})
  from b cross join lateral ${SCOPES_SQL}
  where not b.is_bot and b.contact_id is not null and b.root_link_id is not null
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (workspace_id, link_id, contact_id) do update set last_day = greatest(click_contact_reach.last_day, excluded.last_day)
), profiles as (
  -- Clicks alike in every rolled-up column (to the hour) counted once: a busy link's batch of
  -- thousands is a handful of profiles, so the per-dimension rows below are few.
  select workspace_id, root_link_id, date_trunc('hour', occurred_at) as occurred_at, is_bot, is_qr, contact_id, country, city,
         device_type, os, browser, source, referrer_host, destination, rule, count(*) as n
  from b where root_link_id is not null
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
), facts as (
  select b.workspace_id, s.link_id, d.dim, ${DAY} as day, d.key, b.n
  from profiles b cross join lateral ${SCOPES_SQL} cross join lateral (values ${DIM_VALUES_SQL}) d(dim, key)
  where d.key is not null
  union all
  select workspace_id, link_id, ${ROLLUP_DIMS.visitors}, day, '', 1 from new_visitors
), daily as (
  select workspace_id, link_id, dim, day, key, sum(n) as n from facts group by 1, 2, 3, 4, 5
), periods as (
  select workspace_id, link_id, dim, false as monthly, day, key, n from daily
  union all
  select workspace_id, link_id, dim, true, date_trunc('month', day::timestamp)::date, key, sum(n) from daily group by 1, 2, 3, 5, 6
)
insert into click_rollups (workspace_id, link_id, dim, monthly, day, key, clicks)
select workspace_id, link_id, dim, monthly, day, key, n from periods
order by 1, 2, 3, 4, 5, 6
on conflict (workspace_id, link_id, dim, monthly, day, key) do update set clicks = click_rollups.clicks + excluded.clicks`;
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

/** Writes these events at once, as one batch (tests, seeding; the click path goes through the writer). */
export async function writeClickEvents(db: Db, events: readonly ClickEvent[], hooks: readonly ClickBatchHook[] = []): Promise<void> {
  const counters: LinkCounters = new Map();
  for (const e of events) if (!e.isBot) countHumanClick(counters, e);
  await writeClickBatch(db, { rows: events.map(clickRow), identified: events.filter(isIdentifiedHuman), counters }, hooks);
}
