/**
 * The durable queue on a real database (PGlite, or PostgreSQL with DATABASE_URL): enqueue in a
 * transaction, idempotency keys, claiming with SKIP LOCKED under concurrent workers, stale
 * reclaim, per-location fairness, every failure rule, coalescing slots, and the worker's
 * start/stop.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, workspaces, type JobRow } from "@/db/schema";
import { CrmError } from "@/lib/crm/errors";
import { getDb } from "@/lib/db";
import { newId } from "@/lib/ids";
import { PermanentJobError, registerJobHandler, RetryJobLaterError, type JobContext } from "@/lib/jobs/handlers";
import { enqueueCoalescingJobs, enqueueJobs } from "@/lib/jobs/queue";
import { claimJobs, DONE_JOB_RETENTION_MS, LOCK_TIMEOUT_MS, MAX_RUNNING_PER_LOCATION, pruneDoneJobs, runDueJobs, startJobWorker, stopJobWorker } from "@/lib/jobs/worker";
import { useTestDatabase } from "@/tests/helpers/db";

let database: { close: () => Promise<void> };
let db: Db;

beforeAll(async () => {
  database = await useTestDatabase();
  db = await getDb();
});
afterAll(async () => {
  await stopJobWorker();
  await database.close();
});

async function workspace(): Promise<string> {
  const id = newId("ws");
  await db.insert(workspaces).values({ id, crmLocationId: `loc_${id}`, name: "W" });
  return id;
}

async function jobByKey(key: string): Promise<JobRow> {
  const [row] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, key));
  if (!row) throw new Error(`no job ${key}`);
  return row;
}

async function jobsOfType(type: string): Promise<JobRow[]> {
  return db.select().from(jobs).where(eq(jobs.type, type));
}

let seq = 0;
/** A fresh job type whose handler is `handler`. */
function jobType(handler: (ctx: JobContext) => Promise<void>): string {
  const type = `test.type_${++seq}`;
  registerJobHandler(type, handler);
  return type;
}

describe("enqueueJobs", () => {
  it("inserts new keys only and answers how many were new; a rolled-back transaction leaves nothing", async () => {
    const ws = await workspace();
    const type = jobType(async () => {});
    const job = (key: string) => ({ workspaceId: ws, type, payload: { key }, idempotencyKey: `${type}:${key}` });
    expect(await enqueueJobs(db, [job("a"), job("b")])).toBe(2);
    expect(await enqueueJobs(db, [job("a"), job("c")])).toBe(1);
    await expect(
      db.transaction(async (tx) => {
        await enqueueJobs(tx, [job("d")]);
        throw new Error("the cause was not stored");
      }),
    ).rejects.toThrow("the cause was not stored");
    expect((await jobsOfType(type)).map((j) => j.payload.key).sort()).toEqual(["a", "b", "c"]);
    expect(await enqueueJobs(db, [])).toBe(0);
  });
});

