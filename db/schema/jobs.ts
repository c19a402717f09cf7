import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, timestamptz } from "@/db/columns";
import { workspaceRef } from "@/db/schema/workspaces";

export const jobStatusEnum = pgEnum("job_status", ["pending", "running", "done", "dead"]);

/**
 * The durable outbox for CRM effects: written in the same transaction as the click or lead that
 * causes it, claimed with `FOR UPDATE SKIP LOCKED`, applied once per `idempotencyKey`.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    idempotencyKey: text().notNull(),
    status: jobStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(8),
    runAt: timestamptz().notNull().defaultNow(),
    lockedAt: timestamptz(),
    lockedBy: text(),
    lastError: text(),
    completedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("jobs_idempotency_uq").on(t.idempotencyKey),
    index("jobs_claim_idx").on(t.runAt).where(sql`${t.status} = 'pending'`),
    index("jobs_workspace_status_idx").on(t.workspaceId, t.status, t.updatedAt),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;
