/**
 * `(host, slug)` → the link a short URL answers with, its workspace's state and branding, through
 * the in-process link cache (a cache hit does no query; its TTL is long on PGlite, where this
 * process is the only one that can edit links). This is the one unscoped link lookup in
 * the app: a short URL is public, and the domain decides the tenant.
 *
 * - App hosts (the hostnames of APP_URL, SHORT_BASE_URL and SANDBOX_SHELL_URL; any port) serve
 *   links on the shared domain (`links.domain = ""`).
 * - Any other host must be a verified custom domain; it serves only its own workspace's links,
 *   whatever `links.domain` says. An unknown host answers "not found".
 * - A minted per-contact code answers with its parent's destination, rules, protection and
 *   preview, with the code's contact bound; clicks count against the parent.
 * - Targeting rules (country, device, A/B) apply only while the plan includes them; protection
 *   (password, expiry, limit, lead capture) always does, so a downgrade never exposes a link.
 */
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { domains } from "@/db/schema/domains";
import { links, type LeadCapture, type LinkPreview, type LinkRules, type Utm } from "@/db/schema/links";
import { workspaces } from "@/db/schema/workspaces";
import { hasFeature, type Plan } from "@/lib/billing/plans";
import { type Env } from "@/lib/env";
import { brandOf, DEFAULT_BRAND, type PageBrand } from "@/lib/gates/page-shell";
import type { DecidableLink } from "@/lib/redirect/decide";
import { LINK_CACHE_TTL_MS, readThroughLink, SINGLE_PROCESS_LINK_CACHE_TTL_MS } from "@/lib/redirect/link-cache";

export type ResolvedLink = {
  /** The row the short URL names (a minted code or a link). */
  linkId: string;
  /** The link the click belongs to: a minted code's parent, else `linkId`. */
  rootLinkId: string;
  workspaceId: string;
  workspaceName: string;
  plan: Plan;
  /** "" for the shared short domain. */
  domain: string;
  slug: string;
  /** A minted code's contact; it wins over `?c=`. */
  boundContactId: string | null;
  /**
   * What `decide` needs. `humanClicks` is a snapshot: the click path updates it in place after
   * its atomic increment, so a link past its limit stops costing a query on this instance.
   */
  decidable: DecidableLink;
  passwordHash: string | null;
  leadCapture: LeadCapture | null;
  title: string | null;
  description: string | null;
  preview: LinkPreview | null;
  brand: PageBrand;
};

export type ShortLinkLookup = {
  link: ResolvedLink | null;
  /** Branding for a "not found" page: the custom domain's workspace, else the product's. */
  brand: PageBrand;
};

type DomainOwner = { workspaceId: string; brand: PageBrand };

/** Cache namespace for custom-domain lookups; "\u0001" never starts a real (lower-case) hostname. */
const DOMAIN_NAMESPACE = "\u0001domain";

const appHostsByEnv = new WeakMap<Env, ReadonlySet<string>>();

/** Hostnames (no port) that serve the shared short domain. */
export function appHostnames(config: Env): ReadonlySet<string> {
  let hosts = appHostsByEnv.get(config);
  if (!hosts) {
    hosts = new Set([config.appUrl, config.shortBaseUrl, config.sandboxShellUrl].map((u) => new URL(u).hostname.toLowerCase()));
    appHostsByEnv.set(config, hosts);
  }
  return hosts;
}

/** A URL's hostname normalised like `domains.hostname`: lower case, no port, no trailing dot. */
export function normalizeHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/**
 * Resolves a short URL. `hostname` is the request's hostname (port already removed). A cache hit
 * on the shared domain answers synchronously (no promise on the hot path); otherwise a promise.
 * Fails only when the database fails (the caller answers 503); unknown links resolve to `link: null`.
 */
export function resolveShortLink(
  db: () => Promise<Db>,
  config: Env,
  hostname: string,
  slug: string,
  nowMs: number,
): ShortLinkLookup | Promise<ShortLinkLookup> {
  const host = normalizeHostname(hostname);
  const ttl = config.database.driver === "pglite" ? SINGLE_PROCESS_LINK_CACHE_TTL_MS : LINK_CACHE_TTL_MS;
  if (appHostnames(config).has(host)) {
    const link = readThroughLink("", slug, async () => findShortLink(await db(), "", slug, null), nowMs, ttl);
    return link instanceof Promise ? link.then((found) => ({ link: found, brand: DEFAULT_BRAND })) : { link, brand: DEFAULT_BRAND };
  }
  return resolveOnCustomDomain(db, host, slug, nowMs, ttl);
}

async function resolveOnCustomDomain(db: () => Promise<Db>, host: string, slug: string, nowMs: number, ttl: number): Promise<ShortLinkLookup> {
  const owner = await readThroughLink(DOMAIN_NAMESPACE, host, async () => findDomainOwner(await db(), host), nowMs, ttl);
  if (!owner) return { link: null, brand: DEFAULT_BRAND };
  const link = await readThroughLink(host, slug, async () => findShortLink(await db(), host, slug, owner.workspaceId), nowMs, ttl);
  return { link, brand: owner.brand };
}

const parent = alias(links, "parent");

/** The columns a short URL needs from a link row (not its QR design, which can be large). */
const SETTINGS_COLUMNS = [
  "id",
  "status",
  "url",
  "title",
  "description",
  "utm",
  "rules",
  "passwordHash",
  "expiresAt",
  "expiredUrl",
  "clickLimit",
  "limitUrl",
  "leadCapture",
  "preview",
  "humanClicks",
] as const;
type SettingsColumn = (typeof SETTINGS_COLUMNS)[number];

