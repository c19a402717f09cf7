/**
 * Job handlers by type, registered once per process (Next's bundle and server.ts share one
 * registry through `processSingleton`, so a handler registered by either copy of `lib/` runs).
 *
 * A handler is idempotent: it may run again after a crash, a lost answer or a retry, and must
 * leave the world as one run would (the queue's idempotency key makes each effect one job; the
 * handler makes running that job twice harmless). How a failure is treated:
 *   - returns                      → done
 *   - `PermanentJobError`          → dead at once (`lastError` shown in Settings → CRM)
 *   - `RetryJobLaterError`         → pending again after its delay, the attempt not counted
 *   - `CrmError` rate_limited      → pending again after `retryAfterMs`, the attempt not counted
 *   - `CrmError` retryable, or any other error → pending again with exponential backoff and
 *     jitter; dead after `maxAttempts`
 *   - `CrmError` not retryable (unauthorized after the one refresh, forbidden, not_found,
 *     rejected, invalid_response) → dead at once
 */
import type { Db } from "@/db/client";
import type { JobRow } from "@/db/schema/jobs";
import type { CrmDeps } from "@/lib/crm/tokens";
import { processSingleton } from "@/lib/process-state";

export type { JobRow };

export type JobContext = {
  db: Db;
  /**
   * The CRM dependencies for this job, paced for the job's location (its workspace). Created on
   * first call, then the same object for the rest of the run.
   */
  crm: () => Promise<CrmDeps>;
  /** When the job was claimed (injected by `runDueJobs({ now })` in tests and benches). */
  now: Date;
  /** The row as claimed: `attempts` already counts this run. */
  job: JobRow;
};

export type JobHandler = (ctx: JobContext) => Promise<void>;

/** Retrying cannot help (bad payload, a contact of another location…): the job is dead at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/** Not now, and not a failure (e.g. waiting for an earlier job): run again after `delayMs`, no attempt counted. */
export class RetryJobLaterError extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = "RetryJobLaterError";
  }
}

function registry(): Map<string, JobHandler> {
  return processSingleton("job-handlers", () => new Map<string, JobHandler>());
}

/** Registers (or replaces) the handler of `type` for this process. */
export function registerJobHandler(type: string, handler: JobHandler): void {
  registry().set(type, handler);
}

export function jobHandlerOf(type: string): JobHandler | undefined {
  return registry().get(type);
}

/** The types this process can run: the worker claims only these. */
export function registeredJobTypes(): string[] {
  return [...registry().keys()].sort();
}
