/**
 * What clicks land on: the workspace, its links (created up to the asked number, with titles,
 * slugs, destinations, UTM, routing rules, tags and campaigns), minted per-contact codes for some
 * of them, and a pool of CRM contacts with names in the contact-name cache. Rows are inserted
 * directly, as an import would: nothing here counts clicks (the click writer does).
 *
 * Links created here get a creation time inside the seeded window and take clicks only from then
 * on. Links that already existed take clicks over the whole window, unless they were created
 * before today (a previous seeding run), in which case their creation time holds too.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  campaigns,
  campaignTags,
  crmContacts,
  links,
  linkTags,
  sandboxLocations,
  tags,
  workspaces,
  type LinkRules,
  type NewLinkRow,
  type Utm,
  type WorkspaceRow,
} from "@/db/schema";
import { PLAN_FEATURES } from "@/lib/billing/plans";
import { activateWorkspace } from "@/lib/installs/install-app";
import { SLUG_ALPHABET } from "@/lib/links/slug";
import { withUtm } from "@/lib/redirect/resolve-link";
import { isReservedSlug } from "@/lib/redirect/short-link-path";
import { createRandom, hashSeed, permutation, type Random, seededId, seededString, Weighted } from "@/lib/seed/random";
import { CAMPAIGN_NAMES, DESTINATION_HOSTS, FIRST_NAMES, LAST_NAMES, LINK_TEMPLATES, TAG_NAMES } from "@/lib/seed/words";

export const DAY_MS = 86_400_000;
/** Contacts identified clicks are drawn from (HighLevel-like ids, 20 base62 characters). */
export const CONTACT_POOL_SIZE = 2_000;
/** Campaigns a seeded workspace ends up with (fewer are created when some exist). */
const CAMPAIGN_COUNT = 10;
/** The location id of the workspace created when the database has none. */
export const SEEDED_LOCATION_ID = "seed_loc_workspace";

/** The seeded window: `days` UTC days ending with today. Day 0 is the oldest. */
export type SeedWindow = { days: number; startMs: number; nowMs: number };

export function seedWindow(days: number, now: Date): SeedWindow {
  const todayMs = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { days, startMs: todayMs - (days - 1) * DAY_MS, nowMs: now.getTime() };
}

function dayIndex(window: SeedWindow, at: Date): number {
  return Math.floor((at.getTime() - window.startMs) / DAY_MS);
}

export type SeedCode = { id: string; contactId: string; /** First day it can be clicked. */ day: number };

/** A top-level link as the click generator sees it. */
export type SeedLink = {
  id: string;
  /** The default destination, UTM merged (what the click path serves). */
  url: string;
  /** Routing rules with UTM merged; empty when the plan has no targeting. */
  rules: LinkRules;
  /** First day of the window it takes clicks (0 = all along). */
  birthDay: number;
  campaignId: string | null;
  codes: SeedCode[];
};

export type SeedFixtures = {
  workspace: Pick<WorkspaceRow, "id" | "name" | "plan" | "crmLocationId">;
  createdWorkspace: boolean;
  links: SeedLink[];
  contactIds: string[];
  created: { links: number; codes: number; campaigns: number; tags: number; contacts: number };
};

/**
 * The workspace to fill: `workspaceId` when given; else the workspace of the sandbox's first
 * installed location (the Pro one); else the oldest active workspace; else a new "Seeded
 * workspace" on Pro, created the way an install creates one.
 */
export async function resolveSeedWorkspace(db: Db, workspaceId: string | null): Promise<{ workspace: WorkspaceRow; created: boolean }> {
  if (workspaceId) {
    const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
    if (!row) throw new Error(`No workspace ${workspaceId} in this database`);
    return { workspace: row, created: false };
  }
  const [sandbox] = await db
    .select({ workspace: workspaces })
    .from(sandboxLocations)
    .innerJoin(workspaces, eq(workspaces.crmLocationId, sandboxLocations.id))
    .where(and(eq(sandboxLocations.isAppInstalled, true), eq(workspaces.status, "active")))
    .orderBy(asc(sandboxLocations.position))
    .limit(1);
  if (sandbox) return { workspace: sandbox.workspace, created: false };
  const [oldest] = await db.select().from(workspaces).where(eq(workspaces.status, "active")).orderBy(asc(workspaces.createdAt)).limit(1);
  if (oldest) return { workspace: oldest, created: false };
  const workspace = await activateWorkspace(db, { locationId: SEEDED_LOCATION_ID, name: "Seeded workspace", plan: "pro" });
  return { workspace, created: true };
}

