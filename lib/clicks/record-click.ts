/**
 * The click sink. `recordClick` is an in-memory hand-off that never waits and never throws: the
 * visitor is answered before the row exists. One writer per process (shared by Next's bundle and
 * server.ts through `processSingleton`) drains the queue in multi-row batches — after
 * `FLUSH_INTERVAL_MS`, or at once when `BATCH_SIZE` rows are waiting — one batch at a time. Each
 * click is queued as its JSON (one flat string), its link counters are summed in memory and
 * written at most once per `COUNTER_INTERVAL_MS`, and only identified human clicks are kept as
 * objects, for the batch hooks.
 *
 * Failures: a batch that fails for a connection or server reason goes back to the head of the
 * queue and is retried with backoff (up to `MAX_BACKOFF_MS`); a batch refused for its data is
 * retried row by row and the refused rows are dropped and logged. While the database is away the
 * queue keeps at most `MAX_QUEUED` clicks and drops the oldest past that, with a log line.
 * `flushClicks()` (on shutdown, and in tests) writes everything queued, counters included,
 * retrying a few times before giving up.
 */
import type { Db } from "@/db/client";
import type { ClickEvent } from "@/lib/clicks/click-event";
import {
  clickRow,
  countHumanClick,
  isIdentifiedHuman,
  mergeCounters,
  writeClickBatch,
  type ClickBatch,
  type ClickBatchHook,
  type LinkCounters,
} from "@/lib/clicks/write-click-batch";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-state";

export const FLUSH_INTERVAL_MS = 250;
/**
 * Clicks waiting that start a batch at once, without waiting for the interval. Under load the
 * writer thus sends a few large batches a second rather than many small ones: fewer round trips
 * and commits, and fewer wake-ups of the database competing with the click path for the CPU.
 */
export const BATCH_SIZE = 2_000;
/**
 * The most clicks one statement writes. A batch takes everything queued up to this, so under a
 * flood batches grow instead of queueing up: the per-batch round trips and commit are paid once
 * per thousands of clicks, and the writer keeps up with what one process can answer.
 */
export const MAX_BATCH_ROWS = 5_000;
/** Link counters (the list's click count and last click) are written at most this often. */
export const COUNTER_INTERVAL_MS = 1_000;
export const MAX_QUEUED = 200_000;
/** When the queue is full, the oldest this-many are dropped at once (one splice, not one per click). */
const DROP_CHUNK = MAX_QUEUED / 100;
const MAX_BACKOFF_MS = 30_000;
const FLUSH_ATTEMPTS = 3;

type Store = (batch: ClickBatch, hooks: readonly ClickBatchHook[]) => Promise<void>;

type Writer = {
  /** Queued clicks, each as its JSON; `rows[0]` has sequence number `firstSeq`. */
  rows: string[];
  firstSeq: number;
  /** Identified human clicks among `rows`, with their sequence numbers, oldest first. */
  identified: ClickEvent[];
  identifiedSeq: number[];
  /** Counters not yet written, and when they are next due (epoch ms). */
  counters: LinkCounters;
  countersDueAt: number;
  timer: NodeJS.Timeout | null;
  writing: Promise<void> | null;
  failures: number;
  dropped: number;
  /** Write each click at once instead of batching (a process about to exit without a drain). */
  immediate: boolean;
  hooks: ClickBatchHook[];
  /** Where batches go; the database by default (tests may swap it). */
  store: Store;
};

async function writeToDatabase(batch: ClickBatch, hooks: readonly ClickBatchHook[]): Promise<void> {
  const db: Db = await getDb();
  await writeClickBatch(db, batch, hooks);
}

