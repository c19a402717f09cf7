/**
 * Firing "Smart link clicked" (crm-api.md §6.2): for each identified human click, every trigger
 * subscription of the click's workspace whose filters match gets a `crm.fire_trigger` job,
 * enqueued in the click batch's own transaction (idempotency key per subscription and click, so
 * a retried batch enqueues nothing twice). The job checks the contact belongs to the location,
 * then POSTs the event to the subscription's `targetUrl` with the location's Bearer token and
 * `Version` header. A 404 or 410 from there means the workflow is gone: the subscription is
 * removed. Bots and preview fetchers never reach the hook (only identified human clicks do).
 * Delivery is at least once: a run that fails after the CRM took the event (a lost answer) is
 * retried and may deliver it again; the subscription, link and filters are read again per run.
 *
 * The event (what the workflow's later steps can use, like the trigger's `customVarsJson`):
 * ```
 * { contactId, contact: { id, name, email },
 *   link: { id, slug, shortUrl, url, title, tags[], campaign: { id, name, tags[] } | null },
 *   click: { at, country, city, device, referrer, source, qr, destination, shortUrl } }
 * ```
 * `link` is the link the contact's click counts for (a minted code's parent); `click.shortUrl`
 * is the URL actually opened (the contact's own code, when it was one).
 */
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { crmTriggerSubscriptions, links, workspaces } from "@/db/schema";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { callCrm } from "@/lib/crm/client";
import { checkContact } from "@/lib/crm/contact-check";
import { CrmError } from "@/lib/crm/errors";
import { createCrmHttp, type CrmHttp, type CrmRequest } from "@/lib/crm/http";
import type { CrmDeps } from "@/lib/crm/tokens";
import { env } from "@/lib/env";
import { PermanentJobError, type JobHandler } from "@/lib/jobs/handlers";
import { enqueueJobs, type NewJob } from "@/lib/jobs/queue";
import { shortUrlOf } from "@/lib/links/dto";
import { log } from "@/lib/log";
import { loadClickedLinks, matchesFilters, parseTriggerFilters, type ClickedLinkFacts } from "@/lib/workflows/filters";
import { TRIGGER_KEY } from "@/lib/workflows/schemas";
import { checkTriggerTarget } from "@/lib/workflows/target-url";

export const FIRE_TRIGGER_JOB = "crm.fire_trigger";

/** What a `crm.fire_trigger` job carries: the subscription and the click (the link is read when it runs). */
export const fireTriggerPayloadSchema = z.object({
  subscriptionId: z.string(),
  contactId: z.string(),
  /** The link row opened (a minted code, or the link itself). */
  linkId: z.string(),
  /** The link the click counts for. */
  rootLinkId: z.string(),
  at: z.iso.datetime({ offset: true }),
  country: z.string().nullable(),
  city: z.string().nullable(),
  device: z.string(),
  referrer: z.string().nullable(),
  source: z.string(),
  qr: z.boolean(),
  destination: z.string().nullable(),
});
export type FireTriggerPayload = z.output<typeof fireTriggerPayloadSchema>;

/** One click's identity across batch retries: the click event has no id of its own. */
function clickKey(e: ClickEvent): string {
  return createHash("sha256")
    .update(`${e.linkId}\u0000${e.contactId ?? ""}\u0000${e.occurredAt.getTime()}\u0000${e.visitorKey}`)
    .digest("base64url")
    .slice(0, 32);
}

function payloadOf(subscriptionId: string, e: ClickEvent & { contactId: string }): FireTriggerPayload {
  return {
    subscriptionId,
    contactId: e.contactId,
    linkId: e.linkId,
    rootLinkId: e.rootLinkId,
    at: e.occurredAt.toISOString(),
    country: e.country,
    city: e.city,
    device: e.deviceType,
    referrer: e.referrer,
    source: e.source,
    qr: e.isQr,
    destination: e.destination,
  };
}

const hasContact = (e: ClickEvent): e is ClickEvent & { contactId: string } => e.contactId !== null && !e.isBot;

/**
 * The click-batch hook: runs in the batch's transaction with its identified human clicks. One
 * indexed query when no workspace of the batch has a subscription.
 */
export async function enqueueTriggerFires(tx: Db, identified: readonly ClickEvent[]): Promise<void> {
  const clicks = identified.filter(hasContact);
  if (clicks.length === 0) return;
  const workspaceIds = [...new Set(clicks.map((e) => e.workspaceId))];
  const subscriptions = await tx
    .select({ id: crmTriggerSubscriptions.id, workspaceId: crmTriggerSubscriptions.workspaceId, filters: crmTriggerSubscriptions.filters })
    .from(crmTriggerSubscriptions)
    .where(and(inArray(crmTriggerSubscriptions.workspaceId, workspaceIds), eq(crmTriggerSubscriptions.triggerKey, TRIGGER_KEY)));
  if (subscriptions.length === 0) return;

  const subscribed = new Set(subscriptions.map((s) => s.workspaceId));
  const relevant = clicks.filter((e) => subscribed.has(e.workspaceId));
  const linksById = await loadClickedLinks(tx, relevant.map((e) => e.rootLinkId));
  const filtersOf = new Map(subscriptions.map((s) => [s.id, parseTriggerFilters(s.filters)]));
  const jobs: NewJob[] = [];
  for (const click of relevant) {
    const link = linksById.get(click.rootLinkId);
    if (!link || link.workspaceId !== click.workspaceId) continue;
    for (const s of subscriptions) {
      if (s.workspaceId !== click.workspaceId || !matchesFilters(filtersOf.get(s.id) ?? null, link)) continue;
      jobs.push({
        workspaceId: click.workspaceId,
        type: FIRE_TRIGGER_JOB,
        payload: payloadOf(s.id, click),
        idempotencyKey: `${FIRE_TRIGGER_JOB}:${s.id}:${clickKey(click)}`,
      });
    }
  }
  if (jobs.length > 0) await enqueueJobs(tx, jobs);
}

