/**
 * Per-link visitor cookies at the short URL: "unlocked" (password, 24 h), "lead given" (the lead
 * form was submitted) and the sticky A/B variant (7 days). The first two are signed grants —
 * `{expiresAtSeconds}.{HMAC-SHA256(purpose, linkId, expiry)}` — so they name neither the password
 * nor the visitor, cannot be forged, and cannot be moved to another link. The lead grant also
 * names the lead — `{expiresAtSeconds}.{leadId}.{HMAC(…, leadId)}` — so that the browser's later
 * clicks on the link can be attributed to the CRM contact the lead became (a grant without a
 * lead id, from before, still counts as "lead given"). They are HMACs rather
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

function mac(secret: string, purpose: GrantPurpose, linkId: string, expiresAt: number, subject?: string): Buffer {
  const signed = `${purpose}\n${linkId}\n${expiresAt}${subject === undefined ? "" : `\n${subject}`}`;
  return createHmac("sha256", cookieKey(secret)).update(signed).digest();
}

function isMac(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given, "base64url");
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
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
  return isMac(token.slice(dot + 1), mac(secret, purpose, linkId, expiresAt));
}

const LEAD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The "lead given" grant for `linkId`, naming the lead the browser submitted. */
export function signLeadGrant(secret: string, linkId: string, leadId: string, nowSeconds: number, ttlSeconds: number): string {
  if (!LEAD_ID.test(leadId)) throw new Error("A lead id is 1–64 of [A-Za-z0-9_-]");
  const expiresAt = nowSeconds + ttlSeconds;
  return `${expiresAt}.${leadId}.${mac(secret, "lead", linkId, expiresAt, leadId).toString("base64url")}`;
}

export type LeadGrant = { isValid: boolean; leadId: string | null };

/** Reads a "lead given" grant: valid or not, and the lead it names (null for grants that name none). */
export function readLeadGrant(secret: string, linkId: string, token: string | undefined, nowSeconds: number): LeadGrant {
  const invalid: LeadGrant = { isValid: false, leadId: null };
  if (!token) return invalid;
  const parts = token.split(".");
  if (parts.length === 2) return { isValid: verifyGrant(secret, "lead", linkId, token, nowSeconds), leadId: null };
  const [expiry, leadId, given] = parts;
  if (parts.length !== 3 || !expiry || !leadId || !given || !LEAD_ID.test(leadId)) return invalid;
  const expiresAt = Number(expiry);
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= nowSeconds) return invalid;
  return isMac(given, mac(secret, "lead", linkId, expiresAt, leadId)) ? { isValid: true, leadId } : invalid;
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
