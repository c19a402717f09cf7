import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";
import { bulkUpdateLinks } from "@/lib/links/bulk";
import { bulkLinksSchema } from "@/lib/links/schemas";

export const dynamic = "force-dynamic";

/** `{ ids, action: tag|untag|move|archive|unarchive|delete, tags?, campaignId? }` → `{ action, count, ids }`. */
export const POST = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await readJson(req, bulkLinksSchema);
  return Response.json(await bulkUpdateLinks(db, auth, input));
});
