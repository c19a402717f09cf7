/**
 * Realistic synthetic clicks, fast: `seedClicks(db, { clicks: 1_000_000 })` fills a workspace the
 * way a year of traffic would, through the click store's own batch writer (`writeClickEvents`),
 * so link counters and analytics rollups are maintained exactly as for real clicks.
 *
 * The shape of the data:
 *   - days: the last `days` UTC days, busier lately, a weekly rhythm, a few campaign spikes;
 *     today only up to now. Clicks are written in time order, as the click path writes them.
 *   - hours: daytime peaks in the visitor's own time zone (the city's UTC offset).
 *   - links: Zipf-like popularity (a few links get most clicks), a launch burst after a link
 *     appears and a burst after each per-contact message blast; no click before its link exists.
 *   - visitors: ~60 countries with real cities; ~60% mobile, 35% desktop, 5% tablet, iOS share
 *     by country; sources per device class (and a main channel for many links: an Instagram bio
 *     link gets mostly Instagram); in-app browsers; referrers that classify as their source.
 *   - ~7% bots (stored, never counted), ~20% of human clicks a same-day repeat of a visitor
 *     (same visitor key, device and place), ~5–10% identified (a minted code or `?c=`).
 * Generating costs a few microseconds a click: every table is built once, nothing is parsed per
 * click, and one seeded generator drives everything (`seed`), so a run can be repeated.
 */
import type { Db } from "@/db/client";
import { PLAN_FEATURES } from "@/lib/billing/plans";
import type { ClickRule, DeviceType, TrafficSource } from "@/db/schema/clicks";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { pruneVisitorDays } from "@/lib/clicks/retention";
import { writeClickEvents } from "@/lib/clicks/write-click-batch";
import { decide, type DecidableLink, type DecidableVisit, type VisitorState } from "@/lib/redirect/decide";
import { osKeyOf } from "@/lib/redirect/user-agent";
import {
  DAY_MS,
  prepareSeedFixtures,
  resolveSeedWorkspace,
  seedWindow,
  type SeedCode,
  type SeedFixtures,
  type SeedLink,
  type SeedWindow,
} from "@/lib/seed/fixtures";
import { COUNTRIES, DATA_CENTER_CITIES, LOCAL_HOUR_WEIGHTS, WEEKDAY_WEIGHTS, type City, type Country } from "@/lib/seed/places";
import { createRandom, hashSeed, permutation, type Random, searchCumulative, Weighted, zipfWeights } from "@/lib/seed/random";
import { buildTraffic, platformOf, type Browser, type Referrer, type Traffic } from "@/lib/seed/traffic";

export type SeedClicksOptions = {
  clicks: number;
  /** Default: the sandbox's first installed location's workspace (see `resolveSeedWorkspace`). */
  workspaceId?: string | null;
  /** UTC days ending today. Default: the plan's history (Pro 365, Starter 180), which retention keeps. */
  days?: number;
  /** Top-level links the workspace should have; missing ones are created. Default 1,000. */
  links?: number;
  seed?: number;
  now?: Date;
  /**
   * Clicks per `writeClickEvents` call. Default 20,000: the rollups a batch adds to are upserted
   * once per key, and a longer stretch of time shares more keys (measured: ~25% more clicks/s
   * than 5,000 on PostgreSQL).
   */
  batchSize?: number;
  /**
   * Batches in flight at once (PostgreSQL only: PGlite has one connection). Default 1; 2 keeps
   * both of a 2-core machine's cores busy (the batch statement upserts in key order, so two
   * writers wait on each other's rows but never deadlock).
   */
  writers?: number;
  onProgress?: (progress: SeedProgress) => void;
  /** Called once the fixtures exist, before the first click is written. */
  onFixtures?: (fixtures: SeedFixtures) => void;
};

export const DEFAULT_BATCH = 20_000;

export type SeedProgress = { written: number; total: number; elapsedMs: number };

export type SeedStats = { bots: number; identified: number; viaCodes: number; qrScans: number; repeats: number };

