import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { queryOf } from "@/lib/sandbox/schemas";
import { triggerEventsQuerySchema } from "@/lib/sandbox/workflow-schemas";
import { listSandboxTriggerEvents } from "@/lib/sandbox/workflows";

export const dynamic = "force-dynamic";

/** `?locationId=&workflowId=&limit=` → `{ events }`: trigger executions the app fired, newest first. */
export const GET = handle(async (req) => {
  requireSandboxMode();
  const query = triggerEventsQuerySchema.parse(queryOf(req.url));
  return Response.json({ events: await listSandboxTriggerEvents(await getDb(), query) }, NO_STORE);
});
