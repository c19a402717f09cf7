/**
 * The rollup step: queued click batches (db/schema/click-rollups.ts `click_rollup_queue`) are
 * added to the analytics rollups — counts per scope, dimension, day and month, the visitor keys new
 * that day (unique visitors), each contact's last click day (unique contacts) — and deleted, in one
 * transaction, so every click is counted exactly once whatever crashes. Rows are upserted in key
 * order so that two instances never deadlock; `SKIP LOCKED` gives each its own batches. Landing-page
 * button clicks without a link belong to no link's analytics and are skipped.
 *
 * The worker runs it every second in each server process (clicks show within ~2 s); deleting links
 * or clicks runs it first, inside its own transaction, so nothing queued is added back afterwards.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { DIM_VALUES_SQL, ROLLUP_DIMS, SCOPES_SQL } from "@/lib/clicks/rollup-dims";
import { QUEUED_CLICKS_SQL } from "@/lib/clicks/click-columns";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { startPeriodicTask } from "@/lib/schedule";

/** Queued batches taken at once: up to ~100,000 clicks (a writer batch holds at most 5,000). */
const BATCHES_PER_STEP = 20;
const DAY = `(b.occurred_at at time zone 'UTC')::date`;

const ROLL_UP = `
with q as (
  delete from click_rollup_queue where id in (
    select id from click_rollup_queue order by id limit $1 for update $2
  ) returning batch
), b as materialized (
  ${QUEUED_CLICKS_SQL}
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
  -- Clicks alike in every rolled-up column (to the hour) counted once: a busy link's thousands of
  -- clicks are a handful of profiles, so the per-dimension rows below are few.
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
), rolled as (
  insert into click_rollups (workspace_id, link_id, dim, monthly, day, key, clicks)
  select workspace_id, link_id, dim, monthly, day, key, n from periods
  order by 1, 2, 3, 4, 5, 6
  on conflict (workspace_id, link_id, dim, monthly, day, key) do update set clicks = click_rollups.clicks + excluded.clicks
)
select (select count(*) from q)::int as batches`;
const [HEAD = "", REST = ""] = ROLL_UP.split("$1");
/** The worker skips batches another instance holds; deletions wait for them (see the top). */
const TAIL = { skip: REST.replace("$2", "skip locked"), wait: REST.replace("$2", "") };

/**
 * Rolls up queued batches until none is left (or `maxSteps`); returns how many batches it took.
 * `wait`: wait for batches another transaction is rolling up instead of skipping them (deletions).
 */
export async function rollUpQueuedClicks(db: Db, options: { maxSteps?: number; wait?: boolean } = {}): Promise<number> {
  const maxSteps = options.maxSteps ?? Number.POSITIVE_INFINITY;
  const tail = sql.raw(options.wait ? TAIL.wait : TAIL.skip);
  let total = 0;
  for (let step = 0; step < maxSteps; step++) {
    const [row] = rowsOf<{ batches: number }>(await db.execute(sql`${sql.raw(HEAD)}${BATCHES_PER_STEP}${tail}`));
    const taken = Number(row?.batches ?? 0);
    total += taken;
    if (taken < BATCHES_PER_STEP) break;
  }
  return total;
}

export const ROLLUP_INTERVAL_MS = 1_000;

/** Starts the rollup worker (once per process): every second, whatever the click writers queued. */
export function startRollupWorker(): () => void {
  return startPeriodicTask(
    "click-rollups",
    async () => {
      try {
        await rollUpQueuedClicks(await getDb(), { maxSteps: 10 });
      } catch (err) {
        log.error("click rollup failed", { err });
      }
    },
    ROLLUP_INTERVAL_MS,
    ROLLUP_INTERVAL_MS,
  );
}
