/**
 * Reading click counts back for analytics. Every figure comes from the rollups the click writer
 * maintains (db/schema/click-rollups.ts) except a campaign's unique visitors, which are counted
 * exactly from the clicks themselves (a visitor who opens two of a campaign's links the same day
 * is one visitor, and no rollup can know that). A column store replacing `clicks` would replace
 * this file and write-click-batch.ts, nothing else.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf, textArray } from "@/db/rows";
import { ROLLUP_DIMS } from "@/lib/clicks/rollup-dims";
import { processSingleton } from "@/lib/process-state";
import { addDays, DAY_MS, dayStartMs, utcDay } from "@/lib/utc-days";

/** Whose clicks: the workspace's links (`linkIds` null) or these top-level links combined. */
export type StatsScope = { workspaceId: string; linkIds: readonly string[] | null };

/** UTC calendar days, inclusive, "YYYY-MM-DD". */
export type DayRange = { from: string; to: string };

type Period = { monthly: boolean; from: string; to: string };


/**
 * The rollup rows that add up to `range`: monthly rows for the whole months inside it, daily rows
 * for the days before the first and after the last of them. A year is 12 months + ≤ 61 days
 * instead of 365 days.
 */
export function periodsOf(range: DayRange): Period[] {
  const from = dayStartMs(range.from);
  const to = dayStartMs(range.to);
  const monthStart = (ms: number, add: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
  };
  // The first whole month starts on `from` if it is a 1st, else at the next month; the whole months
  // end before `to`'s month unless `to` is its month's last day.
  const firstMonth = monthStart(from, 0) === from ? from : monthStart(from, 1);
  const afterLastMonth = monthStart(to, 1) === to + DAY_MS ? monthStart(to, 1) : monthStart(to, 0);
  if (firstMonth >= afterLastMonth) return [{ monthly: false, from: range.from, to: range.to }];
  const periods: Period[] = [];
  if (firstMonth > from) periods.push({ monthly: false, from: range.from, to: utcDay(firstMonth - DAY_MS) });
  periods.push({ monthly: true, from: utcDay(firstMonth), to: utcDay(monthStart(afterLastMonth, -1)) });
  if (afterLastMonth <= to) periods.push({ monthly: false, from: utcDay(afterLastMonth), to: range.to });
  return periods;
}

function scopeSql(scope: StatsScope): SQL {
  if (scope.linkIds === null) return sql`workspace_id = ${scope.workspaceId} and link_id = ''`;
  if (scope.linkIds.length === 1) return sql`workspace_id = ${scope.workspaceId} and link_id = ${scope.linkIds[0]}`;
  return sql`workspace_id = ${scope.workspaceId} and link_id = any(${textArray(scope.linkIds)})`;
}

/** `select key, clicks` for one dimension over the range: one index range scan per period. */
function dimRows(scope: StatsScope, range: DayRange, dims: readonly number[]): SQL {
  const dimFilter = dims.length === 1 ? sql`dim = ${dims[0]}` : sql.join([sql`dim in (`, sql.join(dims.map((d) => sql`${d}`), sql`, `), sql`)`]);
  const parts = periodsOf(range).map(
    (p) => sql`select dim, key, clicks from click_rollups where ${scopeSql(scope)} and ${dimFilter} and monthly = ${p.monthly} and day between ${p.from} and ${p.to}`,
  );
  return sql.join(parts, sql` union all `);
}

type Row = Record<string, unknown>;

async function rows(db: Db, query: SQL): Promise<Row[]> {
  return rowsOf<Row>(await db.execute(query));
}

/** Human clicks per key of `dim`, most first (ties by key), at most `limit` (null = all). */
export async function topKeys(
  db: Db,
  scope: StatsScope,
  range: DayRange,
  dim: number,
  limit: number | null,
): Promise<{ key: string; clicks: number }[]> {
  const found = await rows(
    db,
    sql`select key, sum(clicks)::bigint as clicks from (${dimRows(scope, range, [dim])}) r group by key order by 2 desc, 1 ${limit === null ? sql`` : sql`limit ${limit}`}`,
  );
  return found.map((r) => ({ key: String(r.key), clicks: Number(r.clicks) }));
}

/**
 * The links with the most human clicks: from the workspace rollup's per-link dimension, or, for a
 * set of links, from each link's own totals.
 */
