/**
 * The app's own session: a short-lived jose JWT scoped to one workspace and one CRM user,
 * minted once from the CRM's SSO payload. Sent as `Authorization: Bearer` (works with
 * third-party cookies blocked) and mirrored in a partitioned cookie for server actions.
 */
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";

export const SESSION_TTL_SECONDS = 2 * 60 * 60;
const ISSUER = "smart-links";
const AUDIENCE = "smart-links-app";

export const ROLES = ["admin", "user"] as const;
export type Role = (typeof ROLES)[number];

export type Session = { workspaceId: string; userId: string; role: Role; expiresAt: Date };

const claimsSchema = z.object({
  wid: z.string().min(1),
  sub: z.string().min(1),
  role: z.enum(ROLES),
  exp: z.number(),
});

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signSessionToken(
  secret: string,
  claims: { workspaceId: string; userId: string; role: Role },
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const exp = issuedAt + SESSION_TTL_SECONDS;
  const token = await new SignJWT({ wid: claims.workspaceId, role: claims.role })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

/** The session in a token, or null when it is forged, expired or malformed. */
export async function verifySessionToken(secret: string, token: string, now: Date = new Date()): Promise<Session | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    const claims = claimsSchema.parse(payload);
    return { workspaceId: claims.wid, userId: claims.sub, role: claims.role, expiresAt: new Date(claims.exp * 1000) };
  } catch {
    return null;
  }
}
