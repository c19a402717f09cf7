/**
 * Classifies one short-link request, once, into everything the click path needs: the decision
 * (bot, country, device) and the click row (geo, device, source, contact, visitor key).
 * Synchronous and network-free; the only process-wide state is the UA cache and the geo database.
 */
import { createHash, createHmac } from "node:crypto";
import type { DeviceType, TrafficSource } from "@/db/schema/clicks";
import { clientIp } from "@/lib/redirect/client-ip";
import { type GeoLookup, lookupGeo, UNKNOWN_GEO } from "@/lib/redirect/geo";
import { classifySource, parseReferrer, utmSourceHint } from "@/lib/redirect/sources";
import { classifyUserAgent, MAX_USER_AGENT_LENGTH } from "@/lib/redirect/user-agent";

export type OsKey = "ios" | "android" | "windows" | "macos" | "linux";

/** Everything the click path knows about one request. */
export type Visit = {
  /** Upper case: "GET", "HEAD", "POST" … */
  method: string;
  /** Client IP after `TRUSTED_PROXY_HOPS`; for geo and the visitor key only, never stored. */
  ip: string | null;
  /** ISO 3166-1 alpha-2, upper case; null for private, loopback and unknown addresses. */
  country: string | null;
  region: string | null;
  city: string | null;
  deviceType: DeviceType;
  /** The OS as device rules name it. */
  osKey: OsKey | null;
  /** As ua-parser-js names them. */
  os: string | null;
  browser: string | null;
  /** Bots, link-preview fetchers, empty User-Agents and HEAD requests: never counted. */
  isBot: boolean;
  /** Link-preview fetchers (WhatsApp, facebookexternalhit, Slackbot, iMessage …). */
  isPreview: boolean;
  /** Scheme, host and path of the Referer (no query or fragment). */
  referrer: string | null;
  /** Lower case without "www."; the package name for `android-app://` referrers. */
  referrerHost: string | null;
  source: TrafficSource;
  /** The `c` query parameter when valid (1..64 of [A-Za-z0-9_-], trimmed), else null. */
  contactId: string | null;
  /** `qr=1` on the short URL: a QR scan. */
  isQr: boolean;
  /** 22 chars: HMAC of UTC day, IP and UA under the secret; never reversible to the IP. */
  visitorKey: string;
  /** Cut to 512 characters. */
  userAgent: string;
};

export type VisitInput = {
  method: string;
  url: URL;
  /** A fetch `Headers`, or node:http's `req.headers` (lower-case names). */
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The TCP peer address (`req.socket.remoteAddress`). */
  socketIp: string | null;
};

export type ClassifyConfig = {
  trustedProxyHops: number;
  /** `SESSION_SECRET`: keys the visitor-key HMAC. */
  secret: string;
  /** Geo database; geoip-lite's offline data when omitted (tests inject their own). */
  lookupGeo?: GeoLookup;
};

const CONTACT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Query parameters meant for us, never forwarded to the destination. */
const OWN_PARAMS = new Set(["c", "qr"]);

export function classifyVisit(input: VisitInput, config: ClassifyConfig, now: Date): Visit {
  const method = input.method.toUpperCase();
  const userAgent = (readHeader(input.headers, "user-agent") ?? "").trim().slice(0, MAX_USER_AGENT_LENGTH);
  const ua = classifyUserAgent(userAgent);
  const ip = clientIp(readHeader(input.headers, "x-forwarded-for"), input.socketIp, config.trustedProxyHops);
  const geo = ip ? (config.lookupGeo ?? lookupGeo)(ip) : UNKNOWN_GEO;
  const referrer = parseReferrer(readHeader(input.headers, "referer"));
  const params = input.url.searchParams;
  const isQr = params.get("qr") === "1";
  const contactId = params.get("c")?.trim() ?? "";
  return {
    method,
    ip,
    country: geo.country,
    region: geo.region,
    city: geo.city,
    deviceType: ua.deviceType,
    osKey: ua.osKey,
    os: ua.os,
    browser: ua.browser,
    // HEAD is what link checkers and unfurlers send first; no person's click is a HEAD.
    isBot: ua.isBot || method === "HEAD",
    isPreview: ua.isPreview,
    referrer: referrer.referrer,
    referrerHost: referrer.referrerHost,
    source: classifySource({ inApp: ua.inAppSource, isQr, referrer, utmHint: utmSourceHint(input.url) }),
    contactId: CONTACT_ID.test(contactId) ? contactId : null,
    isQr,
    visitorKey: visitorKeyOf(config.secret, ip, userAgent, now),
    userAgent,
  };
}

/**
 * Visitor key for unique counts: a salted hash rotated daily, so the same visitor counts once per
 * UTC day and keys cannot be joined across days; raw IPs are never stored. The salt is a day key,
 * HMAC(secret, UTC date), so nobody without the secret can test a guessed IP against a key; the
 * day key is derived once a day, and each click costs one SHA-256 over day key, IP and UA.
 */
export function visitorKeyOf(secret: string, ip: string | null, userAgent: string, now: Date): string {
  return createHash("sha256")
    .update(dayKeyOf(secret, Math.floor(now.getTime() / DAY_MS)))
    .update(`|${ip ?? ""}|${userAgent}`)
    .digest("base64url")
    .slice(0, 22);
}

const DAY_MS = 86_400_000;
let dayKeyCache: { secret: string; day: number; key: Buffer } | null = null;

function dayKeyOf(secret: string, day: number): Buffer {
  if (dayKeyCache && dayKeyCache.day === day && dayKeyCache.secret === secret) return dayKeyCache.key;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  const key = createHmac("sha256", secret).update(`visitor|${date}`).digest();
  dayKeyCache = { secret, day, key };
  return key;
}

/**
 * The short URL's query minus our own `c` and `qr`, to append to the destination: "" or
 * "?a=1&b=2". Other parameters keep their order and their encoding byte for byte.
 */
export function forwardedQuery(url: URL): string {
  const query = url.search.slice(1);
  if (query === "") return "";
  const kept = query.split("&").filter((part) => part !== "" && !OWN_PARAMS.has(paramName(part)));
  return kept.length === 0 ? "" : `?${kept.join("&")}`;
}

/** A query part's decoded name, as `URLSearchParams` would read it. */
function paramName(part: string): string {
  const eq = part.indexOf("=");
  const raw = (eq === -1 ? part : part.slice(0, eq)).replace(/\+/g, " ");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function readHeader(headers: VisitInput["headers"], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(", ");
  return value ?? null;
}
