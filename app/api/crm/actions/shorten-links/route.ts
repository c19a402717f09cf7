import { getCrmDeps } from "@/lib/crm/deps";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";
import { shortenActionSchema } from "@/lib/workflows/schemas";
import { assertWorkflowSecret } from "@/lib/workflows/secret";
import { runShortenAction } from "@/lib/workflows/shorten-action";

export const dynamic = "force-dynamic";

/**
 * The CRM's execution call for the action "Shorten links for contact" (`X-Smart-Links-Secret`
 * required) → the step's outputs `{ message, shortUrl, links, skipped }`.
 */
export const POST = handle(async (req) => {
  assertWorkflowSecret(req.headers, env().workflowSecret);
  const payload = await readJson(req, shortenActionSchema);
  const output = await runShortenAction({ db: await getDb(), crm: getCrmDeps }, payload);
  return Response.json(output, { headers: { "Cache-Control": "no-store" } });
});
