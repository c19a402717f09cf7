/**
 * The password gate's guess limit: at most `MAX_UNLOCK_FAILURES` wrong passwords per link and
 * visitor in a sliding `UNLOCK_WINDOW_MS`, counted in one-minute buckets of `unlock_attempts`
 * (summing the last 15 buckets gives a sliding window to the minute without storing each try).
 *
 * The visitor here is the client IP (hashed, never stored raw) rather than the IP + user-agent
 * visitor key: changing the user-agent must not buy another five guesses.
 */
import { createHmac } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { unlockAttempts } from "@/db/schema/links";

export const MAX_UNLOCK_FAILURES = 5;
export const UNLOCK_WINDOW_MS = 15 * 60 * 1000;
const BUCKET_MS = 60 * 1000;

/** The limiter's key for a visitor: HMAC of the client IP (or of the visitor key when no IP is known). */
export function unlockLimiterKey(secret: string, ip: string | null, visitorKey: string): string {
  return createHmac("sha256", secret)
    .update(ip ? `ip\n${ip}` : `visitor\n${visitorKey}`)
    .digest("base64url")
    .slice(0, 32);
}

/** Wrong passwords from this visitor for this link in the last 15 minutes. */
export async function countRecentUnlockFailures(db: Db, linkId: string, visitorKey: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - UNLOCK_WINDOW_MS);
  const [row] = await db
    .select({ failures: sql<number>`coalesce(sum(${unlockAttempts.failures}), 0)::int` })
    .from(unlockAttempts)
    .where(and(eq(unlockAttempts.linkId, linkId), eq(unlockAttempts.visitorKey, visitorKey), gt(unlockAttempts.windowStart, since)));
  return Number(row?.failures ?? 0);
}

/** Counts one wrong password in the current minute's bucket. */
export async function recordUnlockFailure(db: Db, linkId: string, visitorKey: string, now: Date): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS);
  await db
    .insert(unlockAttempts)
    .values({ linkId, visitorKey, windowStart, failures: 1 })
    .onConflictDoUpdate({
      target: [unlockAttempts.linkId, unlockAttempts.visitorKey, unlockAttempts.windowStart],
      set: { failures: sql`${unlockAttempts.failures} + 1` },
    });
}
