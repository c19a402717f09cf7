/**
 * The short-link handler: one node-agnostic core used by server.ts's fast path (through
 * `short-link-listener.ts`) and by `app/[slug]/route.ts` (through `handleShortLinkRequest`).
 *
 *   resolve (cache) → classify once → decide (pure) → [gate form / click-limit counter] → answer,
 *   with the click handed to the batch writer in memory.
 *
 * A plain redirect on a cached link does no database work at all, and is answered synchronously
 * (no promise is made on that path: `MaybePromise` results). The only synchronous writes are the
 * click-limit counter (links with a limit), wrong-password counting and lead rows.
 *
 * Referrer: a 302 does not change what Referer the destination sees (the page that linked to the
 * short URL), so redirects carry no Referrer-Policy and the destination keeps its own analytics.
 * Gate pages do (`no-referrer`): their URL may carry `?c=`, and their forms lead to the destination.
 */
import type { Db } from "@/db/client";
import type { LeadField } from "@/db/schema/links";
import { leadContactIdOf } from "@/lib/automation/lead-contacts";
import { recordClick } from "@/lib/clicks/record-click";
import { getDb } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import { leadFieldsOf, parseLeadForm, type LeadErrors, type LeadValues } from "@/lib/gates/lead-form";
import { DEFAULT_BRAND, pageHeaders, type PageBrand } from "@/lib/gates/page-shell";
import { verifyLinkPassword } from "@/lib/gates/password";
import { renderLeadPage, renderPasswordPage, renderPreviewPage, renderStatusPage, type StatusPageKind } from "@/lib/gates/pages";
import { saveLead } from "@/lib/gates/save-lead";
import { countRecentUnlockFailures, MAX_UNLOCK_FAILURES, recordUnlockFailure, unlockLimiterKey, UNLOCK_WINDOW_MS } from "@/lib/gates/unlock-attempts";
import {
  AB_TTL_SECONDS,
  abCookieName,
  LEAD_TTL_SECONDS,
  leadCookieName,
  parseAbVariant,
  parseCookieHeader,
  readLeadGrant,
  serializeCookie,
  signGrant,
  signLeadGrant,
  UNLOCK_TTL_SECONDS,
  unlockCookieName,
  verifyGrant,
} from "@/lib/gates/visitor-cookies";
import { log } from "@/lib/log";
import { consumeClickAllowance } from "@/lib/redirect/consume-click-allowance";
import { decide, type Decision, type VisitorState } from "@/lib/redirect/decide";
import { resolveShortLink, type ResolvedLink, type ShortLinkLookup } from "@/lib/redirect/resolve-link";
import { classifyVisit, forwardedQuery, type Visit } from "@/lib/redirect/visit";

export type ShortLinkRequest = {
  /** Upper case. */
  method: string;
  /** The URL as the visitor sees it: scheme (from the edge), host, path and query. */
  url: URL;
  /** The decoded path segment. */
  slug: string;
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The TCP peer address, when known (node:http); null behind Next. */
  socketIp: string | null;
  /** The url-encoded form of a POST; null when too large or not a form. Called at most once. */
  readForm: () => Promise<URLSearchParams | null>;
};

export type ShortLinkResponse = {
  status: number;
  headers: Record<string, string | string[]>;
  /** Empty for redirects; callers send no body for HEAD. */
  body: string;
};

type MaybePromise<T> = T | Promise<T>;

/**
 * Answers one short-link request: synchronously for a cached link that needs no database work,
 * else through a promise. Never throws or rejects: a failure is logged and answered with a 503 page.
 */
export function handleShortLink(req: ShortLinkRequest): MaybePromise<ShortLinkResponse> {
  const now = new Date();
  const failed = (err: unknown): ShortLinkResponse => {
    log.error("short link failed", { err, slug: req.slug, host: req.url.host, method: req.method });
    return statusPage(503, "error", DEFAULT_BRAND, { "Retry-After": "5" });
  };
  try {
    const config = env();
    const lookup = resolveShortLink(getDb, config, req.url.hostname, req.slug, now.getTime());
    const result = lookup instanceof Promise ? lookup.then((found) => answer(req, found, config, now)) : answer(req, lookup, config, now);
    return result instanceof Promise ? result.catch(failed) : result;
  } catch (err) {
    return failed(err);
  }
}

