import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { getSandboxContactView } from "@/lib/sandbox/control";

export const dynamic = "force-dynamic";

export const GET = handle<{ params: Promise<{ id: string }> }>(async (_req, { params }) => {
  requireSandboxMode();
  const { id } = await params;
  return Response.json(await getSandboxContactView(await getDb(), id), NO_STORE);
});
