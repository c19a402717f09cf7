import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/api-key-token";

/** `lastUsedAt` is written at most this often per key, so a busy integration costs no write per call. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyIdentity = { apiKeyId: string; workspaceId: string };

/** The workspace a key acts for, or null for an unknown, malformed or revoked key. */
export async function authenticateApiKey(db: Db, key: string, now: Date = new Date()): Promise<ApiKeyIdentity | null> {
  if (!isWellFormedApiKey(key)) return null;
  const [row] = await db
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // The condition repeats the check in SQL: of concurrent requests, one writes.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  return { apiKeyId: row.id, workspaceId: row.workspaceId };
}
