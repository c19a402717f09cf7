import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import type { ApiKeyDto } from "@/lib/api-keys/schemas";

/** The workspace's keys that still work, newest first (revoked keys are gone from the list). */
export async function listApiKeys(db: Db, workspaceId: string): Promise<ApiKeyDto[]> {
  const rows = await db
    .select({ key: apiKeys, userName: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(({ key, userName }) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    createdBy: key.createdByUserId ? { id: key.createdByUserId, name: userName ?? "" } : null,
  }));
}
