import { handle } from "@/lib/http/handle";
import { resetSandboxAndApp } from "@/lib/sandbox/bootstrap";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";

export const dynamic = "force-dynamic";

/** Back to the seed data, with the app's installations of the seeded locations working again. */
export const POST = handle(async () => {
  requireSandboxMode();
  await resetSandboxAndApp();
  return Response.json({ ok: true }, NO_STORE);
});
