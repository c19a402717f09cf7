/**
 * The job worker: one per server process (`startJobWorker`, stopped by `stopJobWorker` on
 * shutdown), any number per database. Each poll claims due jobs in one statement,
 *
 *   update jobs set status = 'running', attempts + 1, locked_at, locked_by, (open slot freed)
 *   where id in (select … for update skip locked)
 *
 * so two workers never claim one job, and a job `running` with a `locked_at` older than
 * `LOCK_TIMEOUT_MS` (its worker died) is claimed again. Every later write of a run is guarded by
 * `locked_by`, so a run that lost its claim cannot overwrite the new one.
 *
 * Fairness and pacing per location (= workspace): candidates are ranked per workspace by due
 * time and taken round-robin (every location's first job, then every second…), and a location
 * never has more than `MAX_RUNNING_PER_LOCATION` jobs running across all workers, so a backlog
 * of one location cannot starve another or hammer its CRM. The CRM calls themselves are paced
 * per location (lib/jobs/location-pacing.ts, lib/crm/client.ts).
 */
import { hostname } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, type JobRow } from "@/db/schema/jobs";
import { getCrmDeps } from "@/lib/crm/deps";
import type { CrmDeps } from "@/lib/crm/tokens";
import { getDb } from "@/lib/db";
import { jobHandlerOf, registeredJobTypes, type JobContext } from "@/lib/jobs/handlers";
import { pacedCrmHttp } from "@/lib/jobs/location-pacing";
import { claimedKeySql, openSlotOf } from "@/lib/jobs/queue";
import { afterFailure } from "@/lib/jobs/retry-policy";
import { isUniqueViolation } from "@/lib/links/unique-violation";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-state";

export const MAX_CONCURRENT_JOBS = 8;
export const MAX_RUNNING_PER_LOCATION = 4;
export const POLL_INTERVAL_MS = 1_000;
/** Longer than any run can take (CRM calls time out after 10 s and wait at most ~12 s for the rate limit). */
export const LOCK_TIMEOUT_MS = 5 * 60_000;
const MAX_POLL_BACKOFF_MS = 30_000;
/** Done jobs are kept this long (Settings → CRM counts today's effects), then deleted; dead ones stay. */
export const DONE_JOB_RETENTION_MS = 7 * 24 * 60 * 60_000;
const PRUNE_INTERVAL_MS = 60 * 60_000;
const PRUNE_CHUNK = 5_000;

function nextWorkerId(): string {
  const counter = processSingleton("job-worker-seq", () => ({ n: 0 }));
  counter.n += 1;
  return `${hostname()}:${process.pid}:${counter.n}`;
}

export type ClaimOptions = { now: Date; limit: number; workerId: string; types: readonly string[] };

/** Claims up to `limit` due jobs of these types (none when `types` is empty). */
export async function claimJobs(db: Db, { now, limit, workerId, types }: ClaimOptions): Promise<JobRow[]> {
  if (types.length === 0 || limit <= 0) return [];
  const staleBefore = new Date(now.getTime() - LOCK_TIMEOUT_MS).toISOString();
  // Due by the millisecond: `run_at` defaults to the database's now(), which has microseconds.
  const at = new Date(now.getTime() + 1).toISOString();
  const typeList = sql.join(types.map((t) => sql`${t}`), sql`, `);
  const claimable = (alias: string) => {
    const t = sql.raw(alias);
    return sql`((${t}.status = 'pending' and ${t}.run_at < ${at}::timestamptz) or (${t}.status = 'running' and ${t}.locked_at <= ${staleBefore}::timestamptz))`;
  };
  return db
    .update(jobs)
    .set({ status: "running", attempts: sql`${jobs.attempts} + 1`, lockedAt: now, lockedBy: workerId, idempotencyKey: claimedKeySql })
    .where(
      sql`${jobs.id} in (
        select c.id from jobs c
        join (
          select r.id, r.rn from (
            select q.id, q.workspace_id, row_number() over (partition by q.workspace_id order by q.run_at, q.id) as rn
            from jobs q
            where q.type in (${typeList}) and ${claimable("q")}
          ) r
          left join (
            select b.workspace_id, count(*)::int as n from jobs b
            where b.status = 'running' and b.locked_at > ${staleBefore}::timestamptz
            group by b.workspace_id
          ) busy on busy.workspace_id is not distinct from r.workspace_id
          where r.rn + coalesce(busy.n, 0) <= ${MAX_RUNNING_PER_LOCATION}
        ) k on k.id = c.id
        where ${claimable("c")}
        order by k.rn, c.run_at
        limit ${limit}
        for update of c skip locked
      )`,
    )
    .returning();
}