export type SeedClicksResult = {
  fixtures: SeedFixtures;
  written: number;
  stats: SeedStats;
  /** Writing the clicks (fixtures excluded). */
  writeMs: number;
  window: { from: string; to: string };
};

export async function seedClicks(db: Db, options: SeedClicksOptions): Promise<SeedClicksResult> {
  const seed = options.seed ?? 1;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const now = options.now ?? new Date();
  if (!Number.isInteger(options.clicks) || options.clicks < 0) throw new Error("clicks must be a whole number ≥ 0");
  const { workspace, created } = await resolveSeedWorkspace(db, options.workspaceId ?? null);
  const days = options.days ?? PLAN_FEATURES[workspace.plan].historyDays;
  if (!Number.isInteger(days) || days < 1) throw new Error("days must be a whole number ≥ 1");
  const window = seedWindow(days, now);
  const fixtures = await prepareSeedFixtures(db, workspace, created, { links: options.links ?? 1_000, seed, window });
  if (fixtures.links.length === 0) throw new Error(`Workspace ${workspace.id} has no active links to click (ask for --links > 0)`);
  options.onFixtures?.(fixtures);

  const stats: SeedStats = { bots: 0, identified: 0, viaCodes: 0, qrScans: 0, repeats: 0 };
  const batches = generateClickBatches(
    { workspaceId: workspace.id, seedKey: workspace.crmLocationId, links: fixtures.links, contactIds: fixtures.contactIds },
    { clicks: options.clicks, seed, window, batchSize },
    stats,
  );
  const started = performance.now();
  let written = 0;
  const failures: unknown[] = [];
  // Writers pull from one generator: while one batch is in the database, the next is generated.
  const writer = async (): Promise<void> => {
    while (failures.length === 0) {
      const next = batches.next();
      if (next.done) return;
      try {
        await writeClickEvents(db, next.value);
      } catch (err) {
        failures.push(err);
        return;
      }
      written += next.value.length;
      options.onProgress?.({ written, total: options.clicks, elapsedMs: performance.now() - started });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.writers ?? 1) }, writer));
  if (failures.length > 0) throw failures[0];
  const writeMs = performance.now() - started;
  // The writer kept every day's visitor keys; the app only ever needs today's and yesterday's.
  await pruneVisitorDays(db, now);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { fixtures, written, stats, writeMs, window: { from: day(window.startMs), to: day(window.nowMs) } };
}

// ---------------------------------------------------------------------------------------------
// The generator

/** `seedKey` names the data set apart from `seed` (the CRM location id: stable across databases). */
export type ClickModel = { workspaceId: string; seedKey: string; links: readonly SeedLink[]; contactIds: readonly string[] };
export type GenerateOptions = { clicks: number; seed: number; window: SeedWindow; batchSize: number };

const BOT_SHARE = 0.07;
/** Human clicks that are a visitor's second (third …) click of the day. */
const REPEAT_SHARE = 0.2;
/** Of those, the share on the same link (the rest open another link). */
const REPEAT_SAME_LINK = 0.7;
/** Human clicks on a plain link that carry `?c=` (a CRM merge field). */
const QUERY_CONTACT_SHARE = 0.05;
/** Human clicks on a link with minted codes, once they are sent, that come through a code. */
const CODE_SHARE = 0.6;
const UNKNOWN_COUNTRY_SHARE = 0.015;
const UNKNOWN_CITY_SHARE = 0.08;
/** Bots whose address geoip-lite cannot place. */
const UNPLACED_BOT_SHARE = 0.2;
/** Share of in-app visits that still send the app's referrer. */
const IN_APP_REFERRER_SHARE = 0.4;
const ZIPF_EXPONENT = 1.05;
/** Links a new link's popularity is boosted for after it appears, and after a message blast. */
const LAUNCH_BOOST = 3;
const LAUNCH_DAYS = 4;
const BLAST_BOOST = 5;
const BLAST_DAYS = 2;
/** Indices per day are packed below the time in one float64 sort key (53 bits = 27 for ms + 26). */
const INDEX_BITS = 2 ** 26;