function settingsOf<T extends Record<SettingsColumn, unknown>>(table: T): Pick<T, SettingsColumn> {
  const out: Partial<Pick<T, SettingsColumn>> = {};
  for (const key of SETTINGS_COLUMNS) out[key] = table[key];
  return out as Pick<T, SettingsColumn>;
}

/**
 * The click path's two queries, prepared once per database: on a busy instance every cached link
 * is re-read each TTL, and building the SQL costs more than running it.
 */
function prepareQueries(db: Db) {
  const domainOwner = db
    .select({
      workspaceId: domains.workspaceId,
      name: workspaces.name,
      branding: workspaces.branding,
      brandingEnabled: workspaces.brandingEnabled,
      whiteLabel: workspaces.whiteLabel,
    })
    .from(domains)
    .innerJoin(workspaces, eq(workspaces.id, domains.workspaceId))
    .where(and(eq(domains.hostname, sql.placeholder("hostname")), eq(domains.status, "verified")))
    .limit(1)
    .prepare("short_link_domain_owner");
  // The unscoped `(domain, slug)` lookup, narrowed to the domain owner's workspace on custom domains.
  const owner = sql.placeholder("owner");
  const shortLink = db
    .select({
      link: { ...settingsOf(links), workspaceId: links.workspaceId, contactId: links.contactId },
      parent: settingsOf(parent),
      workspace: {
        name: workspaces.name,
        status: workspaces.status,
        plan: workspaces.plan,
        branding: workspaces.branding,
        brandingEnabled: workspaces.brandingEnabled,
        whiteLabel: workspaces.whiteLabel,
      },
    })
    .from(links)
    .leftJoin(parent, eq(parent.id, links.parentLinkId))
    .innerJoin(workspaces, eq(workspaces.id, links.workspaceId))
    .where(
      and(
        eq(links.domain, sql.placeholder("domain")),
        eq(links.slug, sql.placeholder("slug")),
        sql`(${owner}::text is null or ${links.workspaceId} = ${owner})`,
      ),
    )
    .limit(1)
    .prepare("short_link_by_domain_slug");
  return { domainOwner, shortLink };
}

const preparedByDb = new WeakMap<Db, ReturnType<typeof prepareQueries>>();

function queriesFor(db: Db): ReturnType<typeof prepareQueries> {
  let queries = preparedByDb.get(db);
  if (!queries) {
    queries = prepareQueries(db);
    preparedByDb.set(db, queries);
  }
  return queries;
}

async function findDomainOwner(db: Db, hostname: string): Promise<DomainOwner | null> {
  const [row] = await queriesFor(db).domainOwner.execute({ hostname });
  return row ? { workspaceId: row.workspaceId, brand: brandOf(row) } : null;
}

async function findShortLink(db: Db, domain: string, slug: string, ownerWorkspaceId: string | null): Promise<ResolvedLink | null> {
  const [row] = await queriesFor(db).shortLink.execute({ domain, slug, owner: ownerWorkspaceId });
  if (!row) return null;
  const own = row.link;
  // A minted code answers with its parent's settings.
  const settings = row.parent ?? own;
  const plan = row.workspace.plan;
  const archived = own.status === "archived" || settings.status === "archived";
  const rules = hasFeature(plan, "targeting") ? withUtmRules(settings.rules, settings.utm) : {};
  return {
    linkId: own.id,
    rootLinkId: settings.id,
    workspaceId: own.workspaceId,
    workspaceName: row.workspace.name,
    plan,
    domain,
    slug,
    boundContactId: row.parent ? own.contactId : null,
    decidable: {
      status: archived ? "archived" : "active",
      workspaceActive: row.workspace.status === "active",
      url: withUtm(settings.url, settings.utm),
      rules,
      hasPassword: settings.passwordHash !== null,
      expiresAt: settings.expiresAt,
      expiredUrl: settings.expiredUrl,
      clickLimit: settings.clickLimit,
      humanClicks: settings.humanClicks,
      limitUrl: settings.limitUrl,
      leadCapture: settings.leadCapture?.enabled ? settings.leadCapture : null,
    },
    passwordHash: settings.passwordHash,
    leadCapture: settings.leadCapture?.enabled ? settings.leadCapture : null,
    title: settings.title,
    description: settings.description,
    preview: settings.preview,
    brand: brandOf(row.workspace),
  };
}

const UTM_KEYS = ["source", "medium", "campaign", "term", "content"] as const;

/** Sets the link's UTM fields on a destination (replacing the same `utm_*` keys already there). */
export function withUtm(url: string, utm: Utm | null): string {
  if (!utm || UTM_KEYS.every((k) => !utm[k])) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  for (const key of UTM_KEYS) {
    const value = utm[key]?.trim();
    if (value) parsed.searchParams.set(`utm_${key}`, value);
  }
  return parsed.toString();
}

function withUtmRules(rules: LinkRules, utm: Utm | null): LinkRules {
  if (!utm) return rules;
  return {
    ...(rules.country ? { country: rules.country.map((r) => ({ ...r, url: withUtm(r.url, utm) })) } : {}),
    ...(rules.device ? { device: rules.device.map((r) => ({ ...r, url: withUtm(r.url, utm) })) } : {}),
    ...(rules.ab ? { ab: rules.ab.map((r) => ({ ...r, url: withUtm(r.url, utm) })) } : {}),
  };
}
