import { getDb } from "@/lib/db";
import { handle, readJson } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { uninstallApp } from "@/lib/sandbox/marketplace";
import { locationInputSchema } from "@/lib/sandbox/schemas";

export const dynamic = "force-dynamic";

/** The marketplace page's uninstall: the real OAuth redirect and signed webhook path. */
export const POST = handle(async (req) => {
  requireSandboxMode();
  const { locationId } = await readJson(req, locationInputSchema, 10_000);
  await uninstallApp(await getDb(), locationId);
  return Response.json({ ok: true }, NO_STORE);
});
