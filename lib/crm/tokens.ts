/**
 * CRM OAuth tokens at rest and their refresh. Refresh tokens rotate (a used one dies), so a
 * refresh is single-flight per location: one promise per process, and across processes a
 * `select … for update` on the installation row; the new pair is saved before the lock is
 * released, and a caller that waited on the lock picks up the token the winner saved.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { crmInstallations } from "@/db/schema";
import { CrmError } from "@/lib/crm/errors";
import type { CrmHttp } from "@/lib/crm/http";
import { mintLocationToken, refreshToken, type OAuthClient } from "@/lib/crm/oauth";
import type { TokenResponse } from "@/lib/crm/schemas";
import { decryptToken, encryptToken } from "@/lib/crm/token-cipher";
import { newId } from "@/lib/ids";
import { processSingleton } from "@/lib/process-state";

export type CrmDeps = {
  db: Db;
  http: CrmHttp;
  client: OAuthClient;
  encryptionKey: string;
  now?: () => Date;
  /**
   * True when this process is the database's only user (PGlite: one process per data
   * directory). Refresh then relies on the in-process single-flight alone and holds no
   * transaction across the CRM call: PGlite has one connection, and an open transaction would
   * block every other query of the process (the in-process sandbox CRM's included) until the
   * call timed out.
   */
  singleProcessDb?: boolean;
};

/** Refresh ahead of expiry by this much, so a token never dies mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

const nowOf = (deps: CrmDeps) => (deps.now ? deps.now() : new Date());

function expiryOf(tokens: TokenResponse, now: Date): Date {
  return new Date(now.getTime() + tokens.expires_in * 1000);
}

/** Stores (or replaces) a Location install's tokens; re-activates an uninstalled row. */
export async function saveLocationTokens(
  deps: CrmDeps,
  input: { locationId: string; companyId?: string | null; workspaceId: string; tokens: TokenResponse },
): Promise<void> {
  const now = nowOf(deps);
  const values = {
    accessTokenEnc: encryptToken(input.tokens.access_token, deps.encryptionKey),
    refreshTokenEnc: input.tokens.refresh_token ? encryptToken(input.tokens.refresh_token, deps.encryptionKey) : null,
    expiresAt: expiryOf(input.tokens, now),
    scopes: input.tokens.scope ?? "",
    crmUserId: input.tokens.userId ?? null,
    planId: input.tokens.planId ?? null,
    companyId: input.companyId ?? input.tokens.companyId ?? null,
    workspaceId: input.workspaceId,
    uninstalledAt: null,
  };
  await deps.db
    .insert(crmInstallations)
    .values({ id: newId("inst"), userType: "Location", locationId: input.locationId, installedAt: now, ...values })
    .onConflictDoUpdate({ target: crmInstallations.locationId, set: values });
}

/** Stores (or replaces) an agency install's Company token. */
export async function saveCompanyTokens(deps: CrmDeps, input: { companyId: string; tokens: TokenResponse }): Promise<void> {
  const now = nowOf(deps);
  const values = {
    accessTokenEnc: encryptToken(input.tokens.access_token, deps.encryptionKey),
    refreshTokenEnc: input.tokens.refresh_token ? encryptToken(input.tokens.refresh_token, deps.encryptionKey) : null,
    expiresAt: expiryOf(input.tokens, now),
    scopes: input.tokens.scope ?? "",
    crmUserId: input.tokens.userId ?? null,
    planId: input.tokens.planId ?? null,
    uninstalledAt: null,
  };
  await deps.db
    .insert(crmInstallations)
    .values({ id: newId("inst"), userType: "Company", companyId: input.companyId, installedAt: now, ...values })
    .onConflictDoUpdate({
      target: crmInstallations.companyId,
      targetWhere: sql`${crmInstallations.userType} = 'Company'`,
      set: values,
    });
}

/** Forgets a location's tokens (uninstall); the row stays as a record of the install. */
export async function clearLocationTokens(db: Db, locationId: string, at: Date): Promise<void> {
  await db
    .update(crmInstallations)
    .set({ accessTokenEnc: null, refreshTokenEnc: null, expiresAt: null, uninstalledAt: at })
    .where(eq(crmInstallations.locationId, locationId));
}