export type FixtureOptions = { links: number; seed: number; window: SeedWindow };

/** Makes sure the workspace has `links` top-level links, campaigns, tags, codes and named contacts. */
export async function prepareSeedFixtures(db: Db, workspace: WorkspaceRow, created: boolean, opts: FixtureOptions): Promise<SeedFixtures> {
  const existing = await db
    .select({ id: links.id, url: links.url, utm: links.utm, rules: links.rules, campaignId: links.campaignId, createdAt: links.createdAt })
    .from(links)
    .where(and(eq(links.workspaceId, workspace.id), isNull(links.parentLinkId), eq(links.status, "active")))
    .orderBy(asc(links.createdAt), asc(links.id));
  // Seeded by the CRM location, not the workspace id (random): a rerun on a fresh database gives the same data.
  const random = createRandom(hashSeed(opts.seed, workspace.crmLocationId, "fixtures", existing.length));
  const contactIds = contactPool(workspace.crmLocationId);
  const namedContacts = await nameContacts(db, workspace.id, contactIds, createRandom(hashSeed(workspace.crmLocationId, "contact-names")));

  const toCreate = Math.max(0, opts.links - existing.length);
  let campaignIds: string[] = [];
  let tagIds: string[] = [];
  let campaignsCreated: string[] = [];
  let tagsCreated = 0;
  if (toCreate > 0) {
    ({ ids: campaignIds, created: campaignsCreated } = await ensureCampaigns(db, workspace.id, random, opts.window));
    ({ ids: tagIds, created: tagsCreated } = await ensureTags(db, workspace.id, random));
    // A campaign-wide tag for each new campaign (the workspace's own campaigns are left as they are).
    if (campaignsCreated.length > 0 && tagIds.length > 0) {
      const pairs = campaignsCreated.map((campaignId, i) => ({ campaignId, tagId: tagIds[i % tagIds.length] ?? "" }));
      await db.insert(campaignTags).values(pairs).onConflictDoNothing();
    }
  }
  const targeting = PLAN_FEATURES[workspace.plan].targeting;
  const made = await createLinks(db, workspace.id, toCreate, { random, window: opts.window, campaignIds, tagIds, targeting });
  const codesMade = await mintCodes(db, workspace.id, made, contactIds, random, opts.window);

  const todayMs = opts.window.nowMs - (opts.window.nowMs % DAY_MS);
  const codes = await loadCodes(db, workspace.id, opts.window);
  const seedLinks: SeedLink[] = [
    ...existing.map((l) => ({
      id: l.id,
      url: withUtm(l.url, l.utm),
      rules: targeting ? withUtmRules(l.rules, l.utm) : {},
      birthDay: l.createdAt.getTime() < todayMs ? clampDay(dayIndex(opts.window, l.createdAt), opts.window) : 0,
      campaignId: l.campaignId,
      codes: codes.get(l.id) ?? [],
    })),
    ...made.map((l) => ({ ...l, codes: codes.get(l.id) ?? [] })),
  ];
  return {
    workspace: { id: workspace.id, name: workspace.name, plan: workspace.plan, crmLocationId: workspace.crmLocationId },
    createdWorkspace: created,
    links: seedLinks,
    contactIds: [...new Set([...contactIds, ...[...codes.values()].flat().map((c) => c.contactId)])],
    created: { links: made.length, codes: codesMade, campaigns: campaignsCreated.length, tags: tagsCreated, contacts: namedContacts },
  };
}

function clampDay(day: number, window: SeedWindow): number {
  return Math.min(Math.max(day, 0), window.days - 1);
}

