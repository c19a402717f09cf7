/**
 * Traffic source of a visit, as the analytics contract names them (db/schema/clicks.ts
 * `trafficSourceEnum`). First match wins:
 *   1. an in-app browser token in the User-Agent (a tap inside Instagram is "instagram", whatever
 *      the referrer says: these browsers often send none);
 *   2. `qr=1` on the short URL → "qr";
 *   3. the referrer's host (web) or package (`android-app://`), including webmail → "email";
 *   4. a `utm_source` / `utm_medium` hint on the short URL ("sms", "email" and their spellings);
 *   5. a referrer we do not know → "other"; no referrer → "direct".
 */
import type { TrafficSource } from "@/db/schema/clicks";

/**
 * Checked in order: WeChat ("MicroMessenger") and Messenger before Facebook (Messenger's UA
 * carries Facebook's FBAN/FBAV tokens), Threads ("Barcelona") before Instagram.
 */
const IN_APP_TOKENS: readonly [RegExp, TrafficSource][] = [
  [/MicroMessenger\//, "wechat"],
  [/FBAN\/Messenger|FB_IAB\/(?:MESSENGER|Orca-Android)|\bMessenger(?:ForiOS|Lite)?\//, "messenger"],
  [/\bBarcelona \d/, "threads"],
  [/\bInstagram \d/, "instagram"],
  [/FBAN\/|FBAV\/|FB_IAB\/|\bFBIOS\b|\bFB4A\b/, "facebook"],
  [/musical_ly|BytedanceWebview|\bTikTok\b|\btrill_\d/i, "tiktok"],
  [/LinkedInApp/, "linkedin"],
  [/\bSnapchat\//, "snapchat"],
  [/\bTwitter(?: for |Android|\/)/, "twitter"],
  [/\bTelegram(?:-Android|-iOS|\/)/, "telegram"],
  [/\bLine\/\d/, "line"],
  [/\bWhatsApp\//, "whatsapp"],
  [/\[Pinterest\/|\bPinterest for /, "pinterest"],
];

/** The app whose in-app browser sent this User-Agent, or null for a plain browser. */
export function inAppSource(userAgent: string): TrafficSource | null {
  for (const [pattern, source] of IN_APP_TOKENS) if (pattern.test(userAgent)) return source;
  return null;
}

/** Hosts matched exactly or as a parent domain ("fb.com" matches "lm.fb.com"). */
const HOST_SOURCES: readonly [TrafficSource, readonly string[]][] = [
  // Webmail: mail.google.com is email, not google (the longest matching suffix wins).
  [
    "email",
    [
      "mail.google.com",
      "inbox.google.com",
      "outlook.live.com",
      "outlook.office.com",
      "outlook.office365.com",
      "mail.yahoo.com",
      "mail.yahoo.co.jp",
      "mail.aol.com",
      "mail.proton.me",
      "mail.protonmail.com",
      "app.fastmail.com",
      "mail.zoho.com",
      "mail.zoho.eu",
      "mail.yandex.ru",
      "mail.yandex.com",
      "e.mail.ru",
      "mail.gmx.net",
      "mail.gmx.com",
      "navigator.web.de",
      "email.t-online.de",
      "mail.qq.com",
    ],
  ],
  ["sms", ["messages.google.com"]],
  ["bing", ["bing.com"]],
  ["duckduckgo", ["duckduckgo.com"]],
  ["facebook", ["facebook.com", "fb.com", "fb.me", "facebook.net"]],
  ["messenger", ["messenger.com", "m.me"]],
  ["instagram", ["instagram.com"]],
  ["threads", ["threads.net", "threads.com"]],
  ["twitter", ["t.co", "twitter.com", "x.com"]],
  ["linkedin", ["linkedin.com", "lnkd.in"]],
  ["tiktok", ["tiktok.com"]],
  ["youtube", ["youtube.com", "youtu.be"]],
  ["reddit", ["reddit.com", "redd.it"]],
  ["pinterest", ["pin.it"]],
  ["snapchat", ["snapchat.com"]],
  ["whatsapp", ["whatsapp.com", "wa.me", "whatsapp.net"]],
  ["telegram", ["t.me", "telegram.me", "telegram.org"]],
  ["line", ["line.me"]],
  ["wechat", ["weixin.qq.com", "wechat.com"]],
];

/** Brands with a domain per country: google.de, google.co.uk, yahoo.co.jp, pinterest.fr … */
const COUNTRY_DOMAIN_SOURCES: readonly [TrafficSource, RegExp][] = [
  ["google", /(?:^|\.)google\.(?:com?\.)?[a-z]{2,3}$/],
  ["yahoo", /(?:^|\.)yahoo\.(?:com?\.)?[a-z]{2,3}$/],
  ["pinterest", /(?:^|\.)pinterest\.(?:com?\.)?[a-z]{2,3}$/],
];

/** Webmail on a provider's own host: mail.example.com, webmail.example.net. */
const GENERIC_WEBMAIL = /^(?:web)?mail\./;

/** Android apps that open links with `android-app://<package>` as the referrer. */
const ANDROID_APP_SOURCES: ReadonlyMap<string, TrafficSource> = new Map<string, TrafficSource>([
  ["com.google.android.gm", "email"],
  ["com.microsoft.office.outlook", "email"],
  ["com.yahoo.mobile.client.android.mail", "email"],
  ["com.samsung.android.email.provider", "email"],
  ["com.google.android.apps.messaging", "sms"],
  ["com.samsung.android.messaging", "sms"],
  ["com.android.mms", "sms"],
  ["com.google.android.googlequicksearchbox", "google"],
  ["com.google.android.youtube", "youtube"],
  ["com.facebook.katana", "facebook"],
  ["com.facebook.lite", "facebook"],
  ["com.facebook.orca", "messenger"],
  ["com.instagram.android", "instagram"],
  ["com.instagram.barcelona", "threads"],
  ["com.twitter.android", "twitter"],
  ["com.linkedin.android", "linkedin"],
  ["com.zhiliaoapp.musically", "tiktok"],
  ["com.ss.android.ugc.trill", "tiktok"],
  ["com.reddit.frontpage", "reddit"],
  ["com.pinterest", "pinterest"],
  ["com.snapchat.android", "snapchat"],
  ["com.whatsapp", "whatsapp"],
  ["com.whatsapp.w4b", "whatsapp"],
  ["org.telegram.messenger", "telegram"],
  ["jp.naver.line.android", "line"],
  ["com.tencent.mm", "wechat"],
]);

/** Every domain above, for a lookup per label suffix instead of a scan of the table. */
const DOMAIN_SOURCES: ReadonlyMap<string, TrafficSource> = new Map(
  HOST_SOURCES.flatMap(([source, domains]) => domains.map((domain) => [domain, source] as const)),
);

/** The source a web referrer host stands for, or null when it is not one we name. */
export function sourceOfHost(host: string): TrafficSource | null {
  // "lm.facebook.com" → tries "lm.facebook.com", "facebook.com", "com": the longest match wins,
  // so "mail.google.com" (email) is found before any google rule.
  for (let suffix = host; suffix !== ""; ) {
    const source = DOMAIN_SOURCES.get(suffix);
    if (source) return source;
    const dot = suffix.indexOf(".");
    suffix = dot === -1 ? "" : suffix.slice(dot + 1);
  }
  if (GENERIC_WEBMAIL.test(host)) return "email";
  for (const [source, pattern] of COUNTRY_DOMAIN_SOURCES) if (pattern.test(host)) return source;
  return null;
}

export type ReferrerFacts = {
  /** Scheme, host and path only: query and fragment can carry personal data and are dropped. */
  referrer: string | null;
  /** Lower case, without "www."; the Android package for `android-app://` referrers. */
  referrerHost: string | null;
  /** The source the referrer names, or null when it names none we know (or there is none). */
  source: TrafficSource | null;
};

const NO_REFERRER: ReferrerFacts = Object.freeze({ referrer: null, referrerHost: null, source: null });
const MAX_REFERRER_LENGTH = 1024;

/** Parses the Referer header; an unparseable or non-web referrer counts as none. */
export function parseReferrer(raw: string | null): ReferrerFacts {
  const value = raw?.trim();
  if (!value) return NO_REFERRER;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return NO_REFERRER;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  if (!host) return NO_REFERRER;
  if (url.protocol === "android-app:") {
    return {
      referrer: `android-app://${host}`,
      referrerHost: host,
      source: ANDROID_APP_SOURCES.get(host) ?? null,
    };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return NO_REFERRER;
  return {
    referrer: `${url.origin}${url.pathname}`.slice(0, MAX_REFERRER_LENGTH),
    referrerHost: host,
    source: sourceOfHost(host),
  };
}

const UTM_HINTS: ReadonlyMap<string, TrafficSource> = new Map<string, TrafficSource>([
  ["sms", "sms"],
  ["text", "sms"],
  ["mms", "sms"],
  ["text-message", "sms"],
  ["text_message", "sms"],
  ["email", "email"],
  ["e-mail", "email"],
  ["mail", "email"],
  ["newsletter", "email"],
]);

/** "sms" or "email" when the short URL's `utm_medium` or `utm_source` says so. */
export function utmSourceHint(url: URL): TrafficSource | null {
  for (const name of ["utm_medium", "utm_source"]) {
    const value = url.searchParams.get(name)?.trim().toLowerCase();
    const hint = value ? UTM_HINTS.get(value) : undefined;
    if (hint) return hint;
  }
  return null;
}

export type SourceSignals = {
  inApp: TrafficSource | null;
  isQr: boolean;
  referrer: ReferrerFacts;
  utmHint: TrafficSource | null;
};

/** Combines the signals in the order documented at the top of this file. */
export function classifySource(signals: SourceSignals): TrafficSource {
  if (signals.inApp) return signals.inApp;
  if (signals.isQr) return "qr";
  if (signals.referrer.source) return signals.referrer.source;
  if (signals.utmHint) return signals.utmHint;
  return signals.referrer.referrerHost ? "other" : "direct";
}
