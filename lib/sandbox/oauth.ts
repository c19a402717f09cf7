/**
 * The sandbox CRM's OAuth server: single-use authorization codes (10 minutes), token pairs with
 * single-use rotating refresh tokens, Location tokens minted from a Company token, and bearer
 * authentication for every other endpoint. Error wording follows the OAuth server HighLevel
 * runs ("Invalid grant: …", "Invalid token: access token is invalid").
 */
import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxLocations, sandboxOauthCodes, sandboxTokens, sandboxUsers, type SandboxTokenRow } from "@/db/schema";
import { newId } from "@/lib/ids";
import { secretToken, type SandboxConfig } from "@/lib/sandbox/config";
import { crmErrors, parseBody } from "@/lib/sandbox/crm-errors";

export const CODE_TTL_MS = 10 * 60_000;
/** HighLevel's access tokens live a day (its example answer says 86399 s). */
export const ACCESS_TOKEN_TTL_S = 86_399;
export const SANDBOX_SCOPES = [
  "contacts.readonly",
  "contacts.write",
  "locations.readonly",
  "locations/customFields.readonly",
  "locations/customFields.write",
  "locations/tags.readonly",
  "workflows.readonly",
  "oauth.readonly",
  "oauth.write",
].join(" ");
export const SANDBOX_VERSION_ID = "sbx_version_1";

export type UserType = "Location" | "Company";

/** Issues a code as the marketplace's consent screen would, for the app's OAuth redirect. */
export async function createOAuthCode(
  db: Db,
  input: { userType: UserType; companyId: string; locationId?: string | null; userId?: string | null },
  now: Date = new Date(),
): Promise<string> {
  const code = secretToken("sbx_code");
  await db.insert(sandboxOauthCodes).values({
    code,
    userType: input.userType,
    companyId: input.companyId,
    locationId: input.userType === "Location" ? (input.locationId ?? null) : null,
    userId: input.userId ?? null,
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
  });
  return code;
}

/** The user an install is attributed to: the location's first admin, else the agency's first admin. */
export async function installerOf(db: Db, companyId: string, locationId: string | null): Promise<string | null> {
  const admins = await db
    .select({ id: sandboxUsers.id, type: sandboxUsers.type, locationIds: sandboxUsers.locationIds })
    .from(sandboxUsers)
    .where(and(eq(sandboxUsers.companyId, companyId), eq(sandboxUsers.role, "admin")))
    .orderBy(asc(sandboxUsers.position));
  const own = locationId ? admins.find((u) => u.type === "account" && u.locationIds.includes(locationId)) : undefined;
  return (own ?? admins.find((u) => u.type === "agency"))?.id ?? null;
}

export type TokenAnswer = Record<string, unknown> & { access_token: string; refresh_token: string };

async function issueTokens(
  db: Db,
  input: { userType: UserType; companyId: string; locationId: string | null; userId?: string | null },
  now: Date,
): Promise<TokenAnswer> {
  const accessToken = secretToken("sbx_at");
  const refreshToken = secretToken("sbx_rt");
  await db.insert(sandboxTokens).values({
    id: newId("sbxtok"),
    userType: input.userType,
    companyId: input.companyId,
    locationId: input.locationId,
    accessToken,
    refreshToken,
    scopes: SANDBOX_SCOPES,
    expiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_S * 1000),
    createdAt: now,
  });
  const userId = input.userId ?? (await installerOf(db, input.companyId, input.locationId));
  const base = {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_S,
    refresh_token: refreshToken,
    scope: SANDBOX_SCOPES,
    userType: input.userType,
    companyId: input.companyId,
    userId,
  };
  if (input.userType === "Location" && input.locationId) {
    const [location] = await db.select({ planId: sandboxLocations.planId }).from(sandboxLocations).where(eq(sandboxLocations.id, input.locationId)).limit(1);
    return { ...base, locationId: input.locationId, planId: location?.planId ?? null, isBulkInstallation: false };
  }
  const installed = await db
    .select({ id: sandboxLocations.id })
    .from(sandboxLocations)
    .where(and(eq(sandboxLocations.companyId, input.companyId), eq(sandboxLocations.isAppInstalled, true)))
    .orderBy(asc(sandboxLocations.position));
  return { ...base, approvedLocations: installed.map((l) => l.id), isBulkInstallation: false, planId: null };
}

const tokenRequestSchema = z.object({
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  grant_type: z.string().optional(),
  code: z.string().optional(),
  refresh_token: z.string().optional(),
  user_type: z.string().optional(),
  redirect_uri: z.string().optional(),
});

