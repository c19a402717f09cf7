import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";
import { triggerSubscriptionSchema } from "@/lib/workflows/schemas";
import { assertWorkflowSecret } from "@/lib/workflows/secret";
import { applyTriggerSubscription } from "@/lib/workflows/subscriptions";

export const dynamic = "force-dynamic";

/**
 * The CRM's subscription callback for the trigger "Smart link clicked" (`X-Smart-Links-Secret`
 * required): CREATED/UPDATED store the workflow's targetUrl and filters, DELETED removes them.
 */
export const POST = handle(async (req) => {
  const config = env();
  assertWorkflowSecret(req.headers, config.workflowSecret);
  const payload = await readJson(req, triggerSubscriptionSchema, 100_000);
  const outcome = await applyTriggerSubscription(await getDb(), config, payload);
  return Response.json({ ok: true, ...outcome }, { headers: { "Cache-Control": "no-store" } });
});
