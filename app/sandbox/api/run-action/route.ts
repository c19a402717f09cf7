import { getDb } from "@/lib/db";
import { handle, readJson } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { runActionInputSchema } from "@/lib/sandbox/workflow-schemas";
import { runSandboxShortenAction } from "@/lib/sandbox/workflows";

export const dynamic = "force-dynamic";

/** `{ locationId, contactId?, message, campaignId?, tags? }` → `{ ok, status, response }`: what the app answered the action call. */
export const POST = handle(async (req) => {
  requireSandboxMode();
  const input = await readJson(req, runActionInputSchema, 100_000);
  return Response.json(await runSandboxShortenAction(await getDb(), input), NO_STORE);
});
