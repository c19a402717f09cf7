import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { deleteSandboxWorkflow } from "@/lib/sandbox/workflows";

export const dynamic = "force-dynamic";

/** Deletes the workflow after the app accepted the DELETED callback → `{ ok: true }`. */
export const DELETE = handle<{ params: Promise<{ id: string }> }>(async (_req, { params }) => {
  requireSandboxMode();
  const { id } = await params;
  await deleteSandboxWorkflow(await getDb(), id);
  return Response.json({ ok: true }, NO_STORE);
});
