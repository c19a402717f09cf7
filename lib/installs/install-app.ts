/**
 * Install from either path — the OAuth redirect or the INSTALL webhook, in any order, or the
 * webhook alone — lands in the same state: tokens stored, the location's workspace created or
 * re-activated with everything it had. Every step is idempotent.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { crmInstallations, workspaces, type WorkspaceRow } from "@/db/schema";
import { callCrm } from "@/lib/crm/client";
import { CrmError } from "@/lib/crm/errors";
import { exchangeCode, mintLocationToken } from "@/lib/crm/oauth";
import { installedLocationsSchema, type TokenResponse } from "@/lib/crm/schemas";
import { decryptToken } from "@/lib/crm/token-cipher";
import { saveCompanyTokens, saveLocationTokens, type CrmDeps } from "@/lib/crm/tokens";
import type { Plan } from "@/lib/billing/plans";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";

export type PlanIds = Record<string, Plan>;

/** A CRM plan id as our plan; an unknown or absent id keeps `fallback` (Starter for new workspaces). */
export function planOf(planIds: PlanIds, planId: string | null | undefined, fallback: Plan = "starter"): Plan {
  return (planId && planIds[planId]) || fallback;
}

/** Creates the location's workspace, or re-activates it (restoring all its data) after an uninstall. */
export async function activateWorkspace(
  db: Db,
  input: { locationId: string; companyId?: string | null; name?: string | null; plan?: Plan; crmPlanId?: string | null },
): Promise<WorkspaceRow> {
  const [row] = await db
    .insert(workspaces)
    .values({
      id: newId("ws"),
      crmLocationId: input.locationId,
      crmCompanyId: input.companyId ?? null,
      name: input.name || `Location ${input.locationId}`,
      plan: input.plan ?? "starter",
      crmPlanId: input.crmPlanId ?? null,
    })
    .onConflictDoUpdate({
      target: workspaces.crmLocationId,
      set: {
        status: "active",
        uninstalledAt: null,
        purgeAfter: null,
        ...(input.companyId ? { crmCompanyId: input.companyId } : {}),
        ...(input.name ? { name: input.name } : {}),
        ...(input.plan ? { plan: input.plan, crmPlanId: input.crmPlanId ?? null } : {}),
      },
    })
    .returning();
  if (!row) throw new AppError("internal", "The workspace could not be saved");
  invalidateLinkCache(); // a re-activated workspace's links answer again at once
  return row;
}

const locationSchema = z.object({ location: z.object({ id: z.string(), name: z.string(), timezone: z.string().optional() }) });

async function locationName(deps: CrmDeps, locationId: string): Promise<{ name: string | null; timezone?: string }> {
  try {
    const { location } = await callCrm(deps, locationId, { method: "GET", path: `/locations/${locationId}`, schema: locationSchema }, { maxRateLimitWaitMs: 2_000 });
    return { name: location.name, timezone: location.timezone };
  } catch (err) {
    log.warn("location name lookup failed", { locationId, err });
    return { name: null };
  }
}

async function installLocation(deps: CrmDeps, planIds: PlanIds, tokens: TokenResponse, locationId: string, companyId: string | null): Promise<WorkspaceRow> {
  const plan = tokens.planId ? planOf(planIds, tokens.planId) : undefined;
  let workspace = await activateWorkspace(deps.db, { locationId, companyId, plan, crmPlanId: tokens.planId ?? null });
  await saveLocationTokens(deps, { locationId, companyId, workspaceId: workspace.id, tokens });
  const { name, timezone } = await locationName(deps, locationId);
  if (name) {
    const [renamed] = await deps.db
      .update(workspaces)
      .set({ name, ...(timezone ? { timezone } : {}) })
      .where(eq(workspaces.id, workspace.id))
      .returning();
    workspace = renamed ?? workspace;
  }
  return workspace;
}

/** An agency install: keep the Company token, then a Location token and workspace per installed location. */
async function installCompany(deps: CrmDeps, planIds: PlanIds, tokens: TokenResponse, companyId: string): Promise<WorkspaceRow[]> {
  await saveCompanyTokens(deps, { companyId, tokens });
  const appId = deps.client.clientId.split("-")[0] ?? deps.client.clientId;
  const { data } = await deps.http.request({
    method: "GET",
    path: "/oauth/installedLocations",
    token: tokens.access_token,
    query: { companyId, appId, isInstalled: "true" },
    schema: installedLocationsSchema,
  });
  const installed: WorkspaceRow[] = [];
  for (const location of data.locations) {
    if (location.isInstalled === false) continue;
    const locationTokens = await mintLocationToken(deps.http, tokens.access_token, companyId, location._id);
    installed.push(await installLocation(deps, planIds, { ...locationTokens, planId: locationTokens.planId ?? tokens.planId }, location._id, companyId));
  }
  return installed;
}

/** `GET /api/oauth/callback?code=…`: exchange the code and install. Returns the workspaces now active. */
export async function completeOAuthInstall(deps: CrmDeps, planIds: PlanIds, code: string): Promise<WorkspaceRow[]> {
  let tokens: TokenResponse;
  try {
    tokens = await exchangeCode(deps.http, deps.client, code);
  } catch (err) {
    if (err instanceof CrmError && !err.retryable) {
      throw new AppError("invalid_input", "This install link has expired or was already used. Install the app again from the marketplace.");
    }
    throw new AppError("crm_unavailable", "The CRM did not answer; try the install again in a moment.");
  }
  if (tokens.locationId) return [await installLocation(deps, planIds, tokens, tokens.locationId, tokens.companyId ?? null)];
  if (tokens.companyId) return installCompany(deps, planIds, tokens, tokens.companyId);
  throw new AppError("invalid_input", "The CRM's token names neither a location nor an agency");
}

/**
 * INSTALL webhook. With a location the agency installed for (Company token on file), a Location
 * token is minted now; otherwise the OAuth redirect brings the tokens (before or after this).
 */
export async function applyInstallEvent(
  deps: CrmDeps,
  planIds: PlanIds,
  event: { locationId?: string | null; companyId?: string | null; planId?: string | null; companyName?: string | null },
): Promise<void> {
  if (!event.locationId) return; // agency-level install: the OAuth redirect carries the Company token
  const plan = event.planId ? planOf(planIds, event.planId) : undefined;
  const workspace = await activateWorkspace(deps.db, {
    locationId: event.locationId,
    companyId: event.companyId,
    plan,
    crmPlanId: event.planId ?? null,
  });
  if (!event.companyId) return;
  const [existing] = await deps.db
    .select({ id: crmInstallations.id, token: crmInstallations.accessTokenEnc })
    .from(crmInstallations)
    .where(eq(crmInstallations.locationId, event.locationId))
    .limit(1);
  if (existing?.token) return;
  const [company] = await deps.db
    .select()
    .from(crmInstallations)
    .where(and(eq(crmInstallations.companyId, event.companyId), eq(crmInstallations.userType, "Company")))
    .limit(1);
  if (!company?.accessTokenEnc) return;
  const tokens = await mintLocationToken(deps.http, decryptToken(company.accessTokenEnc, deps.encryptionKey), event.companyId, event.locationId);
  await saveLocationTokens(deps, { locationId: event.locationId, companyId: event.companyId, workspaceId: workspace.id, tokens });
}
