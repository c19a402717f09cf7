/**
 * How synthetic visitors arrive: browsers (real User-Agent strings put through the click path's
 * own classifier, so OS and browser names are exactly what real clicks store), in-app browsers
 * of the social apps, traffic sources per device class, and referrers per source (put through the
 * click path's referrer parser, and checked to classify as the source they stand for).
 */
import { trafficSourceEnum, type DeviceType, type TrafficSource } from "@/db/schema/clicks";
import { parseReferrer } from "@/lib/redirect/sources";
import { classifyUserAgent } from "@/lib/redirect/user-agent";
import type { OsKey } from "@/lib/redirect/visit";
import { Weighted } from "@/lib/seed/random";

/** What a click row keeps of a browser. */
export type Browser = { deviceType: DeviceType; os: string | null; osKey: OsKey | null; browser: string | null };
export type Referrer = { referrer: string | null; referrerHost: string | null };

const IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)";
const IPAD = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)";
const ANDROID_WV = "Mozilla/5.0 (Linux; Android 14; SM-A546B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36";
const WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";
const MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)";
const CHROME = "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

type UaRow = readonly [ua: string, weight: number];

const IOS_PHONE: readonly UaRow[] = [
  [`${IOS} Version/17.5 Mobile/15E148 Safari/604.1`, 78],
  [`${IOS} CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1`, 16],
  [`${IOS} FxiOS/127.0 Mobile/15E148 Safari/605.1.15`, 2],
  [`${IOS} Version/17.0 EdgiOS/126.0.2592.56 Mobile/15E148 Safari/605.1.15`, 2],
];
const ANDROID_PHONE: readonly UaRow[] = [
  ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36", 68],
  ["Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", 18],
  ["Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0", 3],
  ["Mozilla/5.0 (Linux; Android 13; M2101K6G) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 OPR/82.0.4342.79836", 3],
  ["Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36 EdgA/126.0.2592.80", 2],
];
const IOS_TABLET: readonly UaRow[] = [
  [`${IPAD} Version/17.5 Mobile/15E148 Safari/604.1`, 82],
  [`${IPAD} CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1`, 18],
];
const ANDROID_TABLET: readonly UaRow[] = [["Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", 1]];
const DESKTOP: readonly UaRow[] = [
  [`${WINDOWS} ${CHROME}`, 40],
  [`${WINDOWS} ${CHROME} Edg/126.0.2592.68`, 14],
  [`${WINDOWS.slice(0, -1)}; rv:127.0) Gecko/20100101 Firefox/127.0`, 5],
  [`${WINDOWS} ${CHROME} OPR/111.0.0.0`, 2],
  [`${MAC} ${CHROME}`, 14],
  [`${MAC} AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15`, 13],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0", 2],
  [`${MAC} ${CHROME} Edg/126.0.2592.68`, 1],
  [`Mozilla/5.0 (X11; Linux x86_64) ${CHROME}`, 2],
  ["Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", 1.5],
  ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", 1],
  [`Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) ${CHROME}`, 2.5],
];

