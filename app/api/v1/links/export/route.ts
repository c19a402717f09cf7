import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";
import { exportLinksCsv } from "@/lib/links/export-links";
import { listLinksQuerySchema, searchParamsObject } from "@/lib/links/schemas";

export const dynamic = "force-dynamic";

/** The link list as CSV (same `q`, `tag`, `campaignId`, `status` filters), streamed. */
export const GET = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const { q, tag, campaignId, status } = listLinksQuerySchema.parse(searchParamsObject(new URL(req.url).searchParams));
  const stream = exportLinksCsv(db, auth.workspaceId, { q, tag, campaignId, status });
  const filename = `links-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