export async function topLinkIds(db: Db, scope: StatsScope, range: DayRange, limit: number): Promise<{ key: string; clicks: number }[]> {
  if (scope.linkIds === null) return topKeys(db, scope, range, ROLLUP_DIMS.link, limit);
  const parts = periodsOf(range).map(
    (p) => sql`select link_id, clicks from click_rollups where ${scopeSql(scope)} and dim = ${ROLLUP_DIMS.clicks} and monthly = ${p.monthly} and day between ${p.from} and ${p.to}`,
  );
  const found = await rows(db, sql`select link_id as key, sum(clicks)::bigint as clicks from (${sql.join(parts, sql` union all `)}) r group by 1 order by 2 desc, 1 limit ${limit}`);
  return found.map((r) => ({ key: String(r.key), clicks: Number(r.clicks) }));
}

/** The sum of each of these key-less dimensions (clicks, QR scans, bots, identified, visitors). */
export async function sumDims(db: Db, scope: StatsScope, range: DayRange, dims: readonly number[]): Promise<Map<number, number>> {
  const found = await rows(db, sql`select dim, sum(clicks)::bigint as clicks from (${dimRows(scope, range, dims)}) r group by dim`);
  return new Map(found.map((r) => [Number(r.dim), Number(r.clicks)]));
}

/** Human clicks per UTC day of the range (days without clicks are absent). */
export async function clicksPerDay(db: Db, scope: StatsScope, range: DayRange): Promise<Map<string, number>> {
  const found = await rows(
    db,
    sql`select day::text as day, sum(clicks)::bigint as clicks from click_rollups
        where ${scopeSql(scope)} and dim = ${ROLLUP_DIMS.clicks} and monthly = false and day between ${range.from} and ${range.to}
        group by day`,
  );
  return new Map(found.map((r) => [String(r.day), Number(r.clicks)]));
}

/** Distinct CRM contacts whose last click in the scope is on or after `from` (windows end today). */
export async function contactsReached(db: Db, scope: StatsScope, from: string): Promise<number> {
  const found = await rows(
    db,
    sql`select count(distinct contact_id)::bigint as n from click_contact_reach where ${scopeSql(scope)} and last_day >= ${from}`,
  );
  return Number(found[0]?.n ?? 0);
}

/**
 * Distinct visitor keys per UTC day, summed, over the human clicks of these links: counted from
 * the clicks (keys rotate daily, so a key is one visitor on one day). The days before the last one
 * no longer change (clicks arrive with the current time), so their count is kept for a while per
 * set of links and range and only the last day is counted again on each call: a live campaign page
 * polling every few seconds scans one day of clicks, not the whole window.
 */
export async function visitorDaysOfLinks(db: Db, workspaceId: string, rootLinkIds: readonly string[], range: DayRange): Promise<number> {
  if (rootLinkIds.length === 0) return 0;
  const cache = processSingleton("campaign-visitor-days", () => new Map<string, { value: number; at: number }>());
  const before = { from: range.from, to: addDays(range.to, -1) };
  const key = `${workspaceId}|${before.from}|${before.to}|${[...rootLinkIds].sort().join(",")}`;
  const now = Date.now();
  let past = cache.get(key);
  if (before.from > before.to) past = { value: 0, at: now };
  else if (!past || now - past.at > PAST_DAYS_TTL_MS) {
    past = { value: await countVisitorDays(db, workspaceId, rootLinkIds, before), at: now };
    if (cache.size >= PAST_DAYS_CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, past);
  }
  return past.value + (await countVisitorDays(db, workspaceId, rootLinkIds, { from: range.to, to: range.to }));
}

/** How long a count of past days is trusted (a deleted link's clicks or retention change it). */
const PAST_DAYS_TTL_MS = 10 * 60_000;
const PAST_DAYS_CACHE_MAX = 500;

async function countVisitorDays(db: Db, workspaceId: string, rootLinkIds: readonly string[], range: DayRange): Promise<number> {
  const found = await rows(
    db,
    sql`select count(*)::bigint as n from (
          select distinct visitor_key, (occurred_at at time zone 'UTC')::date from clicks
          where workspace_id = ${workspaceId}
            and root_link_id = any(${textArray(rootLinkIds)})
            and occurred_at >= ${`${range.from}T00:00:00Z`}::timestamptz
            and occurred_at < ${`${range.to}T00:00:00Z`}::timestamptz + interval '1 day'
            and not is_bot
        ) v`,
  );
  return Number(found[0]?.n ?? 0);
}