/** The event POSTed to the workflow's `targetUrl`. */
export function buildTriggerEvent(
  click: FireTriggerPayload,
  link: ClickedLinkFacts,
  contact: { name: string | null; email: string | null },
  openedShortUrl: string,
  shortBaseUrl: string,
): Record<string, unknown> {
  return {
    contactId: click.contactId,
    contact: { id: click.contactId, name: contact.name, email: contact.email },
    link: {
      id: link.id,
      slug: link.slug,
      shortUrl: shortUrlOf(link.domain, link.slug, shortBaseUrl),
      url: link.url,
      title: link.title,
      tags: link.tags,
      campaign: link.campaign ? { ...link.campaign, tags: link.campaignTags } : null,
    },
    click: {
      at: click.at,
      country: click.country,
      city: click.city,
      device: click.device,
      referrer: click.referrer,
      source: click.source,
      qr: click.qr,
      destination: click.destination,
      shortUrl: openedShortUrl,
    },
  };
}

/**
 * How to reach `targetUrl` through `callCrm` (token, one refresh on 401, pacing, 429 waits),
 * which speaks paths under the API base: HighLevel's execute URLs are on its API host, and the
 * sandbox's under its `/sandbox/crm`, so normally a path under the base with the client as it
 * is (paced like every CRM call of the job); otherwise the absolute URL and a client that
 * accepts it.
 */
export function crmRouteTo(targetUrl: string, deps: CrmDeps, apiBase: string): { deps: CrmDeps; path: string } {
  const base = new URL(apiBase.endsWith("/") ? apiBase : `${apiBase}/`);
  const target = new URL(targetUrl);
  if (target.origin === base.origin && target.pathname.startsWith(base.pathname)) {
    return { deps, path: `/${target.pathname.slice(base.pathname.length)}${target.search}` };
  }
  return { deps: { ...deps, http: withAbsoluteUrls(deps.http) }, path: target.href };
}

/** `http` that also takes absolute URLs as the path (paths still go to its own base, e.g. the token refresh). */
export function withAbsoluteUrls(http: CrmHttp): CrmHttp {
  return {
    request<S extends z.ZodType>(req: CrmRequest<S>) {
      if (!/^https?:\/\//i.test(req.path)) return http.request(req);
      const url = new URL(req.path);
      return createCrmHttp(url.origin).request({ ...req, path: `${url.pathname}${url.search}` });
    },
  };
}

async function openedShortUrlOf(db: Db, payload: FireTriggerPayload, link: ClickedLinkFacts, shortBaseUrl: string): Promise<string> {
  if (payload.linkId === link.id) return shortUrlOf(link.domain, link.slug, shortBaseUrl);
  const [code] = await db
    .select({ domain: links.domain, slug: links.slug })
    .from(links)
    .where(and(eq(links.workspaceId, link.workspaceId), eq(links.id, payload.linkId)))
    .limit(1);
  return code ? shortUrlOf(code.domain, code.slug, shortBaseUrl) : shortUrlOf(link.domain, link.slug, shortBaseUrl);
}

/** The `crm.fire_trigger` job. */
export const fireTriggerHandler: JobHandler = async ({ db, crm, job }) => {
  const parsed = fireTriggerPayloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("crm.fire_trigger: malformed payload");
  const payload = parsed.data;

  const [subscription] = await db
    .select()
    .from(crmTriggerSubscriptions)
    .where(and(eq(crmTriggerSubscriptions.id, payload.subscriptionId), eq(crmTriggerSubscriptions.workspaceId, job.workspaceId ?? "")))
    .limit(1);
  if (!subscription) return; // the workflow was deleted since the click
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, subscription.workspaceId)).limit(1);
  if (!workspace || workspace.status !== "active") return;
  const link = (await loadClickedLinks(db, [payload.rootLinkId])).get(payload.rootLinkId);
  if (!link || link.workspaceId !== workspace.id) return; // the link was deleted since the click
  // The workflow's filters may have been changed since the click: apply the current ones.
  if (!matchesFilters(parseTriggerFilters(subscription.filters), link)) return;

  const config = env();
  const target = checkTriggerTarget(subscription.targetUrl, config);
  if (target.problem !== null) throw new PermanentJobError(`crm.fire_trigger: refusing targetUrl (${target.problem})`);

  const deps: CrmDeps = await crm();
  // A contact id from a URL is never acted on before the CRM places it in this location.
  const contact = await checkContact(deps, workspace.id, workspace.crmLocationId, payload.contactId);
  if (!contact.belongs) return;

  const event = buildTriggerEvent(payload, link, contact, await openedShortUrlOf(db, payload, link, config.shortBaseUrl), config.shortBaseUrl);
  try {
    const route = crmRouteTo(target.url, deps, config.crm.apiBase);
    await callCrm(route.deps, workspace.crmLocationId, { method: "POST", path: route.path, json: event, schema: z.unknown() });
  } catch (err) {
    const gone = err instanceof CrmError && (err.kind === "not_found" || err.details.status === 410);
    if (!gone) throw err;
    log.info("workflow trigger target gone: subscription removed", { workspaceId: workspace.id, triggerId: subscription.triggerId });
    await db
      .delete(crmTriggerSubscriptions)
      .where(and(eq(crmTriggerSubscriptions.id, subscription.id), eq(crmTriggerSubscriptions.targetUrl, subscription.targetUrl)));
  }
};
