/**
 * The click sink. `recordClick` is an in-memory hand-off that never waits and never throws: the
 * visitor is answered before the row exists. One writer per process (shared by Next's bundle and
 * server.ts through `processSingleton`) drains the queue in multi-row batches — after
 * `FLUSH_INTERVAL_MS`, or at once when `BATCH_SIZE` rows are waiting — one batch at a time.
 *
 * Failures: a batch that fails for a connection or server reason goes back to the head of the
 * queue and is retried with backoff (up to `MAX_BACKOFF_MS`); a batch refused for its data (e.g.
 * a link deleted in the last instant, whose foreign key no longer holds) is retried row by row and
 * the refused rows are dropped and logged. While the database is away the queue keeps at most
 * `MAX_QUEUED` events and drops the oldest past that, with a log line. `flushClicks()` (on
 * shutdown, and in tests) writes everything queued, retrying a few times before giving up.
 */
import type { Db } from "@/db/client";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { writeClickBatch, type ClickBatchHook } from "@/lib/clicks/write-click-batch";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-state";

export const FLUSH_INTERVAL_MS = 250;
/** Clicks waiting that start a batch at once, without waiting for the interval. */
export const BATCH_SIZE = 500;
/**
 * The most clicks one statement writes. A batch takes everything queued up to this, so under a
 * flood batches grow instead of queueing up: the per-batch round trips and commit are paid once
 * per thousands of clicks, and the writer keeps up with what one process can answer.
 */
export const MAX_BATCH_ROWS = 5_000;
export const MAX_QUEUED = 200_000;
/** When the queue is full, the oldest this-many are dropped at once (one splice, not one per click). */
const DROP_CHUNK = MAX_QUEUED / 100;
const MAX_BACKOFF_MS = 30_000;
const FLUSH_ATTEMPTS = 3;

type Writer = {
  queue: ClickEvent[];
  timer: NodeJS.Timeout | null;
  writing: Promise<void> | null;
  failures: number;
  dropped: number;
  /** Write each click at once instead of batching (a process about to exit without a drain). */
  immediate: boolean;
  hooks: ClickBatchHook[];
  /** Where batches go; the database by default (tests may swap it). */
  store: (events: readonly ClickEvent[], hooks: readonly ClickBatchHook[]) => Promise<void>;
};

async function writeToDatabase(events: readonly ClickEvent[], hooks: readonly ClickBatchHook[]): Promise<void> {
  const db: Db = await getDb();
  await writeClickBatch(db, events, hooks);
}

function writer(): Writer {
  return processSingleton<Writer>("click-writer", () => ({
    queue: [],
    timer: null,
    writing: null,
    failures: 0,
    dropped: 0,
    immediate: false,
    hooks: [],
    store: writeToDatabase,
  }));
}

/** Hands a click to the writer. O(1), synchronous, never throws. */
export function recordClick(event: ClickEvent): void {
  const w = writer();
  if (w.queue.length >= MAX_QUEUED) {
    w.queue.splice(0, DROP_CHUNK);
    w.dropped += DROP_CHUNK;
    log.error("click queue full: dropping the oldest clicks", { dropped: w.dropped });
  }
  w.queue.push(event);
  if (w.writing) return; // the running drain picks it up
  if (w.queue.length >= BATCH_SIZE || w.immediate) schedule(w, 0);
  else schedule(w, FLUSH_INTERVAL_MS);
}

/**
 * Registers a hook that runs in every batch's transaction (e.g. the CRM side enqueuing its click
 * jobs in the same transaction as the clicks). Register once per process, at start-up.
 */
export function onClickBatch(hook: ClickBatchHook): void {
  const w = writer();
  if (!w.hooks.includes(hook)) w.hooks.push(hook);
}

/** Clicks waiting to be written (for health and tests). */
export function queuedClickCount(): number {
  return writer().queue.length;
}

function schedule(w: Writer, delayMs: number): void {
  if (w.timer) {
    if (delayMs > 0) return;
    clearTimeout(w.timer);
  }
  w.timer = setTimeout(() => {
    w.timer = null;
    void drain(w, false);
  }, delayMs);
  // Shutdown calls flushClicks(); a pending batch alone must not keep the process alive.
  w.timer.unref();
}

function isDataError(err: unknown): boolean {
  // SQLSTATE class 22 (data exception) and 23 (integrity constraint violation): the rows, not the database.
  const code = (err as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && /^2[23]/.test(code);
}

async function writeRowByRow(w: Writer, batch: ClickEvent[]): Promise<void> {
  let refused = 0;
  for (const event of batch) {
    try {
      await w.store([event], w.hooks);
    } catch (err) {
      if (!isDataError(err)) throw err;
      refused += 1;
      if (refused === 1) log.warn("click refused by the database", { err, linkId: event.linkId });
    }
  }
  if (refused > 0) log.warn("clicks dropped", { refused, of: batch.length });
}

/** Writes batches until the queue is empty; on a failure, requeues and backs off (or gives up when flushing). */
function drain(w: Writer, flushing: boolean): Promise<void> {
  if (w.writing) return w.writing;
  const run = async () => {
    let attempts = 0;
    while (w.queue.length > 0) {
      const batch = w.queue.splice(0, MAX_BATCH_ROWS);
      try {
        try {
          await w.store(batch, w.hooks);
        } catch (err) {
          if (!isDataError(err)) throw err;
          await writeRowByRow(w, batch);
        }
        w.failures = 0;
        attempts = 0;
        // Let waiting requests run between batches: PGlite executes on this thread.
        if (w.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
      } catch (err) {
        w.queue.unshift(...batch);
        w.failures += 1;
        attempts += 1;
        log.error("click batch write failed", { err, queued: w.queue.length, failures: w.failures });
        if (!flushing) return; // retried by the backoff timer below
        if (attempts >= FLUSH_ATTEMPTS) {
          log.error("clicks not written", { lost: w.queue.length });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempts));
      }
    }
  };
  w.writing = run().finally(() => {
    w.writing = null;
    if (w.queue.length > 0 && !flushing) {
      schedule(w, w.failures > 0 ? Math.min(FLUSH_INTERVAL_MS * 2 ** w.failures, MAX_BACKOFF_MS) : w.queue.length >= BATCH_SIZE ? 0 : FLUSH_INTERVAL_MS);
    }
  });
  return w.writing;
}

/** Writes every queued click now (shutdown, tests). Resolves when written or given up on; never rejects. */
export async function flushClicks(): Promise<void> {
  const w = writer();
  if (w.timer) {
    clearTimeout(w.timer);
    w.timer = null;
  }
  if (w.writing) await w.writing;
  if (w.queue.length > 0) await drain(w, true);
}

/**
 * For a process that will exit on a signal without draining its server first (`next start`,
 * which exits as soon as its own close is done): from the signal on, clicks are written as they
 * come, and what is queued is flushed at once. server.ts does not need it: it drains, then flushes.
 */
export function writeClicksImmediatelyFromNowOn(): Promise<void> {
  writer().immediate = true;
  return flushClicks();
}

/** Test seam: replaces where batches go; returns the previous store. */
export function setClickStore(store: Writer["store"]): Writer["store"] {
  const w = writer();
  const previous = w.store;
  w.store = store;
  return previous;
}
