/**
 * Calls the CRM on behalf of one location: the right token, one refresh-and-retry on 401,
 * local pacing under the CRM's burst limit (100 requests / 10 s per location), and a wait as
 * the rate-limit headers say on 429.
 */
import type { z } from "zod";
import { CrmError } from "@/lib/crm/errors";
import type { CrmRequest, RateLimitState } from "@/lib/crm/http";
import { getLocationAccessToken, refreshLocationToken, type CrmDeps } from "@/lib/crm/tokens";
import { processSingleton } from "@/lib/process-state";

export const BURST_LIMIT = 100;
export const BURST_WINDOW_MS = 10_000;

export type LocationRequest<S extends z.ZodType> = Omit<CrmRequest<S>, "token">;
export type CallOptions = {
  /** Longest a call may wait for the rate limit before giving up with `rate_limited`. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds clock (tests move it together with `sleep`). */
  now?: () => number;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Pacer = { sent: number[]; blockedUntil: number };

function pacerFor(locationId: string): Pacer {
  const pacers = processSingleton("crm-pacers", () => new Map<string, Pacer>());
  let pacer = pacers.get(locationId);
  if (!pacer) {
    pacer = { sent: [], blockedUntil: 0 };
    pacers.set(locationId, pacer);
  }
  return pacer;
}

/** How long to wait before the next request to keep this process under the burst limit. */
function waitBeforeSending(pacer: Pacer, now: number): number {
  pacer.sent = pacer.sent.filter((t) => now - t < BURST_WINDOW_MS);
  const blocked = Math.max(0, pacer.blockedUntil - now);
  if (pacer.sent.length < BURST_LIMIT) return blocked;
  const oldest = pacer.sent[0] ?? now;
  return Math.max(blocked, oldest + BURST_WINDOW_MS - now);
}

function noteRateLimit(pacer: Pacer, state: RateLimitState, now: number): void {
  if (state.remaining === 0) pacer.blockedUntil = now + (state.intervalMs ?? BURST_WINDOW_MS);
}

export async function callCrm<S extends z.ZodType>(
  deps: CrmDeps,
  locationId: string,
  req: LocationRequest<S>,
  options: CallOptions = {},
): Promise<z.output<S>> {
  const sleep = options.sleep ?? defaultSleep;
  const maxWait = options.maxRateLimitWaitMs ?? 30_000;
  const now = options.now ?? Date.now;
  const pacer = pacerFor(locationId);
  let waited = 0;
  let token = await getLocationAccessToken(deps, locationId);
  let refreshed = false;

  for (;;) {
    const wait = waitBeforeSending(pacer, now());
    if (wait > 0) {
      if (waited + wait > maxWait) throw new CrmError("rate_limited", "The CRM's rate limit is exhausted for now", { retryAfterMs: wait });
      waited += wait;
      await sleep(wait);
      continue;
    }
    pacer.sent.push(now());
    try {
      const { data, rateLimit } = await deps.http.request({ ...req, token });
      noteRateLimit(pacer, rateLimit, now());
      return data;
    } catch (err) {
      if (!(err instanceof CrmError)) throw err;
      if (err.kind === "unauthorized" && !refreshed) {
        refreshed = true;
        token = await refreshLocationToken(deps, locationId, token);
        continue;
      }
      if (err.kind === "rate_limited") {
        const retryAfter = err.details.retryAfterMs ?? BURST_WINDOW_MS;
        pacer.blockedUntil = now() + retryAfter;
        if (waited + retryAfter > maxWait) throw err;
        continue;
      }
      throw err;
    }
  }
}