/** In-app browsers: [source, share of that source's phone visits opened in-app, iOS UA, Android UA]. */
const IN_APP: readonly (readonly [TrafficSource, number, string | null, string | null])[] = [
  ["instagram", 0.8, `${IOS} Mobile/15E148 Instagram 336.0.3.23.111 (iPhone15,2; iOS 17_5; en_US; en; scale=3.00; 1179x2556; 614284406)`, `${ANDROID_WV} Instagram 336.0.0.35.90 Android (34/14; 480dpi; 1080x2340; samsung; SM-A546B; a54x; s5e8835; en_US; 614164126)`],
  ["facebook", 0.75, `${IOS} Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.41.105;FBBV/611468040;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]`, `${ANDROID_WV} [FB_IAB/FB4A;FBAV/470.0.0.44.109;]`],
  ["messenger", 0.7, `${IOS} Mobile/15E148 [FBAN/MessengerForiOS;FBAV/463.0.0.38.109;FBBV/599875476;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]`, `${ANDROID_WV} [FB_IAB/Orca-Android;FBAV/463.0.0.48.92;]`],
  ["threads", 0.6, `${IOS} Mobile/15E148 Barcelona 335.0.0.29.109 (iPhone15,2; iOS 17_5; en_US; en; scale=3.00; 1179x2556; 613080212)`, null],
  ["tiktok", 0.85, `${IOS} Mobile/15E148 musical_ly_35.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US`, `${ANDROID_WV} trill_350103 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/35.1.3 ByteLocale/en`],
  ["linkedin", 0.5, `${IOS} Mobile/15E148 [LinkedInApp]/9.29.8962`, null],
  ["snapchat", 0.8, `${IOS} Mobile/15E148 Snapchat/13.0.0.34 (like Safari/8617.2.4.10.8, panda)`, null],
  ["twitter", 0.4, `${IOS} Mobile/15E148 Twitter for iPhone/10.48`, null],
  ["telegram", 0.5, null, `${ANDROID_WV} Telegram-Android/10.14.5 (Samsung SM-A546B; Android 14; SDK 34; AVERAGE)`],
  ["line", 0.6, `${IOS} Mobile/15E148 Safari Line/14.9.0`, null],
  ["wechat", 0.95, `${IOS} Mobile/15E148 MicroMessenger/8.0.49(0x18003129) NetType/WIFI Language/zh_CN`, null],
  ["whatsapp", 0.3, null, `${ANDROID_WV} WhatsApp/2.24.13.78`],
  ["pinterest", 0.5, `${IOS} Mobile/15E148 [Pinterest/iOS]`, null],
];

/** Where each device class's visits come from, by share. */
const SOURCES_BY_DEVICE: Record<DeviceType, readonly (readonly [TrafficSource, number])[]> = {
  desktop: [
    ["direct", 24], ["google", 15], ["email", 12], ["other", 8], ["facebook", 7], ["linkedin", 6], ["twitter", 3.5], ["bing", 3],
    ["youtube", 3], ["whatsapp", 3], ["reddit", 2.5], ["instagram", 2], ["duckduckgo", 1.2], ["yahoo", 1], ["telegram", 1],
    ["pinterest", 1], ["tiktok", 0.5], ["threads", 0.3],
  ],
  mobile: [
    ["direct", 15], ["whatsapp", 13], ["instagram", 13], ["facebook", 11], ["qr", 9], ["sms", 7], ["google", 6], ["email", 6],
    ["tiktok", 5], ["messenger", 2], ["twitter", 2], ["youtube", 2], ["other", 2], ["linkedin", 1.5], ["telegram", 1.5],
    ["snapchat", 1], ["threads", 1], ["pinterest", 1], ["reddit", 1], ["line", 0.4], ["bing", 0.3], ["yahoo", 0.3],
    ["wechat", 0.3], ["duckduckgo", 0.2],
  ],
  tablet: [
    ["direct", 22], ["google", 12], ["facebook", 12], ["email", 12], ["instagram", 8], ["youtube", 5], ["whatsapp", 5],
    ["pinterest", 4], ["other", 4], ["qr", 3], ["sms", 2], ["reddit", 2], ["bing", 1],
  ],
};

/** How a known CRM contact arrives: the messages the CRM sends them. */
const IDENTIFIED_SOURCES: readonly (readonly [TrafficSource, number])[] = [
  ["sms", 38], ["email", 34], ["whatsapp", 14], ["direct", 8], ["messenger", 3], ["facebook", 3],
];

type RefRow = readonly [url: string | null, weight: number, only?: "android" | "desktop" | "phone"];

/**
 * Referrers per source. `null` is no Referer at all: mail and SMS apps, QR scanners and typed
 * URLs send none (the click path then relies on `utm_medium`, or counts the visit as direct).
 * Google's entry is a placeholder: the visitor's country picks the domain.
 */