const DEVICE_MIX = new Weighted<DeviceType>([["mobile", 60], ["desktop", 35], ["tablet", 5]]);
/** Main channels of links that have one, and who can use them: touch devices, or any device. */
const PRIMARY_SOURCES = new Weighted<TrafficSource>([
  ["instagram", 25], ["facebook", 15], ["whatsapp", 15], ["qr", 15], ["email", 12], ["sms", 10], ["tiktok", 5], ["linkedin", 3],
]);
const DESKTOP_CAPABLE = new Set<TrafficSource>(["email", "facebook", "linkedin"]);

type Route = { destination: string; rule: ClickRule };
type Router = (visit: DecidableVisit, roll: number) => Route;

type LinkState = {
  id: string;
  weight: number;
  birthDay: number;
  primarySource: TrafficSource | null;
  primaryShare: number;
  route: Router;
  /** Sorted by day. */
  codes: readonly SeedCode[];
  blastDay: number;
};

type Place = { country: Country | null; city: City | null };

/** The tables every click is drawn from, built once per run. */
type Tables = {
  workspaceId: string;
  random: Random;
  traffic: Traffic;
  countries: Weighted<Country>;
  cities: ReadonlyMap<string, Weighted<City>>;
  dataCenters: Weighted<{ code: string; city: City }>;
  hours: Weighted<number>;
  contacts: Weighted<string> | null;
  visitorKeys: { startDay: () => void; next: () => string };
  stats: SeedStats;
};

/** One UTC day being generated: its clicks (in generation order) and their times within the day. */
type Day = {
  index: number;
  start: number;
  /** Milliseconds of the day that may hold clicks (today: up to now). */
  limit: number;
  pickLink: () => LinkState;
  events: ClickEvent[];
  times: number[];
  /** Indices of human clicks, whose visitors may come back. */
  humans: number[];
};

/**
 * Batches of `batchSize` events (the last one shorter), oldest first. `stats` is updated as the
 * events are made.
 */
