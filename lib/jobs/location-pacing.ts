/**
 * The worker's own per-location budget for CRM calls, on top of the CRM client's pacing
 * (lib/crm/client.ts keeps a process under the CRM's 100 requests / 10 s per location). Jobs
 * get CRM dependencies whose HTTP waits for a slot in a sliding 10-second window of
 * `WORKER_BURST_BUDGET` calls per location before each request, so that:
 *   - the queue, which can have thousands of effects due at once, never spends the whole burst:
 *     the CRM counts requests as they arrive, and a few milliseconds of network jitter, a token
 *     refresh, or a "Test writeback" and an API contact check made at the same time still fit
 *     under 100;
 *   - a job waits here, in order, rather than the CRM answering 429 and the job retrying.
 * Across instances the CRM's rate-limit headers (`X-RateLimit-Remaining: 0` blocks the
 * location in the client) and the claim's per-location cap on running jobs keep the pace.
 */
import type { z } from "zod";
import type { CrmHttp, CrmRequest } from "@/lib/crm/http";
import { processSingleton } from "@/lib/process-state";

export const WORKER_BURST_BUDGET = 90;
export const WORKER_BURST_WINDOW_MS = 10_000;

type Window = { sent: number[] };

function windowOf(key: string): Window {
  const windows = processSingleton("job-location-pacing", () => new Map<string, Window>());
  let w = windows.get(key);
  if (!w) {
    w = { sent: [] };
    windows.set(key, w);
  }
  return w;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until a call for `key` fits the budget, then counts it. */
export async function takeCrmCallSlot(key: string, now: () => number = Date.now): Promise<void> {
  for (;;) {
    const w = windowOf(key);
    const t = now();
    let expired = 0;
    while (expired < w.sent.length && t - (w.sent[expired] ?? t) >= WORKER_BURST_WINDOW_MS) expired += 1;
    if (expired > 0) w.sent.splice(0, expired);
    if (w.sent.length < WORKER_BURST_BUDGET) {
      w.sent.push(t);
      return;
    }
    await sleep((w.sent[0] ?? t) + WORKER_BURST_WINDOW_MS - t + 1);
  }
}

/** `http` with every request taking a slot of `key`'s budget first. */
export function pacedCrmHttp(http: CrmHttp, key: string): CrmHttp {
  return {
    async request<S extends z.ZodType>(req: CrmRequest<S>) {
      await takeCrmCallSlot(key);
      return http.request(req);
    },
  };
}
