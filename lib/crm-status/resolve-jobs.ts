/**
 * Retry and dismiss for Settings → CRM's unresolved activity. Only dead, undismissed jobs of the
 * caller's workspace can be acted on; any other id (another workspace's included) is `not_found`,
 * so ids reveal nothing.
 *
 * Retry puts the job back as new — pending, no attempts, due now, unlocked — and keeps
 * `lastError` until a run succeeds. The job keeps its idempotency key, so the effect still
 * happens at most once. Dismiss only sets `dismissedAt`; the job stays for the record with its
 * failure time (`updatedAt`) unchanged.
 */
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { REFRESH_CONTACT_NAMES_JOB } from "@/lib/crm/contact-names";
import { AppError } from "@/lib/errors";

/** The same rows Settings → CRM lists (the app's own upkeep excluded). */
const isUnresolved = (workspaceId: string) =>
  and(eq(jobs.workspaceId, workspaceId), eq(jobs.status, "dead"), isNull(jobs.dismissedAt), ne(jobs.type, REFRESH_CONTACT_NAMES_JOB));
const requeued = (now: Date) => ({ status: "pending" as const, attempts: 0, runAt: now, lockedAt: null, lockedBy: null, completedAt: null });

export async function retryJob(db: Db, workspaceId: string, jobId: string, now: Date = new Date()): Promise<void> {
  const updated = await db
    .update(jobs)
    .set(requeued(now))
    .where(and(isUnresolved(workspaceId), eq(jobs.id, jobId)))
    .returning({ id: jobs.id });
  if (updated.length === 0) throw new AppError("not_found", "This activity is not waiting for a retry (it may have been retried or dismissed already)");
}

/** Retries every unresolved job of the workspace; answers how many. */
export async function retryAllJobs(db: Db, workspaceId: string, now: Date = new Date()): Promise<number> {
  const updated = await db.update(jobs).set(requeued(now)).where(isUnresolved(workspaceId)).returning({ id: jobs.id });
  return updated.length;
}

export async function dismissJob(db: Db, workspaceId: string, jobId: string, now: Date = new Date()): Promise<void> {
  const updated = await db
    .update(jobs)
    // Keep updatedAt: it is when the job failed, which the list and the 24-hour count show.
    .set({ dismissedAt: now, updatedAt: sql`${jobs.updatedAt}` })
    .where(and(isUnresolved(workspaceId), eq(jobs.id, jobId)))
    .returning({ id: jobs.id });
  if (updated.length === 0) throw new AppError("not_found", "This activity is not unresolved (it may have been retried or dismissed already)");
}
