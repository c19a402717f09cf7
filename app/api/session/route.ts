import { requireSession } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

/** The signed-in workspace and user: what the embedded app shows in its header. */
export const GET = handle(async (req) => {
  const db = await getDb();
  const session = await requireSession(db, req.headers, env().sessionSecret);
  const workspace = await getWorkspaceOrThrow(db, session.workspaceId);
  return Response.json(
    {
      workspace: { id: workspace.id, locationId: workspace.crmLocationId, name: workspace.name, plan: workspace.plan },
      user: { id: session.userId, role: session.role },
      expiresAt: session.expiresAt.toISOString(),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