type Context = {
  req: ShortLinkRequest;
  link: ResolvedLink;
  visit: Visit;
  visitor: VisitorState;
  /** HEAD never counts and never consumes a click limit: browsers do not navigate with it. */
  isHead: boolean;
  now: Date;
  secret: string;
  cookies: string[];
  /** The lead this browser submitted on this link (its signed lead cookie), when it names one. */
  leadId: string | null;
  /** That lead's CRM contact, once known: later clicks of the browser are attributed to it. */
  leadContactId: string | null;
};

function answer(req: ShortLinkRequest, lookup: ShortLinkLookup, config: Env, now: Date): MaybePromise<ShortLinkResponse> {
  const link = lookup.link;
  if (!link) return statusPage(404, "not_found", lookup.brand);

  const isHead = req.method === "HEAD";
  // HEAD is classified as the GET it mirrors (same answer); it is recorded as a bot below.
  const visit = classifyVisit(
    { method: isHead ? "GET" : req.method, url: req.url, headers: req.headers, socketIp: req.socketIp },
    { trustedProxyHops: config.trustedProxyHops, secret: config.sessionSecret },
    now,
  );
  const { state, leadId } = visitorStateOf(req, link, config.sessionSecret, now);
  const ctx: Context = { req, link, visit, visitor: state, isHead, now, secret: config.sessionSecret, cookies: [], leadId, leadContactId: null };
  const decision = decide(link.decidable, visit, ctx.visitor, now);

  if (req.method === "POST" && decision.kind === "password") return submitPassword(ctx);
  if (req.method === "POST" && decision.kind === "lead_capture") return submitLead(ctx);
  // A browser that gave this link's lead form: its click is the lead's contact's (a cache hit
  // costs nothing; only a browser with that cookie, on a link with a lead form, can miss).
  if (leadId !== null && isHuman(ctx) && !link.boundContactId && !visit.contactId) {
    const contactId = leadContactIdOf(link.workspaceId, leadId, now.getTime());
    if (contactId instanceof Promise) {
      return contactId.then((found) => {
        ctx.leadContactId = found;
        return respond(ctx, decision);
      });
    }
    ctx.leadContactId = contactId;
  }
  return respond(ctx, decision);
}

/** Reads this link's cookies only when the link has a gate or an A/B rule (most links do neither). */
function visitorStateOf(req: ShortLinkRequest, link: ResolvedLink, secret: string, now: Date): { state: VisitorState; leadId: string | null } {
  const state: VisitorState = { unlocked: false, leadCaptured: false, abVariant: null, roll: Math.random() };
  const d = link.decidable;
  if (!d.hasPassword && !d.leadCapture && !d.rules.ab?.length) return { state, leadId: null };
  const cookies = parseCookieHeader(headerOf(req.headers, "cookie"));
  const nowS = Math.floor(now.getTime() / 1000);
  if (d.hasPassword) state.unlocked = verifyGrant(secret, "unlock", link.linkId, cookies.get(unlockCookieName(link.linkId)), nowS);
  let leadId: string | null = null;
  if (d.leadCapture) {
    const grant = readLeadGrant(secret, link.linkId, cookies.get(leadCookieName(link.linkId)), nowS);
    state.leadCaptured = grant.isValid;
    leadId = grant.leadId;
  }
  if (d.rules.ab?.length) state.abVariant = parseAbVariant(cookies.get(abCookieName(link.linkId)));
  return { state, leadId };
}

function respond(ctx: Context, decision: Decision, redirectStatus?: 302 | 303): MaybePromise<ShortLinkResponse> {
  const { link } = ctx;
  switch (decision.kind) {
    case "not_found":
      return statusPage(404, "not_found", link.brand);
    case "unavailable":
      return statusPage(410, "unavailable", link.brand);
    case "expired":
    case "limit_reached":
      if (decision.url) {
        record(ctx, decision.url, null);
        return redirect(ctx, decision.url, redirectStatus ?? 302);
      }
      return statusPage(410, decision.kind, link.brand);
    case "preview":
      record(ctx, null, null);
      return previewPage(ctx);
    case "password":
      return passwordPage(ctx, null);
    case "lead_capture":
      return leadPage(ctx, {}, {});
    case "redirect":
      return serveRedirect(ctx, decision, redirectStatus ?? 302);
  }
}

function serveRedirect(ctx: Context, decision: Extract<Decision, { kind: "redirect" }>, status: 302 | 303): MaybePromise<ShortLinkResponse> {
  const { link } = ctx;
  const limit = link.decidable.clickLimit;
  if (limit !== null && isHuman(ctx)) return serveLimitedRedirect(ctx, decision, status, limit);
  return forward(ctx, decision, status);
}

