import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/queries";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { requireSession } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

// Session only: an API key can never mint or list keys (requireSession refuses it with 403).

/** `{ items: [{ id, name, prefix, createdAt, lastUsedAt, createdBy }] }`: keys that still work. */
export const GET = handle(async (req) => {
  const db = await getDb();
  const session = await requireSession(db, req.headers, env().sessionSecret);
  return Response.json({ items: await listApiKeys(db, session.workspaceId) }, { headers: { "Cache-Control": "private, no-store" } });
});

/** `{ name }` → `201 { id, name, prefix, key, createdAt }`: the only time the key is shown. */
export const POST = handle(async (req) => {
  const db = await getDb();
  const session = await requireSession(db, req.headers, env().sessionSecret);
  const input = await readJson(req, createApiKeySchema);
  const created = await createApiKey(db, session, input);
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
