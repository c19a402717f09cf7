import { CrmError } from "@/lib/crm/errors";
import { PermanentJobError, RetryJobLaterError } from "@/lib/jobs/handlers";
import { afterFailure, backoffMs, BACKOFF_MAX_MS, jobErrorText } from "@/lib/jobs/retry-policy";

const NOW = new Date("2026-11-20T10:00:00Z");
const job = (attempts: number, maxAttempts = 8) => ({ attempts, maxAttempts });
const delayOf = (r: ReturnType<typeof afterFailure>) => (r.status === "pending" ? r.runAt.getTime() - NOW.getTime() : null);

describe("backoff", () => {
  it("doubles per attempt between half and all of the step, up to an hour", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, () => 0))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map((a) => backoffMs(a, () => 1))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_MAX_MS);
  });
});

describe("after a failure", () => {
  it.each([
    ["a CRM outage", new CrmError("unavailable", "The CRM answered 503")],
    ["an unexpected error", new Error("connection reset")],
  ])("%s is retried with backoff, then dead after maxAttempts", (_label, err) => {
    const retry = afterFailure(job(2), err, NOW, () => 0.5);
    expect(retry).toMatchObject({ status: "pending", attempts: 2 });
    expect(delayOf(retry)).toBe(15_000);
    expect(afterFailure(job(8), err, NOW)).toMatchObject({ status: "dead", attempts: 8 });
  });

  it("a rate limit waits as long as the CRM said, plus jitter, and does not count", () => {
    const r = afterFailure(job(3), new CrmError("rate_limited", "Too many", { retryAfterMs: 10_000 }), NOW, () => 0.5);
    expect(r).toMatchObject({ status: "pending", attempts: 2, lastError: "rate_limited: Too many" });
    expect(delayOf(r)).toBe(11_000);
    expect(afterFailure(job(8), new CrmError("rate_limited", "Too many"), NOW).status).toBe("pending");
  });

  it("a deferral does not count and keeps the last error", () => {
    const r = afterFailure(job(1), new RetryJobLaterError("later", 2_000), NOW);
    expect(r).toEqual({ status: "pending", attempts: 0, runAt: new Date(NOW.getTime() + 2_000), lastError: undefined });
  });

  it.each(["unauthorized", "forbidden", "not_found", "rejected", "invalid_response"] as const)("a CRM %s is dead at once", (kind) => {
    expect(afterFailure(job(1), new CrmError(kind, "no"), NOW)).toEqual({ status: "dead", attempts: 1, lastError: `${kind}: no` });
  });

  it("a PermanentJobError is dead at once with its message", () => {
    expect(afterFailure(job(1, 12), new PermanentJobError("Contact not found: x"), NOW)).toEqual({ status: "dead", attempts: 1, lastError: "Contact not found: x" });
  });

  it("keeps error texts short", () => {
    expect(jobErrorText(new Error("x".repeat(5_000)))).toHaveLength(1_000);
    expect(jobErrorText("plain")).toBe("plain");
  });
});
