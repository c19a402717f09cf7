import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { DISPLAY_PREFIX_LENGTH, generateApiKey, hashApiKey } from "@/lib/api-keys/api-key-token";
import type { CreateApiKeyValues, CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { findWorkspaceUserId } from "@/lib/links/write-helpers";

/** Creates a key for the workspace; the answer carries the plaintext key, which is never stored. */
export async function createApiKey(
  db: Db,
  actor: { workspaceId: string; userId: string | null },
  input: CreateApiKeyValues,
): Promise<CreatedApiKeyDto> {
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId("key"),
      workspaceId: actor.workspaceId,
      name: input.name,
      prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
      keyHash: hashApiKey(key),
      createdByUserId: await findWorkspaceUserId(db, actor.workspaceId, actor.userId),
    })
    .returning();
  if (!row) throw new AppError("internal", "The API key could not be saved");
  return { id: row.id, name: row.name, prefix: row.prefix, key, createdAt: row.createdAt.toISOString() };
}
