/**
 * The analytics answer (`GET /api/v1/analytics`, architecture.md "Analytics answer"). Shared by
 * the query layer, the API, the summary CSV and the UI. Bots and preview fetchers are never in any
 * figure except `totals.botsFiltered`.
 */

export const ANALYTICS_WINDOWS = ["7d", "30d", "90d", "all"] as const;
export type AnalyticsWindow = (typeof ANALYTICS_WINDOWS)[number];

/** What the figures are about: the whole workspace, one link (with its minted codes) or a campaign's links combined. */
export type AnalyticsScope =
  | { kind: "workspace" }
  | { kind: "link"; linkId: string }
  | { kind: "campaign"; campaignId: string };

export type Totals = {
  clicks: number;
  /** Distinct visitor keys per UTC day, summed over the window (a visitor returning on another day counts again). */
  uniqueVisitors: number;
  qrScans: number;
  botsFiltered: number;
  identifiedClicks: number;
  uniqueContacts: number;
};

export type NamedCount = { name: string; clicks: number };

export type TopLink = {
  linkId: string;
  slug: string;
  domain: string;
  shortUrl: string;
  title: string | null;
  url: string;
  clicks: number;
  /** The link was deleted after these clicks were counted (never true today: deleting a link deletes its clicks). */
  deleted?: boolean;
};

/** Minted per-contact codes (message API / workflow action) of the link or campaign, created in the window. */
export type PerContactStats = {
  /** Codes minted (one per contact and message). */
  linksSent: number;
  /** Codes with at least one human click. */
  linksClicked: number;
  /** Distinct contacts whose code was clicked. */
  contactsReached: number;
  /** linksClicked ÷ linksSent, 0..1; null when nothing was sent. */
  clickThroughRate: number | null;
};

export type Analytics = {
  window: AnalyticsWindow;
  /** First UTC day of the window, "YYYY-MM-DD". */
  from: string;
  /** Last UTC day of the window (today), "YYYY-MM-DD". */
  to: string;
  /** The plan's history in days ("all" = this many days ending today). */
  historyDays: number;
  scope: AnalyticsScope;
  totals: Totals;
  /** One entry per UTC day of the window, zeros included, oldest first. */
  series: { date: string; clicks: number }[];
  /** Clicks by UTC hour of day, index 0..23. */
  hours: number[];
  /** ISO 3166 alpha-2 (upper case), most clicks first; clicks whose country is unknown are left out. */
  countries: { code: string; clicks: number }[];
  /** Top cities, most clicks first. */
  cities: { city: string; country: string; clicks: number }[];
  /** desktop | mobile | tablet */
  devices: NamedCount[];
  /** As ua-parser-js names them ("iOS", "Android", "Windows", …); "" never appears (unknown is left out). */
  os: NamedCount[];
  browsers: NamedCount[];
  /** The lower-case source keys of architecture.md (google, whatsapp, email, sms, qr, direct, other, …). */
  sources: NamedCount[];
  /** Referrer hosts, most clicks first. */
  referrers: NamedCount[];
  /** Which destination each click was sent to, and by which rule ("country" | "device" | "ab" | "default" | "fallback"). */
  destinations: { url: string; rule: string; clicks: number }[];
  /** Workspace and campaign scopes: the links with the most clicks in the window. Empty for a link. */
  topLinks: TopLink[];
  /** Identified contacts with the most clicks; `name` from the CRM name cache (null while unknown or erased). */
  topContacts: { contactId: string; name: string | null; clicks: number }[];
  perContact: PerContactStats;
  /** When the answer was computed (ISO 8601). */
  generatedAt: string;
};