/** `POST /oauth/token`: the authorization-code and refresh-token grants. */
export async function grantToken(db: Db, config: SandboxConfig, form: Record<string, string>, now: Date = new Date()): Promise<TokenAnswer> {
  const input = tokenRequestSchema.parse(form);
  if (!input.grant_type) throw crmErrors.oauth("invalid_request", "Missing parameter: `grant_type`");
  if (!input.client_id) throw crmErrors.oauth("invalid_request", "Missing parameter: `client_id`");
  if (input.client_id !== config.clientId || input.client_secret !== config.clientSecret) {
    throw crmErrors.oauth("invalid_client", "Invalid client: client is invalid");
  }

  if (input.grant_type === "authorization_code") {
    if (!input.code) throw crmErrors.oauth("invalid_request", "Missing parameter: `code`");
    if (input.redirect_uri !== undefined && input.redirect_uri !== config.redirectUri) {
      throw crmErrors.oauth("invalid_request", "Invalid request: `redirect_uri` is invalid");
    }
    // Atomic: of two concurrent exchanges of one code, exactly one wins.
    const [used] = await db
      .update(sandboxOauthCodes)
      .set({ usedAt: now })
      .where(and(eq(sandboxOauthCodes.code, input.code), isNull(sandboxOauthCodes.usedAt)))
      .returning();
    if (!used) throw crmErrors.oauth("invalid_grant", "Invalid grant: authorization code is invalid");
    if (used.expiresAt.getTime() <= now.getTime()) throw crmErrors.oauth("invalid_grant", "Invalid grant: authorization code has expired");
    const userType: UserType = used.userType === "Company" ? "Company" : "Location";
    return issueTokens(db, { userType, companyId: used.companyId, locationId: used.locationId, userId: used.userId }, now);
  }

  if (input.grant_type === "refresh_token") {
    if (!input.refresh_token) throw crmErrors.oauth("invalid_request", "Missing parameter: `refresh_token`");
    // Single use: the pair is marked refreshed atomically, so a reused refresh token fails.
    const [old] = await db
      .update(sandboxTokens)
      .set({ refreshedAt: now })
      .where(and(eq(sandboxTokens.refreshToken, input.refresh_token), isNull(sandboxTokens.refreshedAt), isNull(sandboxTokens.revokedAt)))
      .returning();
    if (!old) throw crmErrors.oauth("invalid_grant", "Invalid grant: refresh token is invalid");
    const userType: UserType = old.userType === "Company" ? "Company" : "Location";
    return issueTokens(db, { userType, companyId: old.companyId, locationId: old.locationId }, now);
  }

  throw crmErrors.oauth("unsupported_grant_type", "Unsupported grant type: `grant_type` is invalid");
}

/** The valid (unrevoked, unexpired) token pair whose access token this is, or null. */
export async function findValidToken(db: Db, accessToken: string, now: Date = new Date()): Promise<SandboxTokenRow | null> {
  const [row] = await db
    .select()
    .from(sandboxTokens)
    .where(and(eq(sandboxTokens.accessToken, accessToken), isNull(sandboxTokens.revokedAt), gt(sandboxTokens.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Whether a token the app holds still works here: its access token, or else its unused refresh token. */
export async function isTokenAccepted(db: Db, accessToken: string, locationId: string, now: Date = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: sandboxTokens.id })
    .from(sandboxTokens)
    .where(
      and(
        eq(sandboxTokens.accessToken, accessToken),
        eq(sandboxTokens.locationId, locationId),
        isNull(sandboxTokens.revokedAt),
        or(gt(sandboxTokens.expiresAt, now), isNull(sandboxTokens.refreshedAt)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Uninstall: every token pair of these locations stops working at once. */
export async function revokeLocationTokens(db: Db, locationIds: string[], now: Date = new Date()): Promise<void> {
  if (locationIds.length === 0) return;
  await db
    .update(sandboxTokens)
    .set({ revokedAt: now })
    .where(and(inArray(sandboxTokens.locationId, locationIds), isNull(sandboxTokens.revokedAt)));
}

const locationTokenSchema = z.object({ companyId: z.string().min(1), locationId: z.string().min(1) });

/** `POST /oauth/locationToken`: a Location token from the agency's Company token, for a location with the app. */
export async function mintLocationToken(db: Db, company: SandboxTokenRow, form: Record<string, string>, config: SandboxConfig, now: Date = new Date()): Promise<TokenAnswer> {
  const input = parseBody(locationTokenSchema, form);
  if (input.companyId !== company.companyId) throw crmErrors.noAccessToCompany();
  const [location] = await db
    .select()
    .from(sandboxLocations)
    .where(and(eq(sandboxLocations.id, input.locationId), eq(sandboxLocations.companyId, company.companyId)))
    .limit(1);
  if (!location) throw crmErrors.badRequest("Location not found");
  if (!location.isAppInstalled) throw crmErrors.badRequest("This app is not installed on the location");
  const tokens = await issueTokens(db, { userType: "Location", companyId: company.companyId, locationId: location.id }, now);
  return { ...tokens, appId: config.appId, versionId: SANDBOX_VERSION_ID };
}
