import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode, sandboxConfig } from "@/lib/sandbox/config";
import { getSandboxState } from "@/lib/sandbox/control";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  requireSandboxMode();
  return Response.json(await getSandboxState(await getDb(), sandboxConfig().planIds), NO_STORE);
});