function writer(): Writer {
  return processSingleton<Writer>("click-writer.v2", () => ({
    rows: [],
    firstSeq: 0,
    identified: [],
    identifiedSeq: [],
    counters: new Map(),
    countersDueAt: 0,
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
  if (w.rows.length >= MAX_QUEUED) dropOldest(w, DROP_CHUNK);
  w.rows.push(clickRow(event));
  if (!event.isBot) countHumanClick(w.counters, event);
  if (isIdentifiedHuman(event)) {
    w.identified.push(event);
    w.identifiedSeq.push(w.firstSeq + w.rows.length - 1);
  }
  if (w.writing) return; // the running drain picks it up
  if (w.rows.length >= BATCH_SIZE || w.immediate) schedule(w, 0);
  else schedule(w, FLUSH_INTERVAL_MS);
}

function dropOldest(w: Writer, n: number): void {
  w.rows.splice(0, n);
  w.firstSeq += n;
  const gone = countBelow(w.identifiedSeq, w.firstSeq);
  w.identified.splice(0, gone);
  w.identifiedSeq.splice(0, gone);
  w.dropped += n;
  log.error("click queue full: dropping the oldest clicks", { dropped: w.dropped });
}

/** How many of the (ascending) sequence numbers are below `seq`. */
function countBelow(seqs: readonly number[], seq: number): number {
  let n = 0;
  while (n < seqs.length && (seqs[n] ?? Infinity) < seq) n += 1;
  return n;
}

/**
 * Registers a hook that runs in every batch's transaction with its identified human clicks (the
 * CRM side enqueuing its click jobs in the same transaction as the clicks). Once per process.
 */
export function onClickBatch(hook: ClickBatchHook): void {
  const w = writer();
  if (!w.hooks.includes(hook)) w.hooks.push(hook);
}

/** Clicks waiting to be written (for health and tests). */
export function queuedClickCount(): number {
  return writer().rows.length;
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

type Taken = ClickBatch & { firstSeq: number; identifiedSeq: number[]; counters: LinkCounters };

/** The next batch: up to MAX_BATCH_ROWS rows, their identified clicks, and the counters when due. */
function take(w: Writer, withCounters: boolean): Taken {
  const firstSeq = w.firstSeq;
  const rows = w.rows.splice(0, MAX_BATCH_ROWS);
  w.firstSeq += rows.length;
  const k = countBelow(w.identifiedSeq, w.firstSeq);
  const identified = w.identified.splice(0, k);
  const identifiedSeq = w.identifiedSeq.splice(0, k);
  let counters: LinkCounters = new Map();
  if (withCounters && w.counters.size > 0) {
    counters = w.counters;
    w.counters = new Map();
    w.countersDueAt = Date.now() + COUNTER_INTERVAL_MS;
  }
  return { rows, firstSeq, identified, identifiedSeq, counters };
}

/** A failed batch goes back to the head of the queue, counters merged back. */
function giveBack(w: Writer, batch: Taken): void {
  w.rows.unshift(...batch.rows);
  w.firstSeq = batch.firstSeq;
  w.identified.unshift(...batch.identified);
  w.identifiedSeq.unshift(...batch.identifiedSeq);
  mergeCounters(w.counters, batch.counters);
}

async function writeRowByRow(w: Writer, batch: Taken): Promise<void> {
  let refused = 0;
  for (let i = 0; i < batch.rows.length; i++) {
    const seq = batch.firstSeq + i;
    const at = batch.identifiedSeq.indexOf(seq);
    const identified = at === -1 ? [] : [batch.identified[at] as ClickEvent];
    try {
      await w.store({ rows: [batch.rows[i] ?? ""], identified, counters: new Map() }, w.hooks);
    } catch (err) {
      if (!isDataError(err)) throw err;
      refused += 1;
      if (refused === 1) log.warn("click refused by the database", { err, row: batch.rows[i]?.slice(0, 200) });
    }
  }
  if (batch.counters.size > 0) await w.store({ rows: [], identified: [], counters: batch.counters }, w.hooks);
  if (refused > 0) log.warn("clicks dropped", { refused, of: batch.rows.length });
}

/** Writes batches until the queue is empty; on a failure, requeues and backs off (or gives up when flushing). */
function drain(w: Writer, flushing: boolean): Promise<void> {
  if (w.writing) return w.writing;
  const countersDue = () => w.counters.size > 0 && (flushing || Date.now() >= w.countersDueAt);
  const run = async () => {
    let attempts = 0;
    // Flushing writes everything; otherwise one batch, then more at once only while a full
    // BATCH_SIZE is waiting (smaller remainders wait for the interval and grow meanwhile).
    let first = true;
    while (flushing ? w.rows.length > 0 || countersDue() : first || w.rows.length >= BATCH_SIZE) {
      first = false;
      const batch = take(w, countersDue());
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
        if (w.rows.length > 0) await new Promise((resolve) => setImmediate(resolve));
      } catch (err) {
        giveBack(w, batch);
        w.failures += 1;
        attempts += 1;
        log.error("click batch write failed", { err, queued: w.rows.length, failures: w.failures });
        if (!flushing) return; // retried by the backoff timer below
        if (attempts >= FLUSH_ATTEMPTS) {
          log.error("clicks not written", { lost: w.rows.length });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempts));
      }
    }
  };
  w.writing = run().finally(() => {
    w.writing = null;
    if (flushing) return;
    if (w.failures > 0 && (w.rows.length > 0 || w.counters.size > 0)) {
      schedule(w, Math.min(FLUSH_INTERVAL_MS * 2 ** w.failures, MAX_BACKOFF_MS));
    } else if (w.rows.length > 0) {
      schedule(w, w.rows.length >= BATCH_SIZE ? 0 : FLUSH_INTERVAL_MS);
    } else if (w.counters.size > 0) {
      schedule(w, Math.max(0, w.countersDueAt - Date.now()));
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
  if (w.rows.length > 0 || w.counters.size > 0) await drain(w, true);
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
export function setClickStore(store: Store): Store {
  const w = writer();
  const previous = w.store;
  w.store = store;
  return previous;
}