async function companyTokenFor(deps: CrmDeps, companyId: string): Promise<string | null> {
  const [row] = await deps.db
    .select()
    .from(crmInstallations)
    .where(and(eq(crmInstallations.companyId, companyId), eq(crmInstallations.userType, "Company")))
    .limit(1);
  if (!row?.accessTokenEnc || row.uninstalledAt) return null;
  return decryptToken(row.accessTokenEnc, deps.encryptionKey);
}

/** A usable access token for the location, refreshed first when it is about to expire. */
export async function getLocationAccessToken(deps: CrmDeps, locationId: string): Promise<string> {
  const [row] = await deps.db.select().from(crmInstallations).where(eq(crmInstallations.locationId, locationId)).limit(1);
  if (!row || row.uninstalledAt || !row.accessTokenEnc) {
    throw new CrmError("unauthorized", "The app is not installed on this location");
  }
  const token = decryptToken(row.accessTokenEnc, deps.encryptionKey);
  if (row.expiresAt && row.expiresAt.getTime() - nowOf(deps).getTime() < EXPIRY_MARGIN_MS) {
    return refreshLocationToken(deps, locationId, token);
  }
  return token;
}

/**
 * Replaces `staleToken` (rejected or expiring) with a fresh one. Concurrent callers in this
 * process share one refresh; callers in other processes wait on the row lock and reuse the
 * token the first one saved.
 */
export function refreshLocationToken(deps: CrmDeps, locationId: string, staleToken: string): Promise<string> {
  const inflight = processSingleton("crm-refresh-inflight", () => new Map<string, Promise<string>>());
  const existing = inflight.get(locationId);
  if (existing) return existing;
  const promise = refreshUnderLock(deps, locationId, staleToken).finally(() => inflight.delete(locationId));
  inflight.set(locationId, promise);
  return promise;
}

async function refreshUnderLock(deps: CrmDeps, locationId: string, staleToken: string): Promise<string> {
  if (deps.singleProcessDb) return refreshRow(deps, deps.db, locationId, staleToken, false);
  return deps.db.transaction((tx) => refreshRow(deps, tx, locationId, staleToken, true));
}

async function refreshRow(deps: CrmDeps, tx: Db, locationId: string, staleToken: string, lock: boolean): Promise<string> {
  const query = tx.select().from(crmInstallations).where(eq(crmInstallations.locationId, locationId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || row.uninstalledAt || !row.accessTokenEnc) {
    throw new CrmError("unauthorized", "The app is not installed on this location");
  }
  const now = nowOf(deps);
  const current = decryptToken(row.accessTokenEnc, deps.encryptionKey);
  const fresh = row.expiresAt !== null && row.expiresAt.getTime() - now.getTime() >= EXPIRY_MARGIN_MS;
  if (current !== staleToken && fresh) return current; // another process refreshed while we waited

  let tokens: TokenResponse | null = null;
  if (row.refreshTokenEnc) {
    try {
      tokens = await refreshToken(deps.http, deps.client, decryptToken(row.refreshTokenEnc, deps.encryptionKey), "Location");
    } catch (err) {
      if (!(err instanceof CrmError) || err.retryable) throw err;
    }
  }
  if (!tokens && row.companyId) {
    // A location of an agency install: mint a new Location token from the Company token.
    const companyToken = await companyTokenFor({ ...deps, db: tx }, row.companyId);
    if (companyToken) tokens = await mintLocationToken(deps.http, companyToken, row.companyId, locationId);
  }
  if (!tokens) throw new CrmError("unauthorized", "The CRM refused to refresh this location's token; reinstall the app");

  await tx
    .update(crmInstallations)
    .set({
      accessTokenEnc: encryptToken(tokens.access_token, deps.encryptionKey),
      // Keep the old refresh token only when the CRM did not send a new one (minted tokens).
      refreshTokenEnc: tokens.refresh_token ? encryptToken(tokens.refresh_token, deps.encryptionKey) : row.refreshTokenEnc,
      expiresAt: expiryOf(tokens, now),
      ...(tokens.planId ? { planId: tokens.planId } : {}),
    })
    .where(eq(crmInstallations.id, row.id));
  return tokens.access_token;
}
