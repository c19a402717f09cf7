/**
 * Retention: clicks older than the plan's history (Starter 180 days, Pro 365) are deleted in
 * small batches with a pause between them, so the click writer and redirects never wait behind one
 * long delete; rollup rows that no window can read any more go with them. Visitor keys older than
 * yesterday are pruned too (keys rotate daily: no click can match them again).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { addDays, utcDay } from "@/lib/utc-days";

export const RETENTION_BATCH = 5_000;

export type RetentionOptions = { batchSize?: number; pauseMs?: number };

/** Deletes the workspace's clicks before `cutoff` (a UTC midnight) and the rollups before it. */
export async function deleteClicksBefore(db: Db, workspaceId: string, cutoff: Date, options: RetentionOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? RETENTION_BATCH;
  const cutoffDay = utcDay(cutoff);
  let deleted = 0;
  for (;;) {
    const rows = rowsOf<{ n: number }>(
      await db.execute(sql`
        with gone as (
          delete from clicks where id in (
            select id from clicks where workspace_id = ${workspaceId} and occurred_at < ${cutoff.toISOString()}::timestamptz limit ${batchSize}
          ) returning 1
        ) select count(*)::int as n from gone`),
    );
    const n = Number(rows[0]?.n ?? 0);
    deleted += n;
    if (n < batchSize) break;
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  // Daily rows before the cutoff; monthly rows of months that ended before it (a month the cutoff
  // falls in is never read whole again: windows start at or after the cutoff).
  await db.execute(sql`
    delete from click_rollups where workspace_id = ${workspaceId}
      and ((monthly = false and day < ${cutoffDay}::date) or (monthly = true and day < date_trunc('month', ${cutoffDay}::date::timestamp)::date))`);
  await db.execute(sql`delete from click_contact_reach where workspace_id = ${workspaceId} and last_day < ${cutoffDay}::date`);
  return deleted;
}

/** Drops visitor keys of days before yesterday (UTC). */
export async function pruneVisitorDays(db: Db, now: Date = new Date()): Promise<void> {
  const yesterday = addDays(utcDay(now), -1);
  await db.execute(sql`delete from click_visitor_days where day < ${yesterday}::date`);
}
