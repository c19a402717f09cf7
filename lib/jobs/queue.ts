/**
 * The durable queue's write side: jobs are rows of `jobs`, enqueued in the same transaction as
 * whatever causes them (a click batch, a lead, a webhook), so an effect exists exactly when its
 * cause does. The idempotency key is unique: enqueuing the same effect twice is a no-op.
 *
 * ## Coalescing ("open slots")
 * Some work is cheaper done once for many causes: ten clicks of one contact need one add-tags
 * call, not ten. `enqueueCoalescingJobs` gives each such unit of work an *open slot*: the key
 * `{base}:open` (e.g. `crm.tag_contact:{workspace}:{contact}:open`).
 *   - The first cause inserts a pending job holding the slot; later causes, while that job is
 *     still pending, merge their payload into it (`on conflict do update … where pending`):
 *     arrays are appended, numbers added, anything else replaced by the newer value.
 *   - Claiming the job renames its key to `{base}:run:{jobId}` in the same UPDATE that marks it
 *     running, which frees the slot: causes arriving while it runs open a new pending job
 *     instead of merging into one whose payload was already read. So the slot key only ever
 *     belongs to a pending job, and a merge never lands on a running, done or dead job.
 *   - A job that fails and goes back to pending takes its slot back when it is free, so during
 *     a CRM outage the clicks of one contact keep merging into one job instead of piling up.
 * Concurrency is PostgreSQL's: an insert racing the claim waits for the claim's row lock, sees
 * the renamed key and inserts a new row; two inserts of one new slot resolve to one row.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema/jobs";
import { newId } from "@/lib/ids";

export type NewJob = {
  workspaceId: string | null;
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  runAt?: Date;
  maxAttempts?: number;
};

/** The schema's default (`jobs.max_attempts`). */
export const DEFAULT_MAX_ATTEMPTS = 8;

const OPEN_SUFFIX = ":open";
const RUN_MARK = ":run:";

/** The open slot of a coalescing key. */
export function openSlotKey(base: string): string {
  return `${base}${OPEN_SUFFIX}`;
}

/** What a claimed job's key becomes: the slot is free again. */
export const claimedKeySql = sql`case when ${jobs.idempotencyKey} like ${sql.raw(`'%${OPEN_SUFFIX}'`)}
  then left(${jobs.idempotencyKey}, ${sql.raw(String(-OPEN_SUFFIX.length))}) || ${sql.raw(`'${RUN_MARK}'`)} || ${jobs.id}
  else ${jobs.idempotencyKey} end`;

/** The open slot a claimed coalescing job came from, or null for a job that never had one. */
export function openSlotOf(job: { id: string; idempotencyKey: string }): string | null {
  const mark = `${RUN_MARK}${job.id}`;
  return job.idempotencyKey.endsWith(mark) ? openSlotKey(job.idempotencyKey.slice(0, -mark.length)) : null;
}

/**
 * Inserts the jobs whose idempotency key is new; the others are left as they are (whatever
 * their status). Works inside a transaction. Answers how many were new.
 */
export async function enqueueJobs(db: Db, newJobs: readonly NewJob[]): Promise<number> {
  if (newJobs.length === 0) return 0;
  const inserted = await db
    .insert(jobs)
    .values(
      newJobs.map((j) => ({
        id: newId("job"),
        workspaceId: j.workspaceId,
        type: j.type,
        payload: j.payload,
        idempotencyKey: j.idempotencyKey,
        ...(j.runAt ? { runAt: j.runAt } : {}),
        ...(j.maxAttempts ? { maxAttempts: j.maxAttempts } : {}),
      })),
    )
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning({ id: jobs.id });
  return inserted.length;
}

/**
 * The merge of a new cause into a pending job's payload: per top-level key of the new payload,
 * arrays are appended, numbers added, anything else replaced. (`jobs` is the row in the table,
 * `excluded` the one proposed.)
 */
const MERGED_PAYLOAD = sql.raw(`jobs.payload || coalesce((
  select jsonb_object_agg(n.key, case
    when jsonb_typeof(n.value) = 'array' and jsonb_typeof(jobs.payload -> n.key) = 'array' then (jobs.payload -> n.key) || n.value
    when jsonb_typeof(n.value) = 'number' and jsonb_typeof(jobs.payload -> n.key) = 'number'
      then to_jsonb((jobs.payload ->> n.key)::numeric + (n.value #>> '{}')::numeric)
    else n.value end)
  from jsonb_each(excluded.payload) as n), '{}'::jsonb)`);

export type CoalescingOptions = {
  /**
   * Leaves out the proposed jobs this condition is true for, in the same statement. It may refer
   * to the proposed job as `v` (`v.workspace_id`, `v.type`, `v.payload`).
   */
  unless?: SQL;
};

/**
 * Enqueues coalescing jobs: `idempotencyKey` is the *base* key; a pending job holding its open
 * slot takes the payload merged in, otherwise a new pending job opens the slot. Keys must be
 * distinct within one call. One statement, usable inside a transaction. Answers how many jobs
 * were new (the others were merged, or left out by `unless`).
 */
export async function enqueueCoalescingJobs(db: Db, newJobs: readonly NewJob[], options: CoalescingOptions = {}): Promise<number> {
  if (newJobs.length === 0) return 0;
  const keys = new Set(newJobs.map((j) => j.idempotencyKey));
  if (keys.size !== newJobs.length) throw new Error("enqueueCoalescingJobs: merge jobs with the same key before enqueuing them");
  const rows = JSON.stringify(
    newJobs.map((j) => ({
      id: newId("job"),
      workspace_id: j.workspaceId,
      type: j.type,
      payload: j.payload,
      idempotency_key: openSlotKey(j.idempotencyKey),
      run_at: j.runAt?.toISOString() ?? null,
      max_attempts: j.maxAttempts ?? null,
    })),
  );
  // In key order: concurrent writers (two instances' click batches) lock the pending jobs they
  // merge into in one order, so they never deadlock.
  const result = await db.execute<{ inserted: boolean }>(sql`
    insert into jobs (id, workspace_id, type, payload, idempotency_key, run_at, max_attempts)
    select v.id, v.workspace_id, v.type, v.payload, v.idempotency_key, coalesce(v.run_at, now()), coalesce(v.max_attempts, ${DEFAULT_MAX_ATTEMPTS})
    from jsonb_to_recordset(${rows}::jsonb)
      as v(id text, workspace_id text, type text, payload jsonb, idempotency_key text, run_at timestamptz, max_attempts int)
    ${options.unless ? sql`where not (${options.unless})` : sql``}
    order by v.idempotency_key
    on conflict (idempotency_key) do update set payload = ${MERGED_PAYLOAD}, updated_at = now()
    where jobs.status = 'pending'
    returning (xmax = 0) as inserted`);
  return rowsOf<{ inserted: boolean }>(result).filter((r) => r.inserted === true).length;
}

