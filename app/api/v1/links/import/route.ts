import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";
import { readCsvBody } from "@/lib/links/csv";
import { importLinksCsv } from "@/lib/links/import-links";

export const dynamic = "force-dynamic";

/**
 * CSV (`text/csv` body, or `multipart/form-data` with a `file` field), ≤ 5 MB and 10,000 rows:
 * all rows valid → `201 { imported, links: ids }`; any bad row → 422 with `details.rows`, nothing imported.
 */
export const POST = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const text = await readCsvBody(req);
  return Response.json(await importLinksCsv(db, auth, text), { status: 201 });
});
