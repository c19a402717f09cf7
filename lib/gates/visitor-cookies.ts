/**
 * Per-link visitor cookies at the short URL: "unlocked" (password, 24 h), "lead given" (the lead
 * form was submitted) and the sticky A/B variant (7 days). The first two are signed grants —
 * `{expiresAtSeconds}.{HMAC-SHA256(purpose, linkId, expiry)}` — so they name neither the password
 * nor the visitor, cannot be forged, and cannot be moved to another link. They are HMACs rather
 * than JWTs because they are checked synchronously on the click path; the guarantees are the same.
 * The A/B cookie is a plain variant index: choosing your own variant gains nothing.
 *
 * Cookies are host-only, `HttpOnly`, `SameSite=Lax` and scoped to the short URL's path, so a
 * visitor's cookies for one link are never sent with another link's clicks.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const UNLOCK_TTL_SECONDS = 24 * 60 * 60;
export const LEAD_TTL_SECONDS = 365 * 24 * 60 * 60;
export const AB_TTL_SECONDS = 7 * 24 * 60 * 60;

type GrantPurpose = "unlock" | "lead";

export function unlockCookieName(linkId: string): string {
  return `sl_unlock_${linkId}`;
}
export function leadCookieName(linkId: string): string {
  return `sl_lead_${linkId}`;
}
export function abCookieName(linkId: string): string {
  return `sl_ab_${linkId}`;
}

const keys = new Map<string, Buffer>();

/** A key for visitor cookies only, derived from SESSION_SECRET (so it never signs sessions). */
function cookieKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update("smart-links/visitor-cookies/v1").digest();
    keys.set(secret, key);
  }
  return key;
}

function mac(secret: string, purpose: GrantPurpose, linkId: string, expiresAt: number): Buffer {
  return createHmac("sha256", cookieKey(secret)).update(`${purpose}\n${linkId}\n${expiresAt}`).digest();
}

/** A signed grant for `linkId`, valid until `nowSeconds + ttlSeconds`. */
export function signGrant(secret: string, purpose: GrantPurpose, linkId: string, nowSeconds: number, ttlSeconds: number): string {
  const expiresAt = nowSeconds + ttlSeconds;
  return `${expiresAt}.${mac(secret, purpose, linkId, expiresAt).toString("base64url")}`;
}

export function verifyGrant(secret: string, purpose: GrantPurpose, linkId: string, token: string | undefined, nowSeconds: number): boolean {
  if (!token) return false;
  const dot = token.indexOf(".");
  const expiresAt = Number(token.slice(0, dot));
  if (dot <= 0 || !Number.isSafeInteger(expiresAt) || expiresAt <= nowSeconds) return false;
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = mac(secret, purpose, linkId, expiresAt);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `Cookie` header → name/value map; malformed pairs are skipped, never thrown on. */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !out.has(name)) out.set(name, value);
  }
  return out;
}

export type CookieOptions = { maxAgeSeconds: number; path: string; secure: boolean };

/** A `Set-Cookie` value. Names and values here are ids, digits and base64url: nothing to encode. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return `${name}=${value}; Max-Age=${options.maxAgeSeconds}; Path=${options.path}; HttpOnly; SameSite=Lax${options.secure ? "; Secure" : ""}`;
}

/** The sticky A/B index from its cookie, or null when absent or not a small non-negative integer. */
export function parseAbVariant(value: string | undefined): number | null {
  if (!value || !/^\d{1,3}$/.test(value)) return null;
  return Number(value);
}
