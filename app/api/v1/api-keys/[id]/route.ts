import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { requireSession } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Revokes the key at once → `204` (session only). */
export const DELETE = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const session = await requireSession(db, req.headers, env().sessionSecret);
  await revokeApiKey(db, session.workspaceId, (await params).id);
  return new Response(null, { status: 204 });
});
