import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { queryOf } from "@/lib/sandbox/schemas";
import { workflowsQuerySchema } from "@/lib/sandbox/workflow-schemas";
import { fetchSandboxFilterOptions } from "@/lib/sandbox/workflows";

export const dynamic = "force-dynamic";

/** `?locationId=` → `{ link, tag, campaign }`: the trigger's filter choices, from the app's options endpoint. */
export const GET = handle(async (req) => {
  requireSandboxMode();
  const { locationId } = workflowsQuerySchema.parse(queryOf(req.url));
  return Response.json(await fetchSandboxFilterOptions(await getDb(), locationId), NO_STORE);
});
