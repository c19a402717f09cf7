"use server";

/**
 * Settings → API keys. Session only (an API key can never mint keys); a missing or expired
 * session returns `unauthorized` and the client refreshes into the SSO gate.
 */
import { headers } from "next/headers";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createApiKeySchema, type CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import { requireSession } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { runAction, type ActionResult } from "@/lib/http/run-action";
import { z } from "zod";

const idSchema = z.string().trim().min(1).max(64);

export async function createApiKeyAction(raw: unknown): Promise<ActionResult<CreatedApiKeyDto>> {
  return runAction(async () => {
    const db = await getDb();
    const session = await requireSession(db, await headers(), env().sessionSecret);
    return createApiKey(db, session, createApiKeySchema.parse(raw));
  }, "createApiKeyAction");
}

export async function revokeApiKeyAction(id: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const db = await getDb();
    const session = await requireSession(db, await headers(), env().sessionSecret);
    const keyId = idSchema.parse(id);
    await revokeApiKey(db, session.workspaceId, keyId);
    return { id: keyId };
  }, "revokeApiKeyAction");
}