const REFERRERS: Record<TrafficSource, readonly RefRow[]> = {
  direct: [[null, 1]],
  qr: [[null, 1]],
  sms: [[null, 85], ["android-app://com.google.android.apps.messaging", 10, "android"], ["android-app://com.samsung.android.messaging", 5, "android"], ["https://messages.google.com/web/conversations", 8, "desktop"]],
  email: [
    [null, 40], ["https://mail.google.com/", 30], ["https://outlook.live.com/", 10], ["https://outlook.office.com/", 8],
    ["https://mail.yahoo.com/", 5], ["android-app://com.google.android.gm", 15, "android"], ["android-app://com.microsoft.office.outlook", 4, "android"],
  ],
  google: [["https://www.google.com/", 80], ["android-app://com.google.android.googlequicksearchbox", 20, "android"]],
  bing: [["https://www.bing.com/", 1]],
  duckduckgo: [["https://duckduckgo.com/", 1]],
  yahoo: [["https://search.yahoo.com/", 1]],
  facebook: [["https://l.facebook.com/", 45], ["https://m.facebook.com/", 25, "phone"], ["https://www.facebook.com/", 20], ["https://lm.facebook.com/", 10], ["android-app://com.facebook.katana", 10, "android"]],
  instagram: [["https://l.instagram.com/", 70], ["https://www.instagram.com/", 30]],
  threads: [["https://l.threads.net/", 60], ["https://www.threads.net/", 40]],
  messenger: [["https://l.messenger.com/", 60], ["https://www.messenger.com/", 40]],
  twitter: [["https://t.co/", 80], ["https://x.com/", 20]],
  linkedin: [["https://www.linkedin.com/", 70], ["https://lnkd.in/", 30]],
  tiktok: [["https://www.tiktok.com/", 1]],
  youtube: [["https://www.youtube.com/", 80], ["android-app://com.google.android.youtube", 20, "android"]],
  reddit: [["https://www.reddit.com/", 60], ["https://out.reddit.com/", 30], ["android-app://com.reddit.frontpage", 10, "android"]],
  pinterest: [["https://www.pinterest.com/", 60], ["https://pin.it/", 40]],
  snapchat: [["https://www.snapchat.com/", 1]],
  whatsapp: [["https://web.whatsapp.com/", 30, "desktop"], ["android-app://com.whatsapp", 60, "android"], ["android-app://com.whatsapp.w4b", 12, "android"], ["https://wa.me/", 40, "phone"]],
  telegram: [["https://web.telegram.org/", 30, "desktop"], ["https://t.me/", 50], ["android-app://org.telegram.messenger", 30, "android"]],
  line: [["https://line.me/", 1]],
  wechat: [["https://weixin.qq.com/", 1]],
  other: [
    ["https://news.ycombinator.com/", 12], ["https://medium.com/", 12], ["https://www.producthunt.com/", 8], ["https://substack.com/", 8],
    ["https://www.quora.com/", 6], ["https://search.brave.com/", 6], ["https://www.ecosia.org/", 4], ["https://en.wikipedia.org/", 6],
    ["https://teams.microsoft.com/", 6], ["https://app.slack.com/", 8], ["https://discord.com/", 8], ["https://www.yelp.com/", 6],
    ["https://www.tripadvisor.com/", 4], ["https://www.nextdoor.com/", 4], ["https://flipboard.com/", 2],
  ],
};

/** Where a visit stands for the referrer choice: an Android phone or tablet, another phone or tablet, or a desktop. */
export type Platform = "android" | "phone" | "desktop";

/** A referrer row applies to `platform` ("phone" rows to Android too: they are any touch device). */
function appliesTo(only: RefRow[2], platform: Platform): boolean {
  if (!only) return true;
  if (only === "phone") return platform !== "desktop";
  return only === platform;
}