/** A link with a click limit: the one synchronous write of a click, as the limit must hold across instances. */
async function serveLimitedRedirect(ctx: Context, decision: Extract<Decision, { kind: "redirect" }>, status: 302 | 303, limit: number): Promise<ShortLinkResponse> {
  const { link } = ctx;
  const counted = await consumeClickAllowance(await getDb(), link.rootLinkId);
  link.decidable.humanClicks = counted ?? Math.max(link.decidable.humanClicks, limit);
  if (counted === null) return respond(ctx, decide(link.decidable, ctx.visit, ctx.visitor, ctx.now), status);
  return forward(ctx, decision, status);
}

function forward(ctx: Context, decision: Extract<Decision, { kind: "redirect" }>, status: 302 | 303): ShortLinkResponse {
  const { link } = ctx;
  if (decision.rule === "ab" && decision.abVariant !== null && decision.abVariant !== ctx.visitor.abVariant) {
    ctx.cookies.push(cookie(ctx, abCookieName(link.linkId), String(decision.abVariant), AB_TTL_SECONDS));
  }
  record(ctx, decision.url, decision.rule);
  return redirect(ctx, decision.url, status);
}

function isHuman(ctx: Context): boolean {
  return !ctx.visit.isBot && !ctx.isHead;
}

function record(ctx: Context, destination: string | null, rule: Extract<Decision, { kind: "redirect" }>["rule"] | null): void {
  const { link, visit } = ctx;
  recordClick({
    workspaceId: link.workspaceId,
    linkId: link.linkId,
    rootLinkId: link.rootLinkId,
    occurredAt: ctx.now,
    destination,
    rule,
    country: visit.country,
    region: visit.region,
    city: visit.city,
    deviceType: visit.deviceType,
    os: visit.os,
    browser: visit.browser,
    referrer: visit.referrer,
    referrerHost: visit.referrerHost,
    source: visit.source,
    isQr: visit.isQr,
    isBot: !isHuman(ctx),
    contactId: link.boundContactId ?? visit.contactId ?? ctx.leadContactId,
    visitorKey: visit.visitorKey,
  });
}

