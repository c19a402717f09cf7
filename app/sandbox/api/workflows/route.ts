import { getDb } from "@/lib/db";
import { handle, readJson } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { queryOf } from "@/lib/sandbox/schemas";
import { createWorkflowInputSchema, workflowsQuerySchema } from "@/lib/sandbox/workflow-schemas";
import { createSandboxWorkflow, listSandboxWorkflows } from "@/lib/sandbox/workflows";

export const dynamic = "force-dynamic";

/** `?locationId=` → `{ workflows }`: the location's workflows using "Smart link clicked", newest first. */
export const GET = handle(async (req) => {
  requireSandboxMode();
  const { locationId } = workflowsQuerySchema.parse(queryOf(req.url));
  return Response.json({ workflows: await listSandboxWorkflows(await getDb(), locationId) }, NO_STORE);
});

/** `{ locationId, name, filters?: { link?, tag?, campaign? } }` → `201 { workflow }`, after the app accepted the CREATED callback. */
export const POST = handle(async (req) => {
  requireSandboxMode();
  const input = await readJson(req, createWorkflowInputSchema, 20_000);
  const workflow = await createSandboxWorkflow(await getDb(), input);
  return Response.json({ workflow }, { status: 201, ...NO_STORE });
});
