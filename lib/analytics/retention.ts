/**
 * The retention job: every workspace keeps its plan's history of clicks (Starter 180 days, Pro
 * 365 days), no more. Runs hourly in each server process (idempotent: instances may overlap).
 */
import { workspaces } from "@/db/schema";
import type { Db } from "@/db/client";
import { historyStart } from "@/lib/analytics/window";
import { deleteClicksBefore, pruneVisitorDays, type RetentionOptions } from "@/lib/clicks/retention";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { startPeriodicTask } from "@/lib/schedule";

export const RETENTION_INTERVAL_MS = 60 * 60_000;
const FIRST_RUN_DELAY_MS = 60_000;
/** Between delete batches: lets the click writer's batches in. */
const PAUSE_MS = 20;

/** Applies every workspace's history limit; returns the clicks deleted per workspace. */
export async function applyRetention(db: Db, now: Date = new Date(), options: RetentionOptions = { pauseMs: PAUSE_MS }): Promise<Map<string, number>> {
  const rows = await db.select({ id: workspaces.id, plan: workspaces.plan }).from(workspaces);
  const deleted = new Map<string, number>();
  for (const w of rows) {
    const n = await deleteClicksBefore(db, w.id, historyStart(w.plan, now), options);
    if (n > 0) deleted.set(w.id, n);
  }
  await pruneVisitorDays(db, now);
  return deleted;
}

async function runOnce(): Promise<void> {
  try {
    const deleted = await applyRetention(await getDb());
    if (deleted.size > 0) log.info("deleted clicks past their plan's history", { workspaces: deleted.size, clicks: [...deleted.values()].reduce((a, b) => a + b, 0) });
  } catch (err) {
    log.error("click retention failed", { err });
  }
}

/** Starts the hourly retention run (once per process); returns a function that stops it. */
export function startClickRetention(): () => void {
  return startPeriodicTask("click-retention", runOnce, RETENTION_INTERVAL_MS, FIRST_RUN_DELAY_MS);
}
