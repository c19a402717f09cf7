/**
 * Webhooks the sandbox CRM sends the app (crm-api.md §4): INSTALL, UNINSTALL and PLAN_CHANGE
 * bodies with `appId`, a random `webhookId` and an ISO `timestamp`, signed like HighLevel's
 * `X-GHL-Signature` (Ed25519 over the raw bytes) with the sandbox's own key. Delivered to the
 * app's default webhook URL; like HighLevel, only a 429 answer is retried (here a few times within
 * seconds rather than over an hour), and the same bytes are re-sent.
 */
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { signWebhookBody } from "@/lib/crm/webhook-signature";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { appIdOf } from "@/lib/sandbox/config";
import { SANDBOX_VERSION_ID } from "@/lib/sandbox/oauth";

export type InstallEvent = {
  type: "INSTALL";
  companyId: string;
  locationId?: string;
  userId?: string | null;
  planId?: string | null;
  companyName?: string;
};
export type UninstallEvent = { type: "UNINSTALL"; companyId?: string; locationId?: string };
export type PlanChangeEvent = {
  type: "PLAN_CHANGE";
  locationId: string;
  companyId: string;
  userId: string | null;
  currentPlanId: string | null;
  newPlanId: string;
};
export type SandboxWebhookEvent = InstallEvent | UninstallEvent | PlanChangeEvent;

export type SignedWebhook = { url: string; body: string; signature: string };

/** Waits before each retry after a 429 (HighLevel waits ~10 minutes; the sandbox is impatient). */
export const WEBHOOK_RETRY_DELAYS_MS = [200, 500, 1_000] as const;

function withDefaults(event: SandboxWebhookEvent): Record<string, unknown> {
  if (event.type !== "INSTALL") return { ...event };
  return {
    ...event,
    installType: event.locationId ? "Location" : "Company",
    versionId: SANDBOX_VERSION_ID,
    trial: { onTrial: false, trialDuration: 0, trialStartDate: null },
    isWhitelabelCompany: false,
    whitelabelDetails: { domain: "", logoUrl: "" },
  };
}

/** The exact bytes and signature of one delivery. */
export function buildSignedWebhook(event: SandboxWebhookEvent, now: Date = new Date()): SignedWebhook {
  const config = env();
  const privateKey = config.crm.sandboxWebhookPrivateKey;
  if (!privateKey) {
    throw new AppError("internal", "The sandbox CRM cannot sign webhooks: CRM_WEBHOOK_PUBLIC_KEY is set, so the sandbox has no matching private key. Unset it in sandbox mode.");
  }
  const body = JSON.stringify({
    ...withDefaults(event),
    appId: appIdOf(config.crm.clientId),
    webhookId: randomUUID(),
    timestamp: now.toISOString(),
  });
  return { url: `${config.appUrl}/api/webhooks/crm`, body, signature: signWebhookBody(body, privateKey) };
}

export type DeliveryOptions = { fetchImpl?: typeof fetch; sleep?: (ms: number) => Promise<void> };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** POSTs a signed delivery; retries only on 429. Returns the app's final status. */
export async function deliverWebhook(webhook: SignedWebhook, options: DeliveryOptions = {}): Promise<number> {
  const doFetch = options.fetchImpl ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    let status: number;
    try {
      const res = await doFetch(webhook.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-GHL-Signature": webhook.signature },
        body: webhook.body,
        signal: AbortSignal.timeout(15_000),
      });
      status = res.status;
      await res.body?.cancel().catch(() => {});
    } catch (err) {
      log.warn("sandbox webhook delivery failed", { url: webhook.url, err });
      throw new AppError("crm_unavailable", `The app's webhook URL ${webhook.url} could not be reached`);
    }
    const delay = WEBHOOK_RETRY_DELAYS_MS[attempt];
    if (status !== 429 || delay === undefined) return status;
    await sleep(delay);
  }
}

/** Builds, signs and delivers an event; returns the app's final status. */
export async function sendSandboxWebhook(event: SandboxWebhookEvent, options: DeliveryOptions = {}): Promise<number> {
  return deliverWebhook(buildSignedWebhook(event), options);
}
