import { getAnalytics } from "@/lib/analytics/get-analytics";
import { analyticsInput } from "@/lib/analytics/request";
import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";
import { searchParamsObject } from "@/lib/links/schemas";

export const dynamic = "force-dynamic";

/** `?window=7d|30d|90d|all&linkId=|campaignId=` → the analytics answer (architecture.md). */
export const GET = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await analyticsInput(db, auth.workspaceId, searchParamsObject(new URL(req.url).searchParams));
  return Response.json(await getAnalytics(db, input), { headers: { "Cache-Control": "private, no-store" } });
});
