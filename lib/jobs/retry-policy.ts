/**
 * What happens to a job after its handler threw (pure: the worker applies the answer).
 * The rules are listed in lib/jobs/handlers.ts.
 */
import { CrmError } from "@/lib/crm/errors";
import { PermanentJobError, RetryJobLaterError } from "@/lib/jobs/handlers";

/** First retry after about this long (between half and all of it), doubling each attempt. */
export const BACKOFF_BASE_MS = 10_000;
export const BACKOFF_MAX_MS = 60 * 60_000;
/** A 429 without an interval header: the CRM's burst window. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;
/** Spread over this much so that jobs held back by one 429 do not all come back at once. */
const RATE_LIMIT_JITTER_MS = 2_000;
const MAX_ERROR_LENGTH = 1_000;

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half random, so
 * retries of jobs that failed together spread out but never come back sooner than half the step.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export type AfterFailure =
  /** `lastError: undefined` keeps the one recorded before (a deferral is not a failure). */
  | { status: "pending"; runAt: Date; attempts: number; lastError: string | undefined }
  | { status: "dead"; attempts: number; lastError: string };

/** A failure as `jobs.lastError` keeps it: a `CrmError` prefixed with its kind (Settings → CRM reads it). */
export function jobErrorText(err: unknown): string {
  let text: string;
  if (err instanceof CrmError) text = `${err.kind}: ${err.message}`;
  else if (err instanceof Error) text = err.message || err.name;
  else text = String(err);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

export function afterFailure(
  job: { attempts: number; maxAttempts: number },
  err: unknown,
  now: Date,
  random: () => number = Math.random,
): AfterFailure {
  const at = (ms: number) => new Date(now.getTime() + ms);
  // Not counted: the attempt did not fail, the CRM or an earlier job asked us to wait.
  const refunded = Math.max(0, job.attempts - 1);
  if (err instanceof RetryJobLaterError) return { status: "pending", runAt: at(err.delayMs), attempts: refunded, lastError: undefined };
  if (err instanceof PermanentJobError) return { status: "dead", attempts: job.attempts, lastError: jobErrorText(err) };
  if (err instanceof CrmError) {
    if (err.kind === "rate_limited") {
      const wait = (err.details.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS) + Math.round(random() * RATE_LIMIT_JITTER_MS);
      return { status: "pending", runAt: at(wait), attempts: refunded, lastError: jobErrorText(err) };
    }
    if (!err.retryable) return { status: "dead", attempts: job.attempts, lastError: jobErrorText(err) };
  }
  // Retryable: a CRM outage or timeout, or anything unexpected (a database blip, a bug).
  if (job.attempts >= job.maxAttempts) return { status: "dead", attempts: job.attempts, lastError: jobErrorText(err) };
  return { status: "pending", runAt: at(backoffMs(job.attempts, random)), attempts: job.attempts, lastError: jobErrorText(err) };
}
