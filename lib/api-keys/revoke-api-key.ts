import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Revokes a key at once (the next request with it is refused). Revoking twice is fine; another workspace's key is `not_found`. */
export async function revokeApiKey(db: Db, workspaceId: string, id: string, now: Date = new Date()): Promise<void> {
  const mine = and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id));
  const [row] = await db.select({ id: apiKeys.id }).from(apiKeys).where(mine).limit(1);
  if (!row) throw new AppError("not_found", "API key not found");
  await db.update(apiKeys).set({ revokedAt: now }).where(and(mine, isNull(apiKeys.revokedAt)));
}
