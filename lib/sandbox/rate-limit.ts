/**
 * HighLevel's rate limits, per resource (location or company): a burst of 100 requests per
 * 10 s and 200,000 per day. One `sandbox_settings` row per resource holds both counters and is
 * bumped by a single atomic upsert, so every process shares them at one round trip per call.
 * The burst window opens at the first request after the previous window closed.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxSettings } from "@/db/schema";

export const BURST_MAX = 100;
export const BURST_WINDOW_MS = 10_000;
export const DAILY_MAX = 200_000;

export type RateLimitState = {
  /** Requests left in the burst window (0 when over). */
  remaining: number;
  dailyRemaining: number;
  isOver: boolean;
};

/** What an answer says when no resource was charged (token endpoint, unauthenticated calls). */
export const UNCHARGED: RateLimitState = { remaining: BURST_MAX, dailyRemaining: DAILY_MAX, isOver: false };
/** What the "rate-limit" fault answers. */
export const EXHAUSTED: RateLimitState = { remaining: 0, dailyRemaining: DAILY_MAX, isOver: true };

const counterSchema = z.object({ windowStart: z.coerce.number(), count: z.coerce.number(), day: z.string(), dailyCount: z.coerce.number() });

/** Counts one request against `resource` and says whether it is over the limit. */
export async function chargeRequest(db: Db, resource: string, now: Date = new Date()): Promise<RateLimitState> {
  const nowMs = now.getTime();
  const windowOpenAfter = nowMs - BURST_WINDOW_MS;
  const day = now.toISOString().slice(0, 10);
  const current = sql`${sandboxSettings.value}`;
  const inWindow = sql`(${current}->>'windowStart')::bigint > ${windowOpenAfter}::bigint`;
  const sameDay = sql`${current}->>'day' = ${day}::text`;
  const [row] = await db
    .insert(sandboxSettings)
    .values({ key: `ratelimit:${resource}`, value: { windowStart: nowMs, count: 1, day, dailyCount: 1 }, updatedAt: now })
    .onConflictDoUpdate({
      target: sandboxSettings.key,
      set: {
        value: sql`jsonb_build_object(
          'windowStart', case when ${inWindow} then (${current}->>'windowStart')::bigint else ${nowMs}::bigint end,
          'count', case when ${inWindow} then (${current}->>'count')::int + 1 else 1 end,
          'day', ${day}::text,
          'dailyCount', case when ${sameDay} then (${current}->>'dailyCount')::int + 1 else 1 end)`,
        updatedAt: now,
      },
    })
    .returning({ value: sandboxSettings.value });
  const counter = counterSchema.parse(row?.value);
  return {
    remaining: Math.max(0, BURST_MAX - counter.count),
    dailyRemaining: Math.max(0, DAILY_MAX - counter.dailyCount),
    isOver: counter.count > BURST_MAX || counter.dailyCount > DAILY_MAX,
  };
}

/** The rate-limit headers HighLevel puts on every answer. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit-Daily": String(DAILY_MAX),
    "X-RateLimit-Daily-Remaining": String(state.dailyRemaining),
    "X-RateLimit-Interval-Milliseconds": String(BURST_WINDOW_MS),
    "X-RateLimit-Max": String(BURST_MAX),
    "X-RateLimit-Remaining": String(state.remaining),
  };
}