const ownRun = (job: JobRow, workerId: string) => and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running"));

/** Runs one claimed job and records the outcome. Never throws. */
export async function runClaimedJob(db: Db, job: JobRow, workerId: string, now: Date): Promise<void> {
  const handler = jobHandlerOf(job.type);
  let deps: Promise<CrmDeps> | null = null;
  const ctx: JobContext = {
    db,
    now,
    job,
    crm: () => {
      deps ??= getCrmDeps().then((d) => ({ ...d, http: pacedCrmHttp(d.http, `workspace:${job.workspaceId ?? "-"}`) }));
      return deps;
    },
  };
  try {
    if (!handler) throw new Error(`No handler for job type ${job.type} in this process`);
    await handler(ctx);
  } catch (err) {
    await recordFailure(db, job, workerId, err, new Date(Math.max(now.getTime(), Date.now()))).catch((writeErr: unknown) =>
      // The job stays `running` and is claimed again after LOCK_TIMEOUT_MS.
      log.error("job failure not recorded", { err: writeErr, jobId: job.id, type: job.type }),
    );
    return;
  }
  await db
    .update(jobs)
    .set({ status: "done", completedAt: new Date(), lastError: null, lockedAt: null, lockedBy: null })
    .where(ownRun(job, workerId))
    .catch((err: unknown) => log.error("job completion not recorded", { err, jobId: job.id, type: job.type }));
}

async function recordFailure(db: Db, job: JobRow, workerId: string, err: unknown, now: Date): Promise<void> {
  const next = afterFailure(job, err, now);
  if (next.status === "dead") {
    log.error("job dead", { jobId: job.id, type: job.type, workspaceId: job.workspaceId, attempts: next.attempts, lastError: next.lastError });
    await db
      .update(jobs)
      .set({ status: "dead", attempts: next.attempts, lastError: next.lastError, lockedAt: null, lockedBy: null })
      .where(ownRun(job, workerId));
    return;
  }
  if (next.lastError !== undefined) {
    log.warn("job will be retried", { jobId: job.id, type: job.type, attempts: next.attempts, runAt: next.runAt.toISOString(), lastError: next.lastError });
  }
  const [requeued] = await db
    .update(jobs)
    .set({
      status: "pending",
      attempts: next.attempts,
      runAt: next.runAt,
      lockedAt: null,
      lockedBy: null,
      ...(next.lastError !== undefined ? { lastError: next.lastError } : {}),
    })
    .where(ownRun(job, workerId))
    .returning({ id: jobs.id });
  const slot = openSlotOf(job);
  if (requeued && slot) await reopenSlot(db, job.id, slot);
}

/** A coalescing job back to pending takes its open slot back when no newer job holds it. */
async function reopenSlot(db: Db, jobId: string, slot: string): Promise<void> {
  try {
    await db
      .update(jobs)
      .set({ idempotencyKey: slot })
      .where(
        and(
          eq(jobs.id, jobId),
          eq(jobs.status, "pending"),
          sql`not exists (select 1 from jobs o where o.idempotency_key = ${slot})`,
        ),
      );
  } catch (err) {
    // A newer job opened the slot between the check and the write: both jobs run, separately.
    if (!isUniqueViolation(err)) throw err;
  }
}

/**
 * Deletes done jobs finished before the retention window, a chunk at a time (every instance may
 * run it; deletes are idempotent). `run_at ≤ completed_at`, so the condition on `run_at` lets the
 * claim index narrow the scan. Answers how many were deleted.
 */
export async function pruneDoneJobs(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - DONE_JOB_RETENTION_MS).toISOString();
  let deleted = 0;
  for (;;) {
    const gone = await db
      .delete(jobs)
      .where(
        sql`${jobs.id} in (select d.id from jobs d where d.status = 'done' and d.run_at < ${cutoff}::timestamptz and d.completed_at < ${cutoff}::timestamptz limit ${PRUNE_CHUNK})`,
      )
      .returning({ id: jobs.id });
    deleted += gone.length;
    if (gone.length < PRUNE_CHUNK) return deleted;
  }
}

