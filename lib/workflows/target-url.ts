/**
 * Where a trigger event may be POSTed (an SSRF guard: `targetUrl` comes from the request body,
 * and the app sends the location's CRM token with the event). Accepted: HighLevel's execute
 * endpoint — https on `services.leadconnectorhq.com`, default port, under
 * `/workflows-marketplace/triggers/execute/` — and, in sandbox mode only, the sandbox CRM's
 * copy of it under the app's own `/sandbox/crm` (or the configured `CRM_API_BASE`).
 * Checked when a subscription is saved and again before each POST.
 */
import type { Env } from "@/lib/env";

export const HIGHLEVEL_TRIGGER_HOST = "services.leadconnectorhq.com";
export const TRIGGER_EXECUTE_PATH = "/workflows-marketplace/triggers/execute/";

export type TargetConfig = { appUrl: string; crm: Pick<Env["crm"], "mode" | "apiBase"> };

function sandboxPrefixes(config: TargetConfig): string[] {
  return [`${config.crm.apiBase}${TRIGGER_EXECUTE_PATH}`, `${config.appUrl}/sandbox/crm${TRIGGER_EXECUTE_PATH}`].map((p) => new URL(p).href);
}

/** Why `value` is not an acceptable trigger target, or null with its normalised form. */
export function checkTriggerTarget(value: string, config: TargetConfig): { url: string; problem: null } | { url: null; problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { url: null, problem: "targetUrl is not a URL" };
  }
  if (url.username || url.password) return { url: null, problem: "targetUrl may not carry credentials" };
  url.hash = "";
  const isExecutePath = (prefix: string) => {
    const at = `${url.origin}${url.pathname}`;
    return at.startsWith(prefix) && at.length > prefix.length;
  };
  const isHighLevel = url.protocol === "https:" && url.hostname === HIGHLEVEL_TRIGGER_HOST && url.port === "" && isExecutePath(`https://${HIGHLEVEL_TRIGGER_HOST}${TRIGGER_EXECUTE_PATH}`);
  if (isHighLevel) return { url: url.href, problem: null };
  if (config.crm.mode === "sandbox" && (url.protocol === "http:" || url.protocol === "https:") && sandboxPrefixes(config).some(isExecutePath)) {
    return { url: url.href, problem: null };
  }
  return { url: null, problem: `targetUrl must be https://${HIGHLEVEL_TRIGGER_HOST}${TRIGGER_EXECUTE_PATH}…` };
}