/** Appends the short URL's own query (minus `c` and `qr`) to a destination, before its fragment. */
export function withForwardedQuery(destination: string, query: string): string {
  if (!query) return destination;
  const hash = destination.indexOf("#");
  const base = hash === -1 ? destination : destination.slice(0, hash);
  const fragment = hash === -1 ? "" : destination.slice(hash);
  const joiner = base.includes("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
  return `${base}${joiner}${query.slice(1)}${fragment}`;
}

/** Header values must be ASCII: percent-encode a destination stored with raw Unicode or spaces. */
function asciiUrl(url: string): string {
  if (!/[^\x21-\x7e]/.test(url)) return url;
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

function redirect(ctx: Context, destination: string, status: 302 | 303): ShortLinkResponse {
  const headers: Record<string, string | string[]> = {
    Location: asciiUrl(withForwardedQuery(destination, forwardedQuery(ctx.req.url))),
    "Cache-Control": "private, no-store",
    "Content-Length": "0",
  };
  if (ctx.cookies.length > 0) headers["Set-Cookie"] = ctx.cookies;
  return { status, headers, body: "" };
}

function cookie(ctx: Context, name: string, value: string, maxAgeSeconds: number): string {
  return serializeCookie(name, value, {
    maxAgeSeconds,
    path: ctx.req.url.pathname,
    secure: ctx.req.url.protocol === "https:",
  });
}

function html(status: number, body: string, extra: Record<string, string | string[]> = {}): ShortLinkResponse {
  return { status, headers: { ...pageHeaders(), "Content-Length": String(Buffer.byteLength(body)), ...extra }, body };
}

function statusPage(status: number, kind: StatusPageKind, brand: PageBrand, extra?: Record<string, string>): ShortLinkResponse {
  return html(status, renderStatusPage(kind, brand), extra);
}

/** Where gate forms post: the short URL itself, query included (the contact id stays attached). */
function formAction(ctx: Context): string {
  return `${ctx.req.url.pathname}${ctx.req.url.search}`;
}

function previewPage(ctx: Context): ShortLinkResponse {
  const { link } = ctx;
  const isGated = link.decidable.hasPassword || link.decidable.leadCapture !== null;
  const shortUrl = `${ctx.req.url.protocol}//${ctx.req.url.host}${ctx.req.url.pathname}`;
  const body = renderPreviewPage({
    brand: link.brand,
    shortUrl,
    preview: link.preview,
    title: link.title,
    description: link.description,
    destination: isGated ? null : link.decidable.url,
  });
  // Unfurlers cache the card themselves; ours must not be cached by shared caches either.
  return html(200, body);
}

function passwordPage(ctx: Context, error: string | null, status = 200): ShortLinkResponse {
  const body = renderPasswordPage({ brand: ctx.link.brand, action: formAction(ctx), title: ctx.link.preview?.title ?? ctx.link.title, error });
  return html(status, body, { "X-Robots-Tag": "noindex" });
}

function leadPage(ctx: Context, values: LeadValues, errors: LeadErrors): ShortLinkResponse {
  const { link } = ctx;
  const fields: LeadField[] = leadFieldsOf(link.leadCapture);
  const body = renderLeadPage({
    brand: link.brand,
    action: formAction(ctx),
    headline: link.leadCapture?.headline?.trim() || null,
    fields,
    values,
    errors,
    ownerName: link.brand.name ?? link.workspaceName,
  });
  return html(200, body, { "X-Robots-Tag": "noindex" });
}

async function submitPassword(ctx: Context): Promise<ShortLinkResponse> {
  const { link, visit } = ctx;
  const db = await getDb();
  const limiterKey = unlockLimiterKey(ctx.secret, visit.ip, visit.visitorKey);
  const failures = await countRecentUnlockFailures(db, link.linkId, limiterKey, ctx.now);
  if (failures >= MAX_UNLOCK_FAILURES) {
    return statusPage(429, "too_many_tries", link.brand, { "Retry-After": String(UNLOCK_WINDOW_MS / 1000) });
  }
  const form = await ctx.req.readForm();
  const password = form?.get("password") ?? "";
  const isRight = password !== "" && link.passwordHash !== null && (await verifyLinkPassword(password, link.passwordHash));
  if (!isRight) {
    await recordUnlockFailure(db, link.linkId, limiterKey, ctx.now);
    const left = MAX_UNLOCK_FAILURES - failures - 1;
    const hint = left <= 2 ? ` ${left === 0 ? "This was the last try for now." : `${left} ${left === 1 ? "try" : "tries"} left.`}` : "";
    return passwordPage(ctx, `${password === "" ? "Enter the password." : "That password isn't right."}${hint}`);
  }
  const nowS = Math.floor(ctx.now.getTime() / 1000);
  ctx.cookies.push(cookie(ctx, unlockCookieName(link.linkId), signGrant(ctx.secret, "unlock", link.linkId, nowS, UNLOCK_TTL_SECONDS), UNLOCK_TTL_SECONDS));
  ctx.visitor.unlocked = true;
  return afterGate(ctx, 302);
}

async function submitLead(ctx: Context): Promise<ShortLinkResponse> {
  const { link, visit } = ctx;
  const form = (await ctx.req.readForm()) ?? new URLSearchParams();
  const submission = parseLeadForm(form, leadFieldsOf(link.leadCapture));
  if (!submission.ok) return leadPage(ctx, submission.values, submission.errors);
  const db: Db = await getDb();
  const { leadId } = await saveLead(db, {
    workspaceId: link.workspaceId,
    linkId: link.rootLinkId,
    values: submission.values,
    visitorKey: visit.visitorKey,
    contactId: link.boundContactId ?? visit.contactId,
  });
  const nowS = Math.floor(ctx.now.getTime() / 1000);
  ctx.cookies.push(cookie(ctx, leadCookieName(link.linkId), signLeadGrant(ctx.secret, link.linkId, leadId, nowS, LEAD_TTL_SECONDS), LEAD_TTL_SECONDS));
  ctx.visitor.leadCaptured = true;
  return afterGate(ctx, 303);
}

/** After a gate is passed: the destination at once, or back to the short URL for the next gate. */
async function afterGate(ctx: Context, status: 302 | 303): Promise<ShortLinkResponse> {
  const next = decide(ctx.link.decidable, ctx.visit, ctx.visitor, ctx.now);
  if (next.kind === "redirect" || ((next.kind === "expired" || next.kind === "limit_reached") && next.url)) {
    return respond(ctx, next, status);
  }
  const headers: Record<string, string | string[]> = { Location: formAction(ctx), "Cache-Control": "private, no-store", "Content-Length": "0" };
  if (ctx.cookies.length > 0) headers["Set-Cookie"] = ctx.cookies;
  return { status: 303, headers, body: "" };
}

function headerOf(headers: ShortLinkRequest["headers"], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join("; ") : (value ?? null);
}
