import { requireSession } from "@/lib/auth/require-session";
import { listUnresolved } from "@/lib/crm-status/queries";
import { unresolvedQuerySchema } from "@/lib/crm-status/schemas";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

/** `?cursor=&limit=` → `{ items, total, nextCursor }`: the workspace's unresolved CRM activity, newest first. */
export const GET = handle(async (req) => {
  const db = await getDb();
  const session = await requireSession(db, req.headers, env().sessionSecret);
  const { searchParams } = new URL(req.url);
  const query = unresolvedQuerySchema.parse({ cursor: searchParams.get("cursor") ?? undefined, limit: searchParams.get("limit") ?? undefined });
  const page = await listUnresolved(db, session.workspaceId, { ...query, shortBaseUrl: env().shortBaseUrl });
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});
