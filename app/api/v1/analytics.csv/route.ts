import { getAnalytics } from "@/lib/analytics/get-analytics";
import { analyticsInput } from "@/lib/analytics/request";
import { csvFilename, summaryCsv } from "@/lib/analytics/summary-csv";
import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";
import { searchParamsObject } from "@/lib/links/schemas";

export const dynamic = "force-dynamic";

/** The analytics answer's panels as one CSV (`panel,name,detail,clicks`). */
export const GET = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await analyticsInput(db, auth.workspaceId, searchParamsObject(new URL(req.url).searchParams));
  const analytics = await getAnalytics(db, input);
  return new Response(summaryCsv(analytics), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFilename(`summary-${input.scope.kind}`, analytics)}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