function browsers(rows: readonly UaRow[]): Weighted<Browser> {
  return new Weighted(rows.map(([ua, w]) => [browserOf(ua), w] as const));
}

function browserOf(ua: string): Browser {
  const facts = classifyUserAgent(ua);
  if (facts.isBot) throw new Error(`seed User-Agent classified as a bot: ${ua}`);
  return { deviceType: facts.deviceType, os: facts.os, osKey: facts.osKey, browser: facts.browser };
}

function referrerOf(url: string | null, source: TrafficSource): Referrer {
  if (url === null) return { referrer: null, referrerHost: null };
  const parsed = parseReferrer(url);
  // A referrer that would classify as another source would make the seeded data contradict itself.
  const expected = source === "other" ? null : source;
  if (parsed.source !== expected) throw new Error(`seed referrer ${url} classifies as ${parsed.source ?? "other"}, not ${source}`);
  return { referrer: parsed.referrer, referrerHost: parsed.referrerHost };
}

export type InApp = { share: number; ios: Browser | null; android: Browser | null };

/** Every table above, classified once. */
export type Traffic = {
  iosPhone: Weighted<Browser>;
  androidPhone: Weighted<Browser>;
  iosTablet: Weighted<Browser>;
  androidTablet: Weighted<Browser>;
  desktop: Weighted<Browser>;
  inApp: ReadonlyMap<TrafficSource, InApp>;
  sources: Record<DeviceType, Weighted<TrafficSource>>;
  identifiedSources: Weighted<TrafficSource>;
  /** Per source and platform; google's web referrer is replaced per country (`googleReferrer`). */
  referrers: Record<TrafficSource, Record<Platform, Weighted<Referrer>>>;
  googleReferrer: (domain: string) => Referrer;
};

export function buildTraffic(): Traffic {
  const inApp = new Map<TrafficSource, InApp>();
  for (const [source, share, ios, android] of IN_APP) {
    const check = (ua: string | null): Browser | null => {
      if (ua === null) return null;
      const facts = classifyUserAgent(ua);
      if (facts.inAppSource !== source) throw new Error(`seed in-app User-Agent for ${source} classifies as ${facts.inAppSource ?? "none"}`);
      return browserOf(ua);
    };
    inApp.set(source, { share, ios: check(ios), android: check(android) });
  }
  const forPlatform = (source: TrafficSource, platform: Platform): Weighted<Referrer> =>
    new Weighted(REFERRERS[source].filter(([, , only]) => appliesTo(only, platform)).map(([url, w]) => [referrerOf(url, source), w] as const));
  const referrers = Object.fromEntries(
    trafficSourceEnum.enumValues.map((source) => [
      source,
      { android: forPlatform(source, "android"), phone: forPlatform(source, "phone"), desktop: forPlatform(source, "desktop") },
    ]),
  ) as Traffic["referrers"];
  const google = new Map<string, Referrer>();
  return {
    iosPhone: browsers(IOS_PHONE),
    androidPhone: browsers(ANDROID_PHONE),
    iosTablet: browsers(IOS_TABLET),
    androidTablet: browsers(ANDROID_TABLET),
    desktop: browsers(DESKTOP),
    inApp,
    sources: {
      desktop: new Weighted(SOURCES_BY_DEVICE.desktop),
      mobile: new Weighted(SOURCES_BY_DEVICE.mobile),
      tablet: new Weighted(SOURCES_BY_DEVICE.tablet),
    },
    identifiedSources: new Weighted(IDENTIFIED_SOURCES),
    referrers,
    googleReferrer: (domain) => {
      let ref = google.get(domain);
      if (!ref) google.set(domain, (ref = referrerOf(`https://www.${domain}/`, "google")));
      return ref;
    },
  };
}

export function platformOf(deviceType: DeviceType, osKey: OsKey | null): Platform {
  return deviceType === "desktop" ? "desktop" : osKey === "android" ? "android" : "phone";
}
