/**
 * Everything the click path derives from the User-Agent alone: device class, OS, browser, bot
 * or preview fetcher, in-app browser. Parsing costs tens of microseconds and most clicks share a
 * few thousand UA strings, so results are cached per UA string, once per process, bounded.
 */
import UAParser from "ua-parser-js";
import type { DeviceType, TrafficSource } from "@/db/schema/clicks";
import { processSingleton } from "@/lib/process-state";
import { detectBot } from "@/lib/redirect/bots";
import { inAppSource } from "@/lib/redirect/sources";
import type { OsKey } from "@/lib/redirect/visit";

export type UserAgentFacts = {
  deviceType: DeviceType;
  osKey: OsKey | null;
  /** As ua-parser-js names them ("iOS", "Mac OS", "Chrome", "Mobile Safari" …). */
  os: string | null;
  browser: string | null;
  isBot: boolean;
  isPreview: boolean;
  inAppSource: TrafficSource | null;
};

/** Longer User-Agents are cut here before parsing, caching and storing (ua-parser reads 500). */
export const MAX_USER_AGENT_LENGTH = 512;
export const UA_CACHE_MAX_ENTRIES = 10_000;

function cache(): Map<string, UserAgentFacts> {
  return processSingleton("ua-cache", () => new Map<string, UserAgentFacts>());
}

/** The facts for a User-Agent (already cut to `MAX_USER_AGENT_LENGTH` by the caller or here). */
export function classifyUserAgent(userAgent: string): UserAgentFacts {
  const ua = userAgent.length > MAX_USER_AGENT_LENGTH ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : userAgent;
  const entries = cache();
  const hit = entries.get(ua);
  if (hit) return hit;
  const facts = parseUserAgent(ua);
  if (entries.size >= UA_CACHE_MAX_ENTRIES) {
    // Oldest first (Map keeps insertion order): cheap, and popular UAs come straight back.
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  entries.set(ua, facts);
  return facts;
}

function parseUserAgent(ua: string): UserAgentFacts {
  const result = new UAParser(ua).getResult();
  const os = result.os.name || null;
  return {
    deviceType: deviceTypeOf(result.device.type),
    osKey: osKeyOf(os),
    os,
    browser: result.browser.name || null,
    ...detectBot(ua),
    inAppSource: inAppSource(ua),
  };
}

/** ua-parser's device types folded into our three classes; no type means a desktop browser. */
export function deviceTypeOf(uaDeviceType: string | undefined): DeviceType {
  switch (uaDeviceType) {
    case "mobile":
    case "wearable":
      return "mobile";
    case "tablet":
      return "tablet";
    default:
      // smarttv, console, embedded, xr and none: big-screen or desktop-class browsers.
      return "desktop";
  }
}

/** Linux distributions as ua-parser-js 1.x names them (a device rule "linux" covers them all). */
const LINUX_NAMES = new Set([
  "linux",
  "ubuntu",
  "kubuntu",
  "xubuntu",
  "lubuntu",
  "debian",
  "fedora",
  "centos",
  "red hat",
  "redhat",
  "suse",
  "opensuse",
  "gentoo",
  "arch",
  "mint",
  "mageia",
  "mandriva",
  "slackware",
  "manjaro",
  "deepin",
  "elementary os",
  "zenwalk",
  "pclinuxos",
  "knoppix",
  "vectorlinux",
  "joli",
  "sabayon",
  "linpus",
  "raspbian",
  "linspire",
]);

/** The OS as a device-rule key; null for OSes no rule names (Chrome OS, Windows Phone, Tizen …). */
export function osKeyOf(osName: string | null): OsKey | null {
  if (!osName) return null;
  const name = osName.toLowerCase();
  if (name === "ios" || name === "ipados") return "ios";
  if (name === "android") return "android";
  if (name === "windows") return "windows";
  if (name === "mac os" || name === "macos" || name === "mac os x") return "macos";
  if (LINUX_NAMES.has(name)) return "linux";
  return null;
}
