import { getCrmDeps } from "@/lib/crm/deps";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { receiveCrmWebhook } from "@/lib/installs/webhook-events";

export const dynamic = "force-dynamic";

const MAX_WEBHOOK_BYTES = 256_000;

export const POST = handle(async (req) => {
  // The signature covers the raw bytes: read them before any JSON parsing.
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_WEBHOOK_BYTES) throw new AppError("payload_too_large", "The webhook body is too large");
  const config = env();
  let deps;
  try {
    deps = await getCrmDeps();
  } catch {
    throw new AppError("rate_limited", "The event could not be stored; deliver it again later");
  }
  const outcome = await receiveCrmWebhook(
    deps,
    { publicKey: config.crm.webhookPublicKey, planIds: config.crm.planIds, graceDays: config.uninstallGraceDays },
    raw,
    req.headers.get("x-ghl-signature"),
  );
  return Response.json({ ok: true, ...outcome });
});
