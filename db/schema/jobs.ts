import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps, timestamptz } from "@/db/columns";
import { workspaces } from "@/db/schema/workspaces";

/** pending → running → done, or back to pending with a later `runAt`, or dead after `maxAttempts`. */
export const jobStatusEnum = pgEnum("job_status", ["pending", "running", "done", "dead"]);

/**
 * The durable outbox for background work (CRM effects, webhook processing, purges): written in
 * the same transaction as the click batch, lead or event that causes it; claimed with
 * `where status = 'pending' and run_at <= now() order by run_at for update skip locked`; a job
 * `running` with an old `lockedAt` was abandoned by a dead worker and may be reclaimed.
 * `idempotencyKey` is unique, so enqueuing the same effect twice is a no-op
 * (`on conflict do nothing`). A key ending in `:open` is a coalescing slot: later causes merge into
 * that pending job, and claiming it renames the key to `…:run:{id}` (lib/jobs/queue.ts).
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    /** The tenant, for tenant work; null for system work (purge sweep, agency token refresh). */
    workspaceId: text().references(() => workspaces.id, { onDelete: "cascade" }),
    /** Handler name, e.g. `crm.tag_contact` (registered with lib/jobs/handlers.ts). */
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    idempotencyKey: text().notNull(),
    status: jobStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(8),
    runAt: timestamptz().notNull().defaultNow(),
    lockedAt: timestamptz(),
    /** Worker id (`{hostname}:{pid}:{n}`) holding the job while `running`. */
    lockedBy: text(),
    lastError: text(),
    completedAt: timestamptz(),
    /** A dead job the user dismissed from Settings → CRM ("Unresolved activity"); it stays for the record. */
    dismissedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("jobs_idempotency_uq").on(t.idempotencyKey),
    index("jobs_claim_idx").on(t.status, t.runAt),
    // The app's "activities that could not be delivered" list and per-workspace sync status.
    index("jobs_workspace_status_idx").on(t.workspaceId, t.status, t.updatedAt),
    check("jobs_attempts_ck", sql`${t.attempts} >= 0 and ${t.maxAttempts} > 0`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;
export type JobStatus = (typeof jobStatusEnum.enumValues)[number];
