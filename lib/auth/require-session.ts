/**
 * Who is calling: a session JWT (Bearer header from the embedded app, or its partitioned cookie
 * for server actions), or — on the REST API only — a workspace API key as the Bearer token.
 * Every tenant query then takes the workspace id from here, never from input.
 */
import { looksLikeApiKey } from "@/lib/api-keys/api-key-token";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { verifySessionToken, type Session } from "@/lib/auth/session-token";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { isWorkspaceActive } from "@/lib/workspaces/queries";

export function bearerOf(headers: Headers): string | null {
  const auth = headers.get("authorization");
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim() || null;
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=") || null;
  }
  return null;
}

async function assertInstalled(db: Db, workspaceId: string): Promise<void> {
  if (!(await isWorkspaceActive(db, workspaceId))) {
    throw new AppError("app_not_installed", "Smart Links is no longer installed on this location");
  }
}

/**
 * The caller's session, or `unauthorized`; an uninstalled workspace is refused with
 * `app_not_installed`. An API key is refused with `forbidden`: session-only routes (API key
 * management, the app's own endpoints) are for people signed in from the CRM.
 */
export async function requireSession(db: Db, headers: Headers, sessionSecret: string, now: Date = new Date()): Promise<Session> {
  const token = bearerOf(headers);
  if (token && looksLikeApiKey(token)) {
    throw new AppError("forbidden", "API keys cannot be used here: open Smart Links from your CRM");
  }
  const session = token ? await verifySessionToken(sessionSecret, token, now) : null;
  if (!session) throw new AppError("unauthorized", "Sign in again: open Smart Links from your CRM");
  await assertInstalled(db, session.workspaceId);
  return session;
}

/** Who a REST API call acts as: `userId` is set for sessions, `apiKeyId` for API keys. */
export type ApiAuth =
  | { via: "session"; workspaceId: string; userId: string; apiKeyId: null }
  | { via: "api_key"; workspaceId: string; userId: null; apiKeyId: string };

/**
 * REST API v1 authentication: `Authorization: Bearer` with a session token or an API key
 * (`sl_live_…`). Missing, forged, expired, unknown or revoked → `unauthorized` (401); the
 * workspace uninstalled → `app_not_installed` (403).
 */
export async function requireApiAuth(db: Db, headers: Headers, sessionSecret: string, now: Date = new Date()): Promise<ApiAuth> {
  const token = bearerOf(headers);
  if (!token) {
    throw new AppError("unauthorized", "Send Authorization: Bearer with an API key (Settings → API keys) or a session token");
  }
  if (looksLikeApiKey(token)) {
    const key = await authenticateApiKey(db, token, now);
    if (!key) throw new AppError("unauthorized", "This API key is invalid or has been revoked");
    await assertInstalled(db, key.workspaceId);
    return { via: "api_key", workspaceId: key.workspaceId, userId: null, apiKeyId: key.apiKeyId };
  }
  const session = await requireSession(db, headers, sessionSecret, now);
  return { via: "session", workspaceId: session.workspaceId, userId: session.userId, apiKeyId: null };
}
