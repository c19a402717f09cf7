/** The session cookie for server actions: the app lives in a cross-site iframe, so it is partitioned. */
export const SESSION_COOKIE = "sl_session";

export function sessionCookieHeader(token: string, expiresAt: Date): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    `Expires=${expiresAt.toUTCString()}`,
    "HttpOnly",
    "Secure",
    "SameSite=None",
    "Partitioned",
  ].join("; ");
}
