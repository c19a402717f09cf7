import { requireSession } from "@/lib/auth/require-session";
import { getCrmStatus } from "@/lib/crm-status/queries";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

/** Settings → CRM's sync status for the signed-in workspace (polled every few seconds). */
export const GET = handle(async (req) => {
  const db = await getDb();
  const session = await requireSession(db, req.headers, env().sessionSecret);
  const status = await getCrmStatus(db, { workspaceId: session.workspaceId, userId: session.userId, mode: env().crm.mode });
  return Response.json(status, { headers: { "Cache-Control": "private, no-store" } });
});
