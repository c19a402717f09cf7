/**
 * What the sandbox CRM needs from configuration, read through `env()`: it plays HighLevel for the
 * app's own marketplace registration (client id and secret, redirect URI, plan ids, SSO key).
 */
import { randomBytes } from "node:crypto";
import type { Plan } from "@/lib/billing/plans";
import { env, SANDBOX_PLAN_IDS } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type SandboxConfig = {
  appUrl: string;
  clientId: string;
  clientSecret: string;
  /** The app's registered OAuth redirect URI (the only one the sandbox accepts). */
  redirectUri: string;
  /** HighLevel's appId: the client id up to its first "-". */
  appId: string;
  ssoKey: string;
  planIds: Record<string, Plan>;
};

export function isSandboxMode(): boolean {
  return env().crm.mode === "sandbox";
}

/** The sandbox's URLs exist only in sandbox mode; elsewhere they are plain 404s. */
export function requireSandboxMode(): void {
  if (!isSandboxMode()) throw new AppError("not_found", "Not found");
}

export function sandboxConfig(): SandboxConfig {
  const config = env();
  return {
    appUrl: config.appUrl,
    clientId: config.crm.clientId,
    clientSecret: config.crm.clientSecret,
    redirectUri: `${config.appUrl}/api/oauth/callback`,
    appId: appIdOf(config.crm.clientId),
    ssoKey: config.crm.ssoKey,
    planIds: { ...SANDBOX_PLAN_IDS, ...config.crm.planIds },
  };
}

export function appIdOf(clientId: string): string {
  return clientId.split("-")[0] ?? clientId;
}

/** The plan a CRM plan id stands for; unknown ids count as Starter, like the app does. */
export function planOfPlanId(planIds: Record<string, Plan>, planId: string | null | undefined): Plan {
  return (planId && planIds[planId]) || "starter";
}

/** The CRM plan id the sandbox's billing uses for a plan (the first configured id mapping to it). */
export function planIdOfPlan(planIds: Record<string, Plan>, plan: Plan): string {
  const configured = Object.entries(planIds).find(([, p]) => p === plan)?.[0];
  return configured ?? `sandbox-plan-${plan}`;
}

const BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A HighLevel-style opaque id: 20 base62 characters, e.g. `sx6wyHhbFdRXh302LLNR`. */
export function crmId(): string {
  let out = "";
  for (const b of randomBytes(20)) out += BASE62[b % 62];
  return out;
}

/** A bearer secret (access/refresh token, OAuth code): 256 random bits with a readable prefix. */
export function secretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** Control API answers describe live state: never cached. */
export const NO_STORE = { headers: { "Cache-Control": "no-store" } } as const;