/**
 * Claims and runs due jobs until none is left (or `limit` have run): several at once, within
 * the per-location cap. For tests, benches and scripts; servers run `startJobWorker`.
 * `now` decides what is due (and which running jobs count as abandoned) and is what handlers
 * see; retries are scheduled from it.
 */
export async function runDueJobs(options: { now?: Date; limit?: number } = {}): Promise<number> {
  const db = await getDb();
  const workerId = nextWorkerId();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let ran = 0;
  while (ran < limit) {
    const now = options.now ?? new Date();
    const claimed = await claimJobs(db, { now, limit: Math.min(MAX_CONCURRENT_JOBS, limit - ran), workerId, types: registeredJobTypes() });
    if (claimed.length === 0) break;
    await Promise.all(claimed.map((job) => runClaimedJob(db, job, workerId, now)));
    ran += claimed.length;
  }
  return ran;
}

type WorkerState = {
  id: string;
  isStopped: boolean;
  timer: NodeJS.Timeout | null;
  polling: Promise<void> | null;
  inFlight: Set<Promise<void>>;
  failures: number;
  /** A poll was asked for while one ran (a job finished): poll again right after. */
  isPollWanted: boolean;
  pruneTimer: NodeJS.Timeout | null;
};

const holder = () => processSingleton("job-worker", () => ({ state: null as WorkerState | null }));

function schedule(state: WorkerState, delayMs: number): void {
  if (state.isStopped) return;
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    state.timer = null;
    poll(state);
  }, delayMs);
  // Shutdown calls stopJobWorker(); an idle worker alone must not keep the process alive.
  state.timer.unref();
}

function poll(state: WorkerState): void {
  if (state.isStopped) return;
  if (state.polling) {
    state.isPollWanted = true;
    return;
  }
  state.isPollWanted = false;
  state.polling = (async () => {
    let next = POLL_INTERVAL_MS;
    try {
      const capacity = MAX_CONCURRENT_JOBS - state.inFlight.size;
      const types = registeredJobTypes();
      if (capacity > 0 && types.length > 0) {
        const db = await getDb();
        const now = new Date();
        const claimed = await claimJobs(db, { now, limit: capacity, workerId: state.id, types });
        for (const job of claimed) {
          const run = runClaimedJob(db, job, state.id, now).finally(() => {
            state.inFlight.delete(run);
            schedule(state, 0); // a slot is free: claim more at once
          });
          state.inFlight.add(run);
        }
      }
      state.failures = 0;
    } catch (err) {
      state.failures += 1;
      next = Math.min(POLL_INTERVAL_MS * 2 ** state.failures, MAX_POLL_BACKOFF_MS);
      log.error("job claim failed", { err, failures: state.failures });
    } finally {
      state.polling = null;
      if (!state.isStopped && !state.timer) schedule(state, state.isPollWanted ? 0 : next);
    }
  })();
}

/** Starts this process's worker (once; a second call while it runs does nothing). */
export function startJobWorker(): void {
  const h = holder();
  if (h.state && !h.state.isStopped) return;
  const state: WorkerState = { id: nextWorkerId(), isStopped: false, timer: null, polling: null, inFlight: new Set(), failures: 0, isPollWanted: false, pruneTimer: null };
  h.state = state;
  schedule(state, 0);
  state.pruneTimer = setInterval(() => {
    void getDb()
      .then((db) => pruneDoneJobs(db, new Date()))
      .then((n) => (n > 0 ? log.info("pruned done jobs", { count: n }) : undefined))
      .catch((err: unknown) => log.error("pruning done jobs failed", { err }));
  }, PRUNE_INTERVAL_MS);
  state.pruneTimer.unref();
  log.info("job worker started", { workerId: state.id });
}

/** Stops claiming and waits for the jobs running in this process to finish. */
export async function stopJobWorker(): Promise<void> {
  const h = holder();
  const state = h.state;
  if (!state) return;
  state.isStopped = true;
  if (state.timer) clearTimeout(state.timer);
  if (state.pruneTimer) clearInterval(state.pruneTimer);
  state.timer = null;
  await state.polling;
  await Promise.all([...state.inFlight]);
  if (h.state === state) h.state = null;
}
