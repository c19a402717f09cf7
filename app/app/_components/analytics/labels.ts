/** How analytics keys and numbers read in the UI: source and device names, rules, countries, dates. */

export const formatCount = new Intl.NumberFormat("en-US").format;
const percentFormat = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const percentWholeFormat = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });

/** "12%", "0.4%" (small shares keep a decimal so they do not read as zero), "<0.1%". */
export function formatShare(part: number, total: number): string {
  if (total <= 0) return "0%";
  const share = part / total;
  if (share > 0 && share < 0.001) return "<0.1%";
  return share >= 0.1 ? percentWholeFormat.format(share) : percentFormat.format(share);
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : percentFormat.format(rate);
}

/** The traffic-source keys of architecture.md, as people call them. */
export const SOURCE_LABELS: Record<string, string> = {
  google: "Google",
  bing: "Bing",
  duckduckgo: "DuckDuckGo",
  yahoo: "Yahoo",
  facebook: "Facebook",
  instagram: "Instagram",
  threads: "Threads",
  messenger: "Messenger",
  twitter: "X",
  linkedin: "LinkedIn",
  tiktok: "TikTok",
  youtube: "YouTube",
  reddit: "Reddit",
  pinterest: "Pinterest",
  snapchat: "Snapchat",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
  line: "LINE",
  wechat: "WeChat",
  email: "Email",
  sms: "SMS",
  qr: "QR code",
  direct: "Direct",
  other: "Other",
};

export const DEVICE_LABELS: Record<string, string> = { desktop: "Desktop", mobile: "Mobile", tablet: "Tablet" };

/** A key we have no name for still reads as a word: "smart-tv" → "Smart tv". */
function capitalise(key: string): string {
  const words = key.replace(/[-_]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Unknown";
}

export const sourceLabel = (key: string) => SOURCE_LABELS[key] ?? capitalise(key);
export const deviceLabel = (key: string) => DEVICE_LABELS[key] ?? capitalise(key);

export const RULE_LABELS: Record<string, string> = {
  country: "Country rule",
  device: "Device rule",
  ab: "A/B variant",
  default: "Default",
  fallback: "Fallback",
};
export const ruleLabel = (rule: string) => RULE_LABELS[rule] ?? capitalise(rule);

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "US" → "United States"; an unknown code stays as it is. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const dayYearFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const weekdayFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** A UTC calendar day ("YYYY-MM-DD") as a Date at its midnight UTC. */
const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

export const formatDay = (day: string) => dayFormat.format(utcDay(day));
export const formatDayLong = (day: string) => weekdayFormat.format(utcDay(day));

/** "Mar 2 – Mar 31, 2026"; the first year only when the range spans two. */
export function formatRange(from: string, to: string): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${sameYear ? dayFormat.format(utcDay(from)) : dayYearFormat.format(utcDay(from))} – ${dayYearFormat.format(utcDay(to))}`;
}

/** Hour of day 14 → "14:00–15:00". */
export const formatHourRange = (hour: number) => `${String(hour).padStart(2, "0")}:00–${String((hour + 1) % 24).padStart(2, "0")}:00`;

export const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;
