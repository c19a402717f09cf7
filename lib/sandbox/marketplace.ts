/**
 * The sandbox marketplace and billing: install, uninstall and plan change of the app on a
 * location, through the same paths HighLevel uses — the OAuth redirect to the app's callback
 * (performed server-to-server here) and signed webhooks to the app's default webhook URL.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxCompanies, sandboxLocations, type SandboxLocationRow } from "@/db/schema";
import type { Plan } from "@/lib/billing/plans";
import { AppError } from "@/lib/errors";
import { planIdOfPlan, sandboxConfig } from "@/lib/sandbox/config";
import { createOAuthCode, installerOf, revokeLocationTokens } from "@/lib/sandbox/oauth";
import { sendSandboxWebhook, type DeliveryOptions, type SandboxWebhookEvent } from "@/lib/sandbox/webhooks";

export type MarketplaceOptions = DeliveryOptions & { now?: Date };

export async function getSandboxLocationOrThrow(db: Db, locationId: string): Promise<SandboxLocationRow> {
  const [row] = await db.select().from(sandboxLocations).where(eq(sandboxLocations.id, locationId)).limit(1);
  if (!row) throw new AppError("not_found", `The sandbox has no location ${locationId}`);
  return row;
}

const appErrorBodySchema = z.object({ error: z.object({ message: z.string() }) });

async function appMessageOf(res: Response): Promise<string> {
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = appErrorBodySchema.safeParse(body);
  return parsed.success ? `: ${parsed.data.error.message}` : "";
}

/** Follows the marketplace's OAuth redirect to the app's callback; the app answers a redirect into itself. */
async function followOAuthRedirect(code: string, options: MarketplaceOptions): Promise<void> {
  const url = `${sandboxConfig().redirectUri}?code=${encodeURIComponent(code)}`;
  let res: Response;
  try {
    res = await (options.fetchImpl ?? globalThis.fetch)(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new AppError("crm_unavailable", `The app's OAuth callback ${url.split("?")[0] ?? url} could not be reached`);
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel().catch(() => {});
    return;
  }
  throw new AppError("crm_unavailable", `The app's OAuth callback answered ${res.status}${await appMessageOf(res)}`);
}

async function notifyApp(event: SandboxWebhookEvent, options: MarketplaceOptions): Promise<void> {
  const status = await sendSandboxWebhook(event, options);
  if (status < 200 || status >= 300) throw new AppError("crm_unavailable", `The app answered ${status} to the ${event.type} webhook`);
}

/**
 * Installs the app on a location as the marketplace does: marks it installed (Starter unless it
 * has a plan), sends the user through the OAuth redirect with a fresh code, then sends the
 * signed INSTALL webhook. Installing again re-runs both (a repair, as reinstalling is in HighLevel).
 */
export async function installApp(db: Db, locationId: string, options: MarketplaceOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const location = await getSandboxLocationOrThrow(db, locationId);
  const planId = location.planId ?? planIdOfPlan(sandboxConfig().planIds, "starter");
  await db
    .update(sandboxLocations)
    .set({ isAppInstalled: true, planId, installedAt: location.isAppInstalled ? location.installedAt : now })
    .where(eq(sandboxLocations.id, locationId));
  const userId = await installerOf(db, location.companyId, locationId);
  const code = await createOAuthCode(db, { userType: "Location", companyId: location.companyId, locationId, userId }, now);
  await followOAuthRedirect(code, options);
  const company = await companyNameOf(db, location.companyId);
  await notifyApp({ type: "INSTALL", companyId: location.companyId, locationId, userId, planId, companyName: company }, options);
}

async function companyNameOf(db: Db, companyId: string): Promise<string> {
  const [row] = await db.select({ name: sandboxCompanies.name }).from(sandboxCompanies).where(eq(sandboxCompanies.id, companyId)).limit(1);
  return row?.name ?? "";
}

/** Uninstalls: the location's tokens stop working at once, its plan ends, and the app gets UNINSTALL. */
export async function uninstallApp(db: Db, locationId: string, options: MarketplaceOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const location = await getSandboxLocationOrThrow(db, locationId);
  if (!location.isAppInstalled) throw new AppError("conflict", `The app is not installed on ${location.name}`);
  await db.transaction(async (tx) => {
    await tx.update(sandboxLocations).set({ isAppInstalled: false, planId: null, installedAt: null }).where(eq(sandboxLocations.id, locationId));
    await revokeLocationTokens(tx, [locationId], now);
  });
  await notifyApp({ type: "UNINSTALL", locationId, companyId: location.companyId }, options);
}

/** The billing page's confirmation: the location's plan changes and the app gets PLAN_CHANGE. Same plan: nothing happens. */
export async function changePlan(db: Db, locationId: string, plan: Plan, options: MarketplaceOptions = {}): Promise<void> {
  const location = await getSandboxLocationOrThrow(db, locationId);
  if (!location.isAppInstalled) throw new AppError("conflict", `The app is not installed on ${location.name}; install it before choosing a plan`);
  const newPlanId = planIdOfPlan(sandboxConfig().planIds, plan);
  if (location.planId === newPlanId) return;
  await db.update(sandboxLocations).set({ planId: newPlanId }).where(eq(sandboxLocations.id, locationId));
  const userId = await installerOf(db, location.companyId, locationId);
  await notifyApp({ type: "PLAN_CHANGE", locationId, companyId: location.companyId, userId, currentPlanId: location.planId, newPlanId }, options);
}