export function* generateClickBatches(model: ClickModel, opts: GenerateOptions, stats: SeedStats): Generator<ClickEvent[]> {
  const { window } = opts;
  const random = createRandom(hashSeed(opts.seed, model.seedKey, "clicks"));
  const links = linkStates(model.links, random, window);
  const contactWeights = zipfWeights(model.contactIds.length, 0.8);
  const perDay = clicksPerDay(opts.clicks, window, random);
  const tables: Tables = {
    workspaceId: model.workspaceId,
    random,
    traffic: buildTraffic(),
    countries: new Weighted(COUNTRIES.map((c) => [c, c.weight] as const)),
    cities: new Map(COUNTRIES.map((c) => [c.code, new Weighted(c.cities.map((city) => [city, city.weight] as const))])),
    dataCenters: new Weighted(DATA_CENTER_CITIES.map(([code, city]) => [{ code, city }, city.weight] as const)),
    hours: new Weighted(LOCAL_HOUR_WEIGHTS.map((w, h) => [h, w] as const)),
    contacts: model.contactIds.length > 0 ? new Weighted(model.contactIds.map((id, i) => [id, contactWeights[i] ?? 0] as const)) : null,
    visitorKeys: visitorKeyTable(random, perDay),
    stats,
  };
  const cumulative = new Float64Array(links.length);
  const repeatBelow = BOT_SHARE + (1 - BOT_SHARE) * REPEAT_SHARE;

  let batch: ClickEvent[] = [];
  for (let d = 0; d < window.days; d++) {
    const n = perDay[d] ?? 0;
    if (n === 0) continue;
    if (n >= INDEX_BITS) throw new Error("too many clicks for one day");
    const start = window.startMs + d * DAY_MS;
    const total = linkWeightsOn(d, links, cumulative);
    tables.visitorKeys.startDay();
    const day: Day = {
      index: d,
      start,
      limit: Math.min(DAY_MS, window.nowMs - start),
      pickLink: () => links[searchCumulative(cumulative, random.next() * total, links.length)] as LinkState,
      events: [],
      times: [],
      humans: [],
    };
    for (let k = 0; k < n; k++) {
      const u = random.next();
      if (u < BOT_SHARE) addBot(tables, day);
      else if (u < repeatBelow && day.humans.length > 0) addRepeat(tables, day);
      else addVisit(tables, day);
    }
    for (const click of inTimeOrder(day)) {
      batch.push(click);
      if (batch.length === opts.batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

function push(day: Day, click: ClickEvent, t: number, isHuman: boolean): void {
  if (isHuman) day.humans.push(day.events.length);
  day.events.push(click);
  day.times.push(t);
}

/** A crawler or link-preview fetcher: from a data center (or nowhere geoip knows), any time of day. */
function addBot(tables: Tables, day: Day): void {
  const { random } = tables;
  const link = day.pickLink();
  const placed = random.next() >= UNPLACED_BOT_SHARE ? tables.dataCenters.pick(random.next()) : null;
  const t = Math.floor(random.next() * day.limit);
  const click = event(tables.workspaceId, link.id, link.id, day.start + t, null, null, placed?.code ?? null, placed?.city ?? null, BOT, NO_REFERRER, "direct", false, true, null, tables.visitorKeys.next());
  push(day, click, t, false);
  tables.stats.bots += 1;
}

/** A visitor of the day comes back: same key, place, device and way in; usually the same link. */
function addRepeat(tables: Tables, day: Day): void {
  const { random } = tables;
  const from = day.humans[Math.floor(random.next() * day.humans.length)] ?? 0;
  const prior = day.events[from] as ClickEvent;
  const priorT = day.times[from] ?? 0;
  // A minute to a few hours later (45 minutes on average), still the same UTC day.
  let t = priorT + 60_000 + Math.floor(-Math.log(1 - random.next()) * 45 * 60_000);
  if (t >= day.limit) t = priorT + Math.floor(random.next() * (day.limit - priorT));
  let click: ClickEvent;
  if (random.next() < REPEAT_SAME_LINK) {
    click = again(prior, prior.linkId, prior.rootLinkId, day.start + t, prior.destination, prior.rule, prior.contactId);
  } else {
    const link = day.pickLink();
    const route = link.route({ isBot: false, country: prior.country, deviceType: prior.deviceType, osKey: osKeyOf(prior.os) }, random.next());
    // A contact known from `?c=` carries it to the next merged link; a code's contact does not.
    const contactId = prior.linkId === prior.rootLinkId ? prior.contactId : null;
    click = again(prior, link.id, link.id, day.start + t, route.destination, route.rule, contactId);
  }
  push(day, click, t, true);
  count(tables.stats, click);
  tables.stats.repeats += 1;
}

/** A new visitor of the day: who they are, where they came from, and where the link sent them. */
function addVisit(tables: Tables, day: Day): void {
  const { random, traffic } = tables;
  const link = day.pickLink();
  let linkId = link.id;
  let contactId: string | null = null;
  if (link.codes.length > 0 && day.index >= link.blastDay && random.next() < CODE_SHARE) {
    const code = link.codes[Math.floor(random.next() * codesSentBy(link.codes, day.index))] as SeedCode;
    linkId = code.id;
    contactId = code.contactId;
    tables.stats.viaCodes += 1;
  } else if (tables.contacts && random.next() < QUERY_CONTACT_SHARE) {
    contactId = tables.contacts.pick(random.next());
  }
  const place = pickPlace(random, tables.countries, tables.cities);
  const deviceType = DEVICE_MIX.pick(random.next());
  let browser = pickBrowser(random, traffic, deviceType, place.country?.iosShare ?? 0.5);
  const source = pickSource(random, traffic, link, deviceType, contactId !== null);
  let inApp = false;
  if (deviceType === "mobile") {
    const app = traffic.inApp.get(source);
    const appBrowser = app ? (browser.osKey === "android" ? app.android : app.ios) : null;
    if (app && appBrowser && random.next() < app.share) {
      browser = appBrowser;
      inApp = true;
    }
  }
  let referrer: Referrer = NO_REFERRER;
  if (!inApp || random.next() < IN_APP_REFERRER_SHARE) {
    referrer = traffic.referrers[source][platformOf(deviceType, browser.osKey)].pick(random.next());
    if (source === "google" && referrer.referrer?.startsWith("https://") && place.country) referrer = traffic.googleReferrer(place.country.googleDomain);
  }
  const route = link.route({ isBot: false, country: place.country?.code ?? null, deviceType: browser.deviceType, osKey: browser.osKey }, random.next());
  // Daytime where the visitor is: a local minute of the day, moved to UTC by the city's offset.
  const offset = place.city?.utcOffsetMinutes ?? place.country?.cities[0]?.utcOffsetMinutes ?? 0;
  const localMinute = tables.hours.pick(random.next()) * 60 + Math.floor(random.next() * 60);
  let t = ((((localMinute - offset) % 1440) + 1440) % 1440) * 60_000 + Math.floor(random.next() * 60_000);
  if (t >= day.limit) t = Math.floor(random.next() * day.limit);
  const click = event(
    tables.workspaceId, linkId, link.id, day.start + t, route.destination, route.rule, place.country?.code ?? null, place.city, browser,
    referrer, source, source === "qr", false, contactId, tables.visitorKeys.next(),
  );
  push(day, click, t, true);
  count(tables.stats, click);
}

/** Known contacts arrive through the CRM's messages; others by device, or the link's main channel. */
function pickSource(random: Random, traffic: Traffic, link: LinkState, deviceType: DeviceType, isIdentified: boolean): TrafficSource {
  if (isIdentified) return traffic.identifiedSources.pick(random.next());
  const primary = link.primarySource;
  if (primary && (deviceType !== "desktop" || DESKTOP_CAPABLE.has(primary)) && random.next() < link.primaryShare) return primary;
  return traffic.sources[deviceType].pick(random.next());
}

/** The day's clicks by time: (time, index) packed into one float64 key, sorted natively. */
function* inTimeOrder(day: Day): Generator<ClickEvent> {
  const keys = new Float64Array(day.events.length);
  for (let i = 0; i < keys.length; i++) keys[i] = (day.times[i] ?? 0) * INDEX_BITS + i;
  keys.sort();
  for (const key of keys) yield day.events[key % INDEX_BITS] as ClickEvent;
}

const NO_REFERRER: Referrer = { referrer: null, referrerHost: null };
const BOT: Browser = { deviceType: "desktop", os: null, osKey: null, browser: null };

function count(stats: SeedStats, click: ClickEvent): void {
  if (click.contactId !== null) stats.identified += 1;
  if (click.isQr) stats.qrScans += 1;
}

/** One click; every event has the same shape (property order), which keeps V8's objects monomorphic. */
function event(
  workspaceId: string,
  linkId: string,
  rootLinkId: string,
  at: number,
  destination: string | null,
  rule: ClickRule | null,
  country: string | null,
  city: City | null,
  browser: Browser,
  referrer: Referrer,
  source: TrafficSource,
  isQr: boolean,
  isBot: boolean,
  contactId: string | null,
  visitorKey: string,
): ClickEvent {
  return {
    workspaceId,
    linkId,
    rootLinkId,
    occurredAt: new Date(at),
    destination,
    rule,
    country,
    region: city?.region ?? null,
    city: city?.name ?? null,
    deviceType: browser.deviceType,
    os: browser.os,
    browser: browser.browser,
    referrer: referrer.referrer,
    referrerHost: referrer.referrerHost,
    source,
    isQr,
    isBot,
    contactId,
    visitorKey,
  };
}

/** The same visitor again (same key, place, device and way in), on `linkId` at `at`. */
function again(
  prior: ClickEvent,
  linkId: string,
  rootLinkId: string,
  at: number,
  destination: string | null,
  rule: ClickRule | null,
  contactId: string | null,
): ClickEvent {
  return {
    workspaceId: prior.workspaceId,
    linkId,
    rootLinkId,
    occurredAt: new Date(at),
    destination,
    rule,
    country: prior.country,
    region: prior.region,
    city: prior.city,
    deviceType: prior.deviceType,
    os: prior.os,
    browser: prior.browser,
    referrer: prior.referrer,
    referrerHost: prior.referrerHost,
    source: prior.source,
    isQr: prior.isQr,
    isBot: false,
    contactId,
    visitorKey: prior.visitorKey,
  };
}

function pickPlace(random: Random, countries: Weighted<Country>, cities: ReadonlyMap<string, Weighted<City>>): Place {
  if (random.next() < UNKNOWN_COUNTRY_SHARE) return { country: null, city: null };
  const country = countries.pick(random.next());
  const city = random.next() < UNKNOWN_CITY_SHARE ? null : (cities.get(country.code)?.pick(random.next()) ?? null);
  return { country, city };
}

function pickBrowser(random: Random, traffic: Traffic, deviceType: DeviceType, iosShare: number): Browser {
  const u = random.next();
  if (deviceType === "desktop") return traffic.desktop.pick(u);
  if (deviceType === "mobile") return (random.next() < iosShare ? traffic.iosPhone : traffic.androidPhone).pick(u);
  // iPads outsell Android tablets nearly everywhere.
  return (random.next() < Math.min(0.9, iosShare + 0.25) ? traffic.iosTablet : traffic.androidTablet).pick(u);
}

/** How many of `codes` (sorted by day) are out by day `d`. */
function codesSentBy(codes: readonly SeedCode[], d: number): number {
  let lo = 0;
  let hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((codes[mid]?.day ?? 0) <= d) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(1, lo);
}

/**
 * Popularity per link: Zipf over a seeded shuffle, with the five most popular links among those
 * that existed in the first third of the window (a year's top link is not last month's newcomer).
 */
function linkStates(seedLinks: readonly SeedLink[], random: Random, window: SeedWindow): LinkState[] {
  const order = permutation(seedLinks.length, random);
  const early = (i: number) => (seedLinks[i]?.birthDay ?? 0) <= window.days / 3;
  for (let r = 0; r < Math.min(5, order.length); r++) {
    if (early(order[r] ?? 0)) continue;
    for (let tries = 0; tries < 50; tries++) {
      const other = 5 + Math.floor(random.next() * (order.length - 5));
      if (other < order.length && early(order[other] ?? 0)) {
        [order[r], order[other]] = [order[other] ?? 0, order[r] ?? 0];
        break;
      }
    }
  }
  const weights = zipfWeights(seedLinks.length, ZIPF_EXPONENT);
  const states = new Array<LinkState>(seedLinks.length);
  order.forEach((linkIndex, rank) => {
    const link = seedLinks[linkIndex] as SeedLink;
    const hasPrimary = random.next() < 0.55;
    const codes = [...link.codes].sort((a, b) => a.day - b.day);
    states[linkIndex] = {
      id: link.id,
      weight: weights[rank] ?? 0,
      birthDay: link.birthDay,
      primarySource: hasPrimary ? PRIMARY_SOURCES.pick(random.next()) : null,
      primaryShare: 0.25 + random.next() * 0.4,
      route: routerOf(link),
      codes,
      blastDay: codes[0]?.day ?? Number.POSITIVE_INFINITY,
    };
  });
  return states;
}

/** Fills `cumulative` with the links' click weights on day `d`; returns the total. */
function linkWeightsOn(d: number, links: readonly LinkState[], cumulative: Float64Array): number {
  let total = 0;
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as LinkState;
    const age = d - link.birthDay;
    if (age >= 0) {
      let w = link.weight;
      if (age < LAUNCH_DAYS * 8) w *= 1 + LAUNCH_BOOST * Math.exp(-age / LAUNCH_DAYS);
      const sinceBlast = d - link.blastDay;
      if (sinceBlast >= 0 && sinceBlast < BLAST_DAYS * 8) w *= 1 + BLAST_BOOST * Math.exp(-sinceBlast / BLAST_DAYS);
      total += w;
    }
    cumulative[i] = total;
  }
  if (total > 0) return total;
  // Nothing existed yet that day (only when every link is newer): let any link take the clicks.
  for (let i = 0; i < links.length; i++) cumulative[i] = total += links[i]?.weight ?? 0;
  return total;
}

/** The destination and rule the click path would serve, from the link's own rules (lib/redirect/decide). */
function routerOf(link: SeedLink): Router {
  const { rules } = link;
  const plain: Route = { destination: link.url, rule: "default" };
  if (!rules.country?.length && !rules.device?.length && !rules.ab?.length) return () => plain;
  const decidable: DecidableLink = {
    status: "active",
    workspaceActive: true,
    url: link.url,
    rules,
    hasPassword: false,
    expiresAt: null,
    expiredUrl: null,
    clickLimit: null,
    humanClicks: 0,
    limitUrl: null,
    leadCapture: null,
  };
  const visitor: VisitorState = { unlocked: true, leadCaptured: true, abVariant: null, roll: 0 };
  const epoch = new Date(0);
  const routes = new Map<string, Route>();
  return (visit, roll) => {
    visitor.roll = roll;
    const decision = decide(decidable, visit, visitor, epoch);
    if (decision.kind !== "redirect") return plain;
    const key = `${decision.rule}\n${decision.url}`;
    let route = routes.get(key);
    if (!route) routes.set(key, (route = { destination: decision.url, rule: decision.rule }));
    return route;
  };
}

/**
 * Clicks per day, summing exactly to `total`: a rising trend (the most recent days about twice
 * the oldest), the weekday rhythm, ±12% day-to-day noise, a spike every ~45 days (a campaign
 * send, decaying over two days), and today scaled to the part of it that has passed.
 */
function clicksPerDay(total: number, window: SeedWindow, random: Random): Int32Array {
  const { days } = window;
  const spikes = new Float64Array(days).fill(1);
  for (let s = 0; s < Math.round(days / 45); s++) {
    const day = Math.floor(random.next() * days);
    const lift = 0.6 + random.next() * 1.4;
    for (const [offset, share] of [[0, 1], [1, 0.45], [2, 0.2]] as const) {
      if (day + offset < days) spikes[day + offset] = (spikes[day + offset] ?? 1) * (1 + lift * share);
    }
  }
  const weights = new Float64Array(days);
  let sum = 0;
  for (let d = 0; d < days; d++) {
    const dayStart = window.startMs + d * DAY_MS;
    const trend = 0.45 + 0.55 * Math.pow(days === 1 ? 1 : d / (days - 1), 1.2);
    const weekday = WEEKDAY_WEIGHTS[new Date(dayStart).getUTCDay()] ?? 1;
    const noise = 0.88 + 0.24 * random.next();
    const elapsed = d === days - 1 ? Math.max(0.02, (window.nowMs - dayStart) / DAY_MS) : 1;
    weights[d] = trend * weekday * noise * (spikes[d] ?? 1) * elapsed;
    sum += weights[d] ?? 0;
  }
  const counts = new Int32Array(days);
  let running = 0;
  let assigned = 0;
  for (let d = 0; d < days; d++) {
    running += weights[d] ?? 0;
    const upTo = d === days - 1 ? total : Math.round((total * running) / sum);
    counts[d] = upTo - assigned;
    assigned = upTo;
  }
  return counts;
}

/**
 * Visitor keys look like the click path's (22 base64url characters of a daily salted hash). Keys
 * of different days are never compared (unique visitors are counted per day), so one table of
 * keys serves every day: each day walks it from its own offset with an odd stride, which gives
 * distinct keys within the day as long as the day has fewer new visitors than the table holds.
 * A key then costs no allocation (two billion-click runs' worth of strings would).
 */
function visitorKeyTable(random: Random, perDay: Int32Array): { startDay: () => void; next: () => string } {
  let size = 4_096;
  for (const n of perDay) while (size < n && size < 2 ** 22) size *= 2;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const keys: string[] = [];
  const codes = new Array<number>(22);
  for (let i = 0; i < size; i++) {
    for (let c = 0; c < 22; c++) codes[c] = alphabet.charCodeAt(random.uint32() & 63);
    // One flat string (a key built by `+=` is a rope until something reads it).
    keys.push(String.fromCharCode(...codes));
  }
  const mask = size - 1;
  let at = 0;
  let stride = 1;
  return {
    startDay: () => {
      at = random.uint32() & mask;
      stride = (random.uint32() & mask) | 1;
    },
    next: () => {
      at = (at + stride) & mask;
      return keys[at] as string;
    },
  };
}