function withUtmRules(rules: LinkRules, utm: Utm | null): LinkRules {
  return {
    ...(rules.country ? { country: rules.country.map((r) => ({ ...r, url: withUtm(r.url, utm) })) } : {}),
    ...(rules.device ? { device: rules.device.map((r) => ({ ...r, url: withUtm(r.url, utm) })) } : {}),
    ...(rules.ab ? { ab: rules.ab.map((r) => ({ ...r, url: withUtm(r.url, utm) })) } : {}),
  };
}

const BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The location's contact pool: the same ids on every run, so reruns add clicks to the same people. */
function contactPool(locationId: string): string[] {
  const random = createRandom(hashSeed(locationId, "contacts"));
  return Array.from({ length: CONTACT_POOL_SIZE }, () => seededString(BASE62, 20, random));
}

/**
 * Name-cache rows for ~90% of the pool (the rest show as unknown until the CRM is asked); the same
 * contacts and names on every run (`random` is seeded by the location alone).
 */
async function nameContacts(db: Db, workspaceId: string, contactIds: readonly string[], random: Random): Promise<number> {
  const rows = contactIds
    .filter(() => random.next() < 0.9)
    .map((contactId) => {
      const first = FIRST_NAMES[Math.floor(random.next() * FIRST_NAMES.length)] ?? "Alex";
      const last = LAST_NAMES[Math.floor(random.next() * LAST_NAMES.length)] ?? "Smith";
      return {
        workspaceId,
        contactId,
        belongsToLocation: true,
        name: `${first} ${last}`,
        email: `${first}.${last}${Math.floor(random.next() * 100)}@example.com`.toLowerCase(),
        verifiedAt: new Date(),
      };
    });
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const done = await db.insert(crmContacts).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: crmContacts.contactId });
    inserted += done.length;
  }
  return inserted;
}

/** Up to `CAMPAIGN_COUNT` active campaigns: all their ids, and the ids of those created now. */
async function ensureCampaigns(db: Db, workspaceId: string, random: Random, window: SeedWindow): Promise<{ ids: string[]; created: string[] }> {
  const have = await db.select({ name: campaigns.name, archived: campaigns.archived }).from(campaigns).where(eq(campaigns.workspaceId, workspaceId));
  const missing = Math.max(0, CAMPAIGN_COUNT - have.filter((c) => !c.archived).length);
  // Names are unique per workspace, case-insensitively (archived campaigns keep theirs).
  const taken = new Set(have.map((c) => c.name.toLowerCase()));
  const fresh = CAMPAIGN_NAMES.filter((name) => !taken.has(name.toLowerCase()))
    .slice(0, missing)
    .map((name) => {
      const at = new Date(window.startMs - Math.floor(random.next() * 30) * DAY_MS);
      return { id: seededId("cmp", random), workspaceId, name, createdAt: at, updatedAt: at };
    });
  const created = fresh.length === 0 ? [] : (await db.insert(campaigns).values(fresh).onConflictDoNothing().returning({ id: campaigns.id })).map((c) => c.id);
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.archived, false)))
    .orderBy(asc(campaigns.createdAt), asc(campaigns.id));
  return { ids: rows.map((r) => r.id), created };
}

const TAG_COLORS = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#ec4899", "#14b8a6", "#64748b", "#84cc16"];

async function ensureTags(db: Db, workspaceId: string, random: Random): Promise<{ ids: string[]; created: number }> {
  const rows = TAG_NAMES.map((name, i) => ({ id: seededId("tag", random), workspaceId, name, color: TAG_COLORS[i % TAG_COLORS.length] ?? "#6366f1" }));
  const done = await db.insert(tags).values(rows).onConflictDoNothing().returning({ id: tags.id });
  const all = await db
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.workspaceId, workspaceId), inArray(sql`lower(${tags.name})`, TAG_NAMES.map((n) => n.toLowerCase()))));
  return { ids: all.map((t) => t.id), created: done.length };
}

type MadeLink = Omit<SeedLink, "codes">;
type LinkPlan = { random: Random; window: SeedWindow; campaignIds: string[]; tagIds: string[]; targeting: boolean };

const LINK_TAG_COUNTS = new Weighted([[0, 35], [1, 35], [2, 20], [3, 10]] as const);

