/**
 * One function per analytics panel over a resolved query (workspace, optional link or campaign,
 * window). Every figure excludes bots and preview fetchers except `botsFiltered`. Counts come from
 * lib/clicks (the rollups); link, campaign and contact names from their own domains.
 */
import type { Db } from "@/db/client";
import type { Plan } from "@/lib/billing/plans";
import { campaignLinkIds, getCampaignOrThrow } from "@/lib/campaigns/queries";
import { ROLLUP_DIMS } from "@/lib/clicks/rollup-dims";
import { clicksPerDay, contactsReached, sumDims, topKeys, topLinkIds, visitorDaysOfLinks, type StatsScope } from "@/lib/clicks/stats";
import { namesFor } from "@/lib/crm/contact-names";
import { env } from "@/lib/env";
import { shortUrlOf } from "@/lib/links/dto";
import { findLinksByIds, getLinkOrThrow, mintedCodeStats } from "@/lib/links/queries";
import type { Analytics, AnalyticsScope, AnalyticsWindow, NamedCount } from "@/lib/analytics/types";
import { daysOf, resolveWindow, type ResolvedWindow } from "@/lib/analytics/window";
import { addDays, dayStart } from "@/lib/utc-days";

export type AnalyticsInput = { workspaceId: string; scope: AnalyticsScope; window: AnalyticsWindow; plan: Plan; now?: Date };

export type AnalyticsQuery = {
  workspaceId: string;
  scope: AnalyticsScope;
  /** Rollup scope: null link ids = the whole workspace. */
  stats: StatsScope;
  window: ResolvedWindow;
};

/** How many rows the ranked panels return. Countries are all returned (the map shades every one). */
export const LIMITS = { cities: 50, named: 20, referrers: 25, destinations: 50, topLinks: 20, topContacts: 20 } as const;

/** Checks the link or campaign belongs to the workspace (`not_found` otherwise) and fixes the window. */
export async function resolveQuery(db: Db, input: AnalyticsInput): Promise<AnalyticsQuery> {
  const window = resolveWindow(input.window, input.plan, input.now ?? new Date());
  const { workspaceId, scope } = input;
  if (scope.kind === "link") {
    await getLinkOrThrow(db, workspaceId, scope.linkId);
    return { workspaceId, scope, stats: { workspaceId, linkIds: [scope.linkId] }, window };
  }
  if (scope.kind === "campaign") {
    await getCampaignOrThrow(db, workspaceId, scope.campaignId);
    return { workspaceId, scope, stats: { workspaceId, linkIds: await campaignLinkIds(db, workspaceId, scope.campaignId) }, window };
  }
  return { workspaceId, scope, stats: { workspaceId, linkIds: null }, window };
}

/** A campaign without links has nothing to read. */
function isEmpty(q: AnalyticsQuery): boolean {
  return q.stats.linkIds !== null && q.stats.linkIds.length === 0;
}

async function ranked(db: Db, q: AnalyticsQuery, dim: number, limit: number | null): Promise<{ key: string; clicks: number }[]> {
  return isEmpty(q) ? [] : topKeys(db, q.stats, q.window, dim, limit);
}

async function named(db: Db, q: AnalyticsQuery, dim: number, limit: number | null = LIMITS.named): Promise<NamedCount[]> {
  return (await ranked(db, q, dim, limit)).map((r) => ({ name: r.key, clicks: r.clicks }));
}

/** "\t"-joined rollup keys: "CC\tCity", "rule\turl". */
function splitKey(key: string): [string, string] {
  const tab = key.indexOf("\t");
  return [key.slice(0, tab), key.slice(tab + 1)];
}

export async function totalsPanel(db: Db, q: AnalyticsQuery): Promise<Analytics["totals"]> {
  if (isEmpty(q)) return { clicks: 0, uniqueVisitors: 0, qrScans: 0, botsFiltered: 0, identifiedClicks: 0, uniqueContacts: 0 };
  const d = ROLLUP_DIMS;
  const campaignLinks = q.scope.kind === "campaign" ? q.stats.linkIds : null;
  const [sums, uniqueContacts, campaignVisitors] = await Promise.all([
    sumDims(db, q.stats, q.window, [d.clicks, d.qrScans, d.bots, d.identified, d.visitors]),
    contactsReached(db, q.stats, q.window.from),
    // Per-link visitor counts cannot be added up across links (one visitor may open two).
    campaignLinks ? visitorDaysOfLinks(db, q.workspaceId, campaignLinks, q.window) : Promise.resolve(null),
  ]);
  return {
    clicks: sums.get(d.clicks) ?? 0,
    uniqueVisitors: campaignVisitors ?? sums.get(d.visitors) ?? 0,
    qrScans: sums.get(d.qrScans) ?? 0,
    botsFiltered: sums.get(d.bots) ?? 0,
    identifiedClicks: sums.get(d.identified) ?? 0,
    uniqueContacts,
  };
}

