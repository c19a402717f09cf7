import type { Env } from "@/lib/env";

/** HighLevel's app hosts (agency white-label hosts come from FRAME_ANCESTORS). */
export const CRM_FRAME_HOSTS = [
  "https://app.gohighlevel.com",
  "https://*.gohighlevel.com",
  "https://*.leadconnectorhq.com",
  "https://*.msgsndr.com",
] as const;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * `Content-Security-Policy: frame-ancestors` for the embedded app: the app itself, the CRM's
 * hosts, configured white-label hosts and, in sandbox mode, the sandbox shell (another site).
 */
export function frameAncestorsPolicy(config: Pick<Env, "appUrl" | "sandboxShellUrl" | "frameAncestors" | "crm">): string {
  const sources = new Set<string>(["'self'", ...CRM_FRAME_HOSTS]);
  const app = originOf(config.appUrl);
  if (app) sources.add(app);
  if (config.crm.mode === "sandbox") {
    const shell = originOf(config.sandboxShellUrl);
    if (shell) sources.add(shell);
  }
  for (const host of config.frameAncestors) {
    sources.add(host.includes("://") ? (originOf(host) ?? host) : `https://${host}`);
  }
  return `frame-ancestors ${[...sources].join(" ")}`;
}
