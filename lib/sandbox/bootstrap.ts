/**
 * Start-up and reset of the sandbox CRM: seed an empty sandbox, then make sure the app holds a
 * working installation of every location where the sandbox says the app is installed. The app's
 * own install code (`completeOAuthInstall`) runs against the sandbox in-process, so this works
 * before the server listens.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { crmInstallations, sandboxLocations, workspaces } from "@/db/schema";
import { getCrmDeps } from "@/lib/crm/deps";
import { createCrmHttp } from "@/lib/crm/http";
import { decryptToken } from "@/lib/crm/token-cipher";
import type { CrmDeps } from "@/lib/crm/tokens";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { completeOAuthInstall } from "@/lib/installs/install-app";
import { receiveCrmWebhook } from "@/lib/installs/webhook-events";
import { log } from "@/lib/log";
import { isSandboxMode } from "@/lib/sandbox/config";
import { inProcessFetch } from "@/lib/sandbox/crm-api";
import { createOAuthCode, installerOf, isTokenAccepted } from "@/lib/sandbox/oauth";
import { resetSandbox, seedSandboxIfEmpty } from "@/lib/sandbox/seed";
import { buildSignedWebhook } from "@/lib/sandbox/webhooks";

export type InstallPassReport = {
  /** Locations (re)installed in the app now. */
  installed: string[];
  /** Locations whose installation already worked. */
  kept: string[];
  failed: { locationId: string; message: string }[];
};

/** The app's CRM dependencies with the sandbox reached in-process instead of over HTTP. */
export async function inProcessCrmDeps(): Promise<CrmDeps> {
  return { ...(await getCrmDeps()), http: createCrmHttp(env().crm.apiBase, inProcessFetch) };
}

/** True when the location's workspace is active and its stored token is one the sandbox still accepts. */
async function hasWorkingInstall(deps: CrmDeps, locationId: string): Promise<boolean> {
  const [workspace] = await deps.db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(eq(workspaces.crmLocationId, locationId), eq(workspaces.status, "active")))
    .limit(1);
  if (!workspace) return false;
  const [installation] = await deps.db
    .select({ token: crmInstallations.accessTokenEnc, uninstalledAt: crmInstallations.uninstalledAt })
    .from(crmInstallations)
    .where(eq(crmInstallations.locationId, locationId))
    .limit(1);
  if (!installation?.token || installation.uninstalledAt) return false;
  let token: string;
  try {
    token = decryptToken(installation.token, deps.encryptionKey);
  } catch {
    return false; // encrypted under another key: install again
  }
  return isTokenAccepted(deps.db, token, locationId);
}

/**
 * For every location with the app installed (seed order): keep a working installation, or run
 * the app's OAuth install with a fresh code. Failures are reported, not thrown.
 */
export async function ensureAppInstallations(deps: CrmDeps): Promise<InstallPassReport> {
  const report: InstallPassReport = { installed: [], kept: [], failed: [] };
  const locations = await deps.db
    .select()
    .from(sandboxLocations)
    .where(eq(sandboxLocations.isAppInstalled, true))
    .orderBy(asc(sandboxLocations.position));
  for (const location of locations) {
    try {
      if (await hasWorkingInstall(deps, location.id)) {
        report.kept.push(location.id);
        continue;
      }
      const userId = await installerOf(deps.db, location.companyId, location.id);
      const code = await createOAuthCode(deps.db, { userType: "Location", companyId: location.companyId, locationId: location.id, userId });
      await completeOAuthInstall(deps, env().crm.planIds, code);
      report.installed.push(location.id);
    } catch (err) {
      log.warn("sandbox: the app could not be installed on a seeded location", { locationId: location.id, err });
      report.failed.push({ locationId: location.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}

/**
 * Called by `server.ts` before it listens, in sandbox mode only: seeds an empty sandbox and
 * installs the app where the sandbox says it is installed. Restarts keep working tokens, so
 * they are cheap and do not churn tokens.
 */
export async function bootstrapSandbox(): Promise<void> {
  if (!isSandboxMode()) return;
  const db = await getDb();
  const seeded = await seedSandboxIfEmpty(db);
  const report = await ensureAppInstallations(await inProcessCrmDeps());
  log.info("sandbox CRM ready", { seeded, installed: report.installed, kept: report.kept, failed: report.failed.map((f) => f.locationId) });
}

/** Tells the app, through a signed UNINSTALL handled in-process, that these locations no longer have it. */
async function uninstallInApp(deps: CrmDeps, locations: { id: string; companyId: string }[]): Promise<void> {
  const config = env();
  for (const location of locations) {
    const webhook = buildSignedWebhook({ type: "UNINSTALL", locationId: location.id, companyId: location.companyId });
    await receiveCrmWebhook(
      deps,
      { publicKey: config.crm.webhookPublicKey, planIds: config.crm.planIds, graceDays: config.uninstallGraceDays },
      webhook.body,
      webhook.signature,
    );
  }
}

/**
 * `POST /sandbox/api/reset`: back to the seed data, and the app in step with it — the seeded
 * installs get fresh tokens (the reset revoked the old ones) and locations the seed leaves
 * uninstalled are uninstalled in the app too.
 */
export async function resetSandboxAndApp(): Promise<InstallPassReport> {
  const deps = await inProcessCrmDeps();
  const target = deps.db;
  await resetSandbox(target);
  const notInstalled = await target
    .select({ id: sandboxLocations.id, companyId: sandboxLocations.companyId })
    .from(sandboxLocations)
    .where(eq(sandboxLocations.isAppInstalled, false));
  const stillActive = notInstalled.length === 0
    ? []
    : await target
        .select({ locationId: workspaces.crmLocationId })
        .from(workspaces)
        .where(and(inArray(workspaces.crmLocationId, notInstalled.map((l) => l.id)), eq(workspaces.status, "active")));
  const activeIds = new Set(stillActive.map((w) => w.locationId));
  await uninstallInApp(deps, notInstalled.filter((l) => activeIds.has(l.id)));
  const report = await ensureAppInstallations(deps);
  if (report.failed.length > 0) {
    throw new AppError("crm_unavailable", `The sandbox was reset, but the app could not be installed on ${report.failed.map((f) => f.locationId).join(", ")}: ${report.failed[0]?.message ?? ""}`);
  }
  return report;
}
