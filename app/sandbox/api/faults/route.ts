import { getDb } from "@/lib/db";
import { handle, readJson } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { getFault, setFault, toFaultDto } from "@/lib/sandbox/faults";
import { faultInputSchema } from "@/lib/sandbox/schemas";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  requireSandboxMode();
  return Response.json(toFaultDto(await getFault(await getDb())), NO_STORE);
});

export const POST = handle(async (req) => {
  requireSandboxMode();
  const input = await readJson(req, faultInputSchema, 10_000);
  await setFault(await getDb(), input);
  return Response.json({ ok: true }, NO_STORE);
});