/** Inserts `n` links (500 a statement); a slug someone already has is drawn again. */
async function createLinks(db: Db, workspaceId: string, n: number, plan: LinkPlan): Promise<MadeLink[]> {
  const { random, window } = plan;
  // Campaign sizes are uneven too: the first campaigns hold most of the campaign links.
  const campaignPick = plan.campaignIds.length > 0 ? new Weighted(plan.campaignIds.map((id, i) => [id, 1 / (i + 1)] as const)) : null;
  const made: MadeLink[] = [];
  const tagRows: { linkId: string; tagId: string }[] = [];
  for (let start = 0; start < n; start += 500) {
    let pending: NewLinkRow[] = Array.from({ length: Math.min(500, n - start) }, () => linkRow(workspaceId, plan, campaignPick));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 6) throw new Error("Could not find free slugs for the seeded links");
      const done = new Set((await db.insert(links).values(pending).onConflictDoNothing().returning({ id: links.id })).map((r) => r.id));
      for (const row of pending.filter((r) => done.has(r.id ?? ""))) {
        const createdAt = row.createdAt ?? new Date(window.startMs);
        made.push({
          id: row.id ?? "",
          url: withUtm(row.url, row.utm ?? null),
          rules: plan.targeting ? withUtmRules(row.rules ?? {}, row.utm ?? null) : {},
          birthDay: clampDay(dayIndex(window, createdAt), window),
          campaignId: row.campaignId ?? null,
        });
        const tagCount = Math.min(LINK_TAG_COUNTS.pick(random.next()), plan.tagIds.length);
        const order = permutation(plan.tagIds.length, random);
        for (let t = 0; t < tagCount; t++) tagRows.push({ linkId: row.id ?? "", tagId: plan.tagIds[order[t] ?? 0] ?? "" });
      }
      pending = pending.filter((r) => !done.has(r.id ?? "")).map((r) => ({ ...r, slug: seededString(SLUG_ALPHABET, 8, random) }));
    }
  }
  for (let i = 0; i < tagRows.length; i += 1000) await db.insert(linkTags).values(tagRows.slice(i, i + 1000)).onConflictDoNothing();
  return made;
}

function kebab(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 28)
    .replace(/-+$/, "");
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function linkRow(workspaceId: string, plan: LinkPlan, campaignPick: Weighted<string> | null): NewLinkRow {
  const { random, window } = plan;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
  const [stem, path] = pick(LINK_TEMPLATES);
  // A quarter of the links existed before the window; the rest appear through it, fewer lately.
  const birth = random.next() < 0.25 ? -Math.floor(random.next() * 60) : Math.floor(Math.pow(random.next(), 1.3) * (window.days - 1));
  const createdAt = new Date(Math.min(window.startMs + birth * DAY_MS + Math.floor((7 + random.next() * 11) * 3_600_000), window.nowMs - 60_000));
  const month = MONTHS[createdAt.getUTCMonth()] ?? "";
  const title = random.next() < 0.3 ? `${stem} — ${month}` : stem;
  let slug = random.next() < 0.45 ? `${kebab(title)}-${seededString("23456789abcdefghijkmnpqrstuvwxyz", 4, random)}` : seededString(SLUG_ALPHABET, 7, random);
  if (isReservedSlug(slug)) slug = `${slug}-x`;
  const url = path.startsWith("https://") ? path : `https://${pick(DESTINATION_HOSTS)}/${path}`;
  const utm: Utm | null =
    random.next() < 0.3 ? { source: pick(["newsletter", "instagram", "facebook", "sms", "flyer"]), medium: pick(["social", "email", "sms", "print"]), campaign: kebab(title) } : null;
  return {
    id: seededId("lnk", random),
    workspaceId,
    domain: "",
    slug,
    url,
    title,
    utm,
    rules: plan.targeting ? rulesFor(url, random) : {},
    campaignId: campaignPick && random.next() < 0.45 ? campaignPick.pick(random.next()) : null,
    createdAt,
    updatedAt: createdAt,
  };
}

const COUNTRY_RULES: readonly { countries: string[]; site: string }[] = [
  { countries: ["DE", "AT", "CH"], site: "https://www.example.de" },
  { countries: ["FR", "BE"], site: "https://www.example.fr" },
  { countries: ["GB", "IE"], site: "https://www.example.co.uk" },
  { countries: ["ES", "MX", "AR", "CO", "CL", "PE"], site: "https://www.example.es" },
  { countries: ["BR", "PT"], site: "https://www.example.com.br" },
  { countries: ["IN"], site: "https://www.example.in" },
];

