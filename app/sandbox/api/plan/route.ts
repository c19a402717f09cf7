import { getDb } from "@/lib/db";
import { handle, readJson } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { changePlan } from "@/lib/sandbox/marketplace";
import { planInputSchema } from "@/lib/sandbox/schemas";

export const dynamic = "force-dynamic";

/** The billing page's confirmation: the plan changes and the app gets a signed PLAN_CHANGE. */
export const POST = handle(async (req) => {
  requireSandboxMode();
  const { locationId, plan } = await readJson(req, planInputSchema, 10_000);
  await changePlan(await getDb(), locationId, plan);
  return Response.json({ ok: true }, NO_STORE);
});
