import { requireApiAuth } from "@/lib/auth/require-session";
import { getCrmDeps } from "@/lib/crm/deps";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";
import { shortenMessageSchema } from "@/lib/messages/schemas";
import { shortenMessage } from "@/lib/messages/shorten";

export const dynamic = "force-dynamic";

/**
 * `{ text, contactId?, campaignId?, tags? }` → `{ text, links: [{ original, shortUrl, id, codeId }], skipped }`:
 * every http(s) URL of `text` replaced by its own new (per-contact) link; see lib/messages/shorten.ts.
 */
export const POST = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await readJson(req, shortenMessageSchema);
  const result = await shortenMessage({ db, crm: getCrmDeps }, auth, input);
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