/** About one link in six routes: by country (8%), by device (app-store links, 6%), A/B (5%). */
function rulesFor(url: string, random: Random): LinkRules {
  const rules: LinkRules = {};
  const path = new URL(url).pathname;
  if (random.next() < 0.08) {
    const first = Math.floor(random.next() * COUNTRY_RULES.length);
    const chosen = [COUNTRY_RULES[first], random.next() < 0.5 ? COUNTRY_RULES[(first + 1) % COUNTRY_RULES.length] : undefined];
    rules.country = chosen.filter((r) => r !== undefined).map((r) => ({ countries: r.countries, url: `${r.site}${path}` }));
  }
  if (random.next() < 0.06) {
    rules.device = [
      { devices: ["ios"], url: "https://apps.apple.com/us/app/example/id1234567890" },
      { devices: ["android"], url: "https://play.google.com/store/apps/details?id=com.example.app" },
    ];
  }
  if (random.next() < 0.05) {
    const split = random.next() < 0.5 ? [50, 50] : random.next() < 0.5 ? [70, 30] : [40, 30, 30];
    rules.ab = split.map((weight, i) => ({ url: `${url}${url.includes("?") ? "&" : "?"}variant=${"abc"[i] ?? "a"}`, weight }));
  }
  return rules;
}

/**
 * Per-contact codes for ~3% of the new links (campaign links first): one message blast each, on
 * one day after the link appeared, to 20–300 distinct contacts of the pool.
 */
async function mintCodes(db: Db, workspaceId: string, made: readonly MadeLink[], contactIds: readonly string[], random: Random, window: SeedWindow): Promise<number> {
  if (made.length === 0) return 0;
  const wanted = Math.max(3, Math.round(made.length * 0.03));
  const shuffled = Array.from(permutation(made.length, random), (i) => made[i]).filter((l) => l !== undefined);
  const ranked = shuffled.sort((a, b) => Number(b.campaignId !== null) - Number(a.campaignId !== null));
  const rows: NewLinkRow[] = [];
  for (const parent of ranked.slice(0, wanted)) {
    const blastDay = parent.birthDay + Math.floor(random.next() * (window.days - parent.birthDay) * 0.8);
    const createdAt = new Date(Math.min(window.startMs + blastDay * DAY_MS + Math.floor((9 + random.next() * 8) * 3_600_000), window.nowMs - 60_000));
    const order = permutation(contactIds.length, random);
    const n = Math.min(contactIds.length, 20 + Math.floor(Math.pow(random.next(), 2) * 280));
    for (let i = 0; i < n; i++) {
      rows.push({
        id: seededId("lnk", random),
        workspaceId,
        domain: "",
        slug: seededString(SLUG_ALPHABET, 7, random),
        url: parent.url,
        parentLinkId: parent.id,
        contactId: contactIds[order[i] ?? 0] ?? "",
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  let minted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    // A code whose slug is taken is simply not minted: its contact keeps `?c=` clicks.
    minted += (await db.insert(links).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: links.id })).length;
  }
  return minted;
}

/** Every minted code of the workspace, by parent link. */
async function loadCodes(db: Db, workspaceId: string, window: SeedWindow): Promise<Map<string, SeedCode[]>> {
  const rows = await db
    .select({ id: links.id, parentLinkId: links.parentLinkId, contactId: links.contactId, createdAt: links.createdAt })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), isNotNull(links.parentLinkId), isNotNull(links.contactId), eq(links.status, "active")))
    .orderBy(asc(links.createdAt), asc(links.id));
  const byParent = new Map<string, SeedCode[]>();
  for (const r of rows) {
    if (!r.parentLinkId || !r.contactId) continue;
    const list = byParent.get(r.parentLinkId) ?? [];
    list.push({ id: r.id, contactId: r.contactId, day: clampDay(dayIndex(window, r.createdAt), window) });
    byParent.set(r.parentLinkId, list);
  }
  return byParent;
}