describe("runDueJobs", () => {
  it("runs due jobs once and leaves future ones", async () => {
    const ran: string[] = [];
    const type = jobType(async ({ job }) => {
      ran.push(String(job.payload.name));
    });
    const now = new Date();
    await enqueueJobs(db, [
      { workspaceId: null, type, payload: { name: "due" }, idempotencyKey: `${type}:due`, runAt: new Date(now.getTime() - 1000) },
      { workspaceId: null, type, payload: { name: "later" }, idempotencyKey: `${type}:later`, runAt: new Date(now.getTime() + 60_000) },
    ]);
    await runDueJobs({ now });
    expect(ran).toEqual(["due"]);
    expect(await jobByKey(`${type}:due`)).toMatchObject({ status: "done", attempts: 1, lockedBy: null, lastError: null });
    expect((await jobByKey(`${type}:due`)).completedAt).toBeInstanceOf(Date);
    expect((await jobByKey(`${type}:later`)).status).toBe("pending");
    await runDueJobs({ now: new Date(now.getTime() + 61_000) });
    expect(ran).toEqual(["due", "later"]);
    await runDueJobs({ now: new Date(now.getTime() + 120_000) });
    expect(ran).toEqual(["due", "later"]);
  });

  it("never runs a job twice with several workers claiming at once", async () => {
    const runs = new Map<string, number>();
    const type = jobType(async ({ job }) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    });
    const wss = await Promise.all([workspace(), workspace(), workspace()]);
    await enqueueJobs(
      db,
      Array.from({ length: 60 }, (_, i) => ({ workspaceId: wss[i % 3] ?? null, type, payload: {}, idempotencyKey: `${type}:${i}` })),
    );
    const counts = await Promise.all([runDueJobs(), runDueJobs(), runDueJobs()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect((await jobsOfType(type)).every((j) => j.status === "done")).toBe(true);
  });

  it("claims round-robin across locations, at most MAX_RUNNING_PER_LOCATION per location", async () => {
    const [busy, quiet] = [await workspace(), await workspace()];
    const type = jobType(async () => {});
    const old = new Date(Date.now() - 60_000);
    await enqueueJobs(db, [
      ...Array.from({ length: 10 }, (_, i) => ({ workspaceId: busy, type, payload: {}, idempotencyKey: `${type}:busy:${i}`, runAt: old })),
      { workspaceId: quiet, type, payload: {}, idempotencyKey: `${type}:quiet`, runAt: new Date() },
    ]);
    const claimed = await claimJobs(db, { now: new Date(), limit: 20, workerId: "test:1", types: [type] });
    expect(claimed.filter((j) => j.workspaceId === busy)).toHaveLength(MAX_RUNNING_PER_LOCATION);
    expect(claimed.filter((j) => j.workspaceId === quiet)).toHaveLength(1);
    // The busy location is at its cap while those run: a second worker gets nothing of it.
    expect(await claimJobs(db, { now: new Date(), limit: 20, workerId: "test:2", types: [type] })).toHaveLength(0);
    await db.update(jobs).set({ status: "pending", lockedAt: null, lockedBy: null }).where(inArray(jobs.id, claimed.map((j) => j.id)));
    await runDueJobs();
    expect((await jobsOfType(type)).every((j) => j.status === "done")).toBe(true);
  });

  it("reclaims a job whose worker died, but not one still being worked on", async () => {
    const type = jobType(async () => {});
    await enqueueJobs(db, [
      { workspaceId: null, type, payload: {}, idempotencyKey: `${type}:stale` },
      { workspaceId: null, type, payload: {}, idempotencyKey: `${type}:live` },
    ]);
    const now = new Date();
    await db.update(jobs).set({ status: "running", attempts: 1, lockedBy: "dead-host:1:1", lockedAt: new Date(now.getTime() - LOCK_TIMEOUT_MS - 1000) }).where(eq(jobs.idempotencyKey, `${type}:stale`));
    await db.update(jobs).set({ status: "running", attempts: 1, lockedBy: "live-host:1:1", lockedAt: now }).where(eq(jobs.idempotencyKey, `${type}:live`));
    expect(await runDueJobs({ now })).toBe(1);
    expect(await jobByKey(`${type}:stale`)).toMatchObject({ status: "done", attempts: 2 });
    expect(await jobByKey(`${type}:live`)).toMatchObject({ status: "running", lockedBy: "live-host:1:1" });
  });
});

describe("retention", () => {
  it("deletes done jobs past the retention window and keeps dead and recent ones", async () => {
    const type = jobType(async () => {});
    const old = new Date(Date.now() - DONE_JOB_RETENTION_MS - 60_000);
    await enqueueJobs(db, ["old-done", "new-done", "old-dead"].map((k) => ({ workspaceId: null, type, payload: {}, idempotencyKey: `${type}:${k}`, runAt: old })));
    await db.update(jobs).set({ status: "done", completedAt: old }).where(eq(jobs.idempotencyKey, `${type}:old-done`));
    await db.update(jobs).set({ status: "done", completedAt: new Date() }).where(eq(jobs.idempotencyKey, `${type}:new-done`));
    await db.update(jobs).set({ status: "dead" }).where(eq(jobs.idempotencyKey, `${type}:old-dead`));
    expect(await pruneDoneJobs(db, new Date())).toBeGreaterThanOrEqual(1);
    expect((await jobsOfType(type)).map((j) => j.idempotencyKey.split(":").pop()).sort()).toEqual(["new-done", "old-dead"]);
  });
});

describe("failures", () => {
  async function runOnce(type: string, key: string, now: Date): Promise<JobRow> {
    await runDueJobs({ now });
    return jobByKey(key);
  }

  it("backs off a retryable error with jitter, then gives up after maxAttempts", async () => {
    const type = jobType(async () => {
      throw new CrmError("unavailable", "The CRM answered 503", { status: 503 });
    });
    const key = `${type}:x`;
    await enqueueJobs(db, [{ workspaceId: null, type, payload: {}, idempotencyKey: key, maxAttempts: 3 }]);
    let now = new Date();
    const first = await runOnce(type, key, now);
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastError: "unavailable: The CRM answered 503", lockedBy: null });
    const firstDelay = first.runAt.getTime() - now.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(5_000);
    expect(firstDelay).toBeLessThanOrEqual(10_000);
    now = new Date(first.runAt.getTime() + 1);
    const second = await runOnce(type, key, now);
    expect(second).toMatchObject({ status: "pending", attempts: 2 });
    expect(second.runAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(10_000);
    now = new Date(second.runAt.getTime() + 1);
    expect(await runOnce(type, key, now)).toMatchObject({ status: "dead", attempts: 3, lastError: "unavailable: The CRM answered 503" });
  });

  it("kills at once on PermanentJobError and on a CRM refusal that will not change", async () => {
    const permanent = jobType(async () => {
      throw new PermanentJobError("Contact not found: c1 is not a contact of this CRM location");
    });
    const forbidden = jobType(async () => {
      throw new CrmError("forbidden", "The token does not have access to this location.", { status: 403 });
    });
    await enqueueJobs(db, [
      { workspaceId: null, type: permanent, payload: {}, idempotencyKey: `${permanent}:x` },
      { workspaceId: null, type: forbidden, payload: {}, idempotencyKey: `${forbidden}:x` },
    ]);
    await runDueJobs();
    expect(await jobByKey(`${permanent}:x`)).toMatchObject({ status: "dead", attempts: 1, lastError: "Contact not found: c1 is not a contact of this CRM location" });
    expect(await jobByKey(`${forbidden}:x`)).toMatchObject({ status: "dead", attempts: 1, lastError: "forbidden: The token does not have access to this location." });
  });

  it("waits out a rate limit as the CRM says, without counting the attempt", async () => {
    const type = jobType(async () => {
      throw new CrmError("rate_limited", "Too many requests", { status: 429, retryAfterMs: 10_000 });
    });
    const deferred = jobType(async () => {
      throw new RetryJobLaterError("an earlier job first", 3_000);
    });
    await enqueueJobs(db, [
      { workspaceId: null, type, payload: {}, idempotencyKey: `${type}:x`, maxAttempts: 1 },
      { workspaceId: null, type: deferred, payload: {}, idempotencyKey: `${deferred}:x`, maxAttempts: 1 },
    ]);
    const now = new Date();
    await runDueJobs({ now });
    const limited = await jobByKey(`${type}:x`);
    expect(limited).toMatchObject({ status: "pending", attempts: 0, lastError: "rate_limited: Too many requests" });
    expect(limited.runAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(10_000);
    expect(limited.runAt.getTime() - now.getTime()).toBeLessThan(13_000);
    const later = await jobByKey(`${deferred}:x`);
    expect(later).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    expect(later.runAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(3_000);
    expect(later.runAt.getTime() - now.getTime()).toBeLessThan(4_000);
  });

  it("retries an unexpected error (a database blip, a bug) with backoff", async () => {
    const type = jobType(async () => {
      throw new Error("connection reset");
    });
    await enqueueJobs(db, [{ workspaceId: null, type, payload: {}, idempotencyKey: `${type}:x` }]);
    await runDueJobs();
    expect(await jobByKey(`${type}:x`)).toMatchObject({ status: "pending", attempts: 1, lastError: "connection reset" });
  });
});

describe("coalescing", () => {
  it("merges causes into the pending job, frees the slot on claim, and takes it back on retry", async () => {
    const ws = await workspace();
    const seen: Record<string, unknown>[] = [];
    let shouldFail = true;
    const type = jobType(async ({ job }) => {
      seen.push(job.payload);
      if (shouldFail) throw new CrmError("unavailable", "down");
    });
    const cause = (n: number) => ({ workspaceId: ws, type, payload: { contactId: "c1", clicks: 1, events: [n], last: `click ${n}` }, idempotencyKey: `${type}:c1` });
    expect(await enqueueCoalescingJobs(db, [cause(1)])).toBe(1);
    expect(await enqueueCoalescingJobs(db, [cause(2)])).toBe(0);
    await db.transaction(async (tx) => {
      await enqueueCoalescingJobs(tx, [cause(3)]);
    });
    expect(await jobsOfType(type)).toHaveLength(1);
    expect((await jobByKey(`${type}:c1:open`)).payload).toEqual({ contactId: "c1", clicks: 3, events: [1, 2, 3], last: "click 3" });

    // Claimed: the slot is free, and the next cause opens a new job instead of merging.
    const [claimed] = await claimJobs(db, { now: new Date(), limit: 1, workerId: "test:c", types: [type] });
    expect(claimed?.idempotencyKey).toBe(`${type}:c1:run:${claimed?.id}`);
    expect(await enqueueCoalescingJobs(db, [cause(4)])).toBe(1);
    await db.update(jobs).set({ status: "pending", lockedBy: null, lockedAt: null }).where(eq(jobs.id, claimed?.id ?? ""));

    // Both fail and go back to pending: one of them takes the free slot, the other stays apart.
    await runDueJobs();
    const rows = await jobsOfType(type);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === "pending")).toBe(true);
    expect(rows.filter((r) => r.idempotencyKey === `${type}:c1:open`)).toHaveLength(1);
    shouldFail = false;
    await runDueJobs({ now: new Date(Date.now() + 3_600_000) });
    expect((await jobsOfType(type)).every((r) => r.status === "done")).toBe(true);
    expect(seen.filter((p) => JSON.stringify(p.events) === "[1,2,3]")).toHaveLength(2);
    expect(seen.filter((p) => JSON.stringify(p.events) === "[4]")).toHaveLength(2);
  });

  it("takes its slot back after a failure when no newer cause came", async () => {
    const ws = await workspace();
    const type = jobType(async () => {
      throw new CrmError("unavailable", "down");
    });
    await enqueueCoalescingJobs(db, [{ workspaceId: ws, type, payload: { events: [1] }, idempotencyKey: `${type}:k` }]);
    await runDueJobs();
    const [row] = await jobsOfType(type);
    expect(row).toMatchObject({ status: "pending", attempts: 1, idempotencyKey: `${type}:k:open` });
    await enqueueCoalescingJobs(db, [{ workspaceId: ws, type, payload: { events: [2] }, idempotencyKey: `${type}:k` }]);
    expect(await jobsOfType(type)).toHaveLength(1);
    expect((await jobByKey(`${type}:k:open`)).payload).toEqual({ events: [1, 2] });
  });

  it("leaves out what `unless` excludes and refuses duplicate keys in one call", async () => {
    const ws = await workspace();
    const type = jobType(async () => {});
    const { sql } = await import("drizzle-orm");
    const n = await enqueueCoalescingJobs(
      db,
      [
        { workspaceId: ws, type, payload: { contactId: "keep" }, idempotencyKey: `${type}:keep` },
        { workspaceId: ws, type, payload: { contactId: "drop" }, idempotencyKey: `${type}:drop` },
      ],
      { unless: sql`v.payload->>'contactId' = 'drop'` },
    );
    expect(n).toBe(1);
    expect((await jobsOfType(type)).map((j) => j.payload.contactId)).toEqual(["keep"]);
    await expect(enqueueCoalescingJobs(db, [
      { workspaceId: ws, type, payload: {}, idempotencyKey: `${type}:same` },
      { workspaceId: ws, type, payload: {}, idempotencyKey: `${type}:same` },
    ])).rejects.toThrow(/same key/);
  });
});

describe("the worker", () => {
  it("runs jobs in the background once started, and stop waits for the running ones", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const finished: string[] = [];
    const type = jobType(async ({ job }) => {
      if (job.payload.slow) await gate;
      finished.push(String(job.payload.name));
    });
    await enqueueJobs(db, [
      { workspaceId: null, type, payload: { name: "fast" }, idempotencyKey: `${type}:fast` },
      { workspaceId: null, type, payload: { name: "slow", slow: true }, idempotencyKey: `${type}:slow` },
    ]);
    startJobWorker();
    startJobWorker(); // once per process
    for (let i = 0; i < 100 && !finished.includes("fast"); i++) await new Promise((r) => setTimeout(r, 50));
    expect(finished).toEqual(["fast"]);
    const stopped = stopJobWorker();
    let isStopped = false;
    void stopped.then(() => (isStopped = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(isStopped).toBe(false);
    release();
    await stopped;
    expect(finished).toEqual(["fast", "slow"]);
    expect(await db.select().from(jobs).where(and(eq(jobs.type, type), eq(jobs.status, "done")))).toHaveLength(2);
  });
});
