import { exportClicksCsv } from "@/lib/analytics/export-clicks";
import { analyticsInput } from "@/lib/analytics/request";
import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";
import { searchParamsObject } from "@/lib/links/schemas";

export const dynamic = "force-dynamic";

/** `?window=&linkId=|campaignId=` → the window's raw clicks as CSV, streamed with constant memory. */
export const GET = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await analyticsInput(db, auth.workspaceId, searchParamsObject(new URL(req.url).searchParams));
  const { stream, filename } = await exportClicksCsv(db, input, env().shortBaseUrl);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