export async function seriesPanel(db: Db, q: AnalyticsQuery): Promise<Analytics["series"]> {
  const perDay = isEmpty(q) ? new Map<string, number>() : await clicksPerDay(db, q.stats, q.window);
  return daysOf(q.window).map((date) => ({ date, clicks: perDay.get(date) ?? 0 }));
}

export async function hoursPanel(db: Db, q: AnalyticsQuery): Promise<number[]> {
  const hours = new Array<number>(24).fill(0);
  for (const r of await ranked(db, q, ROLLUP_DIMS.hour, null)) hours[Number(r.key)] = r.clicks;
  return hours;
}

export async function countriesPanel(db: Db, q: AnalyticsQuery): Promise<Analytics["countries"]> {
  return (await ranked(db, q, ROLLUP_DIMS.country, null)).map((r) => ({ code: r.key, clicks: r.clicks }));
}

export async function citiesPanel(db: Db, q: AnalyticsQuery): Promise<Analytics["cities"]> {
  return (await ranked(db, q, ROLLUP_DIMS.city, LIMITS.cities)).map((r) => {
    const [country, city] = splitKey(r.key);
    return { city, country, clicks: r.clicks };
  });
}

export const devicesPanel = (db: Db, q: AnalyticsQuery) => named(db, q, ROLLUP_DIMS.device, null);
export const osPanel = (db: Db, q: AnalyticsQuery) => named(db, q, ROLLUP_DIMS.os);
export const browsersPanel = (db: Db, q: AnalyticsQuery) => named(db, q, ROLLUP_DIMS.browser);
export const sourcesPanel = (db: Db, q: AnalyticsQuery) => named(db, q, ROLLUP_DIMS.source, null);
export const referrersPanel = (db: Db, q: AnalyticsQuery) => named(db, q, ROLLUP_DIMS.referrer, LIMITS.referrers);

/** Which destination each click was sent to and by which rule; link and campaign scopes. */
export async function destinationsPanel(db: Db, q: AnalyticsQuery): Promise<Analytics["destinations"]> {
  if (q.scope.kind === "workspace") return [];
  return (await ranked(db, q, ROLLUP_DIMS.destination, LIMITS.destinations)).map((r) => {
    const [rule, url] = splitKey(r.key);
    return { url, rule, clicks: r.clicks };
  });
}

/** The links with the most clicks in the window; workspace and campaign scopes. */
export async function topLinksPanel(db: Db, q: AnalyticsQuery): Promise<Analytics["topLinks"]> {
  if (q.scope.kind === "link" || isEmpty(q)) return [];
  const top = await topLinkIds(db, q.stats, q.window, LIMITS.topLinks);
  const rows = new Map((await findLinksByIds(db, q.workspaceId, top.map((t) => t.key))).map((r) => [r.id, r]));
  const base = env().shortBaseUrl;
  return top.flatMap((t) => {
    const row = rows.get(t.key);
    if (!row) return []; // deleted since (its clicks go with it; a row may linger until then)
    return [{ linkId: row.id, slug: row.slug, domain: row.domain, shortUrl: shortUrlOf(row.domain, row.slug, base), title: row.title, url: row.url, clicks: t.clicks }];
  });
}

/** Identified contacts with the most clicks, named from the CRM name cache. */
export async function topContactsPanel(db: Db, q: AnalyticsQuery): Promise<Analytics["topContacts"]> {
  const top = await ranked(db, q, ROLLUP_DIMS.contact, LIMITS.topContacts);
  if (top.length === 0) return [];
  const names = await namesFor(db, q.workspaceId, top.map((t) => t.key));
  return top.map((t) => ({ contactId: t.key, name: names.get(t.key)?.name ?? null, clicks: t.clicks }));
}

/** Minted per-contact codes created in the window: sent, clicked, contacts reached, click-through rate. */
export async function perContactPanel(db: Db, q: AnalyticsQuery): Promise<Analytics["perContact"]> {
  const from = dayStart(q.window.from);
  const to = dayStart(addDays(q.window.to, 1));
  const s = await mintedCodeStats(db, q.workspaceId, q.stats.linkIds, from, to);
  return { linksSent: s.sent, linksClicked: s.clicked, contactsReached: s.contactsReached, clickThroughRate: s.sent === 0 ? null : s.clicked / s.sent };
}

/** Every panel by the answer key it fills (the bench times them one by one). */
export const PANELS = {
  totals: totalsPanel,
  series: seriesPanel,
  hours: hoursPanel,
  countries: countriesPanel,
  cities: citiesPanel,
  devices: devicesPanel,
  os: osPanel,
  browsers: browsersPanel,
  sources: sourcesPanel,
  referrers: referrersPanel,
  destinations: destinationsPanel,
  topLinks: topLinksPanel,
  topContacts: topContactsPanel,
  perContact: perContactPanel,
} as const satisfies Record<string, (db: Db, q: AnalyticsQuery) => Promise<unknown>>;
