/**
 * Who is calling: a session JWT (Bearer header from the embedded app, or its partitioned cookie
 * for server actions). Every tenant query then takes the workspace id from here, never from input.
 * (API keys join here with the REST API.)
 */
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

/** The caller's session, or `unauthorized`; an uninstalled workspace is refused with `app_not_installed`. */
export async function requireSession(db: Db, headers: Headers, sessionSecret: string, now: Date = new Date()): Promise<Session> {
  const token = bearerOf(headers);
  const session = token ? await verifySessionToken(sessionSecret, token, now) : null;
  if (!session) throw new AppError("unauthorized", "Sign in again: open Smart Links from your CRM");
  if (!(await isWorkspaceActive(db, session.workspaceId))) {
    throw new AppError("app_not_installed", "Smart Links is no longer installed on this location");
  }
  return session;
}
