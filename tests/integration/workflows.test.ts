/**
 * The workflow trigger "Smart link clicked" and the action "Shorten links for contact" end to
 * end: the sandbox CRM's workflows (control API) send the subscription callback over HTTP with
 * the secret, real clicks through the short-link listener enqueue `crm.fire_trigger` jobs in the
 * click batch, the job POSTs the event to the sandbox's execute endpoint over HTTP with the
 * location's token, and the sandbox records it; the action is called over HTTP too.
 */
import { and, count, eq } from "drizzle-orm";
import { POST as shortenActionPost } from "@/app/api/crm/actions/shorten-links/route";
import { GET as triggerOptionsGet } from "@/app/api/crm/triggers/options/route";
import { POST as subscriptionPost } from "@/app/api/crm/triggers/subscription/route";
import { POST as runActionPost } from "@/app/sandbox/api/run-action/route";
import { GET as triggerEventsGet } from "@/app/sandbox/api/trigger-events/route";
import { DELETE as workflowDelete } from "@/app/sandbox/api/workflows/[id]/route";
import { GET as workflowOptionsGet } from "@/app/sandbox/api/workflows/options/route";
import { GET as workflowsGet, POST as workflowsPost } from "@/app/sandbox/api/workflows/route";
import type { Db } from "@/db/client";
import { crmTriggerSubscriptions, jobs, links, sandboxTriggerEvents, sandboxWorkflows, workspaces } from "@/db/schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { flushClicks } from "@/lib/clicks/record-click";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { activateWorkspace } from "@/lib/installs/install-app";
import { runDueJobs } from "@/lib/jobs/worker";
import { createLink } from "@/lib/links/create-link";
import { createLinkSchema, type CreateLinkInput } from "@/lib/links/schemas";
import { SANDBOX_LOCATION_IDS } from "@/lib/sandbox/seed";
import { sandboxTriggerEventSchema, sandboxWorkflowSchema, type SandboxWorkflowDto } from "@/lib/sandbox/workflow-schemas";
import { enqueueTriggerFires, FIRE_TRIGGER_JOB } from "@/lib/workflows/fire-trigger";
import { registerWorkflowEffects } from "@/lib/workflows/register";
import { call, expectError } from "@/tests/integration/api-test-kit";
import { startCrmApp, workspaceOfLocation, type CrmApp } from "@/tests/integration/crm-app-kit";
import { clickEvent } from "@/tests/helpers/click-event";
import { rawRequest, startShortLinkServer, type ShortLinkServer } from "@/tests/helpers/short-link-server";
import { z } from "zod";

const { sunrise, harbor, maple } = SANDBOX_LOCATION_IDS;
const OLIVIA = "sbx_ct_sunrise_01";
const LIAM = "sbx_ct_sunrise_02";
const HARBOR_CONTACT = "sbx_ct_harbor_01";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const WHATSAPP = "WhatsApp/2.23.20.0 A";
const HL_TARGET = "https://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/wf1/tr1";

let app: CrmApp;
let shortLinks: ShortLinkServer;
let db: Db;
let sunriseWs: string;
let harborWs: string;

beforeAll(async () => {
  app = await startCrmApp();
  shortLinks = await startShortLinkServer();
  db = await getDb();
  sunriseWs = (await workspaceOfLocation(sunrise)).id;
  harborWs = (await workspaceOfLocation(harbor)).id;
  registerWorkflowEffects();
});
afterAll(async () => {
  await shortLinks?.close();
  await flushClicks();
  await app?.close();
});

const secret = () => ({ "x-smart-links-secret": env().workflowSecret });
const subscribe = (body: unknown, headers: Record<string, string> = secret()) => call(subscriptionPost, "POST", "/api/crm/triggers/subscription", { headers, body });
const runAction = (body: unknown, headers: Record<string, string> = secret()) => call(shortenActionPost, "POST", "/api/crm/actions/shorten-links", { headers, body });

let seq = 0;
function subscription(overrides: { eventType?: string; id?: string; locationId?: string; targetUrl?: string; filters?: unknown[]; key?: string } = {}) {
  return {
    triggerData: {
      id: overrides.id ?? `trg-${++seq}`,
      key: overrides.key ?? "smart_link_clicked",
      filters: overrides.filters ?? [],
      eventType: overrides.eventType ?? "CREATED",
      targetUrl: overrides.targetUrl ?? HL_TARGET,
    },
    meta: { key: "smart_link_clicked", version: "1.0" },
    extras: { locationId: overrides.locationId ?? sunrise, workflowId: `wf-${seq}`, companyId: "sbx_agency" },
  };
}

async function storedSubscription(triggerId: string) {
  const [row] = await db.select().from(crmTriggerSubscriptions).where(eq(crmTriggerSubscriptions.triggerId, triggerId));
  return row;
}

async function link(workspaceId: string, input: CreateLinkInput) {
  return (await createLink(db, { workspaceId, userId: null }, createLinkSchema.parse(input))).row;
}

async function sandboxWorkflow(name: string, filters: Record<string, string[]> = {}, locationId: string = sunrise): Promise<SandboxWorkflowDto> {
  const res = await call(workflowsPost, "POST", "/sandbox/api/workflows", { body: { locationId, name, filters } });
  const body: unknown = await res.json();
  if (res.status !== 201) throw new Error(`workflow not created: ${res.status} ${JSON.stringify(body)}`);
  return z.object({ workflow: sandboxWorkflowSchema }).parse(body).workflow;
}

async function eventsOf(workflowId: string) {
  return db.select().from(sandboxTriggerEvents).where(eq(sandboxTriggerEvents.workflowId, workflowId));
}

/** A click over real HTTP, then everything it causes: the click batch (and its hook), then the due jobs. */
async function click(path: string, userAgent = IPHONE): Promise<void> {
  const res = await rawRequest(shortLinks.port, path, { headers: { "user-agent": userAgent } });
  expect([200, 302]).toContain(res.status);
  await flushClicks();
  await runDueJobs();
}

async function fireJobs(workspaceId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(jobs).where(and(eq(jobs.type, FIRE_TRIGGER_JOB), eq(jobs.workspaceId, workspaceId)));
  return row?.n ?? 0;
}

describe("subscription callback", () => {
  it("refuses callers without the secret (401) and stores nothing", async () => {
    const body = subscription();
    await expectError(await subscribe(body, {}), 401, "invalid_signature");
    await expectError(await subscribe(body, { "x-smart-links-secret": "wrong" }), 401, "invalid_signature");
    await expectError(await subscribe(body, { "x-smart-links-secret": `${env().workflowSecret}x` }), 401, "invalid_signature");
    expect(await storedSubscription(body.triggerData.id)).toBeUndefined();
  });

  it("stores CREATED, updates on UPDATED, removes on DELETED", async () => {
    const created = subscription({ filters: [{ field: "tag", id: "f1", operator: "==", title: "Tag", type: "select", value: "vip" }] });
    const res = await subscribe(created);
    expect(res.status).toBe(200);
    const first = await storedSubscription(created.triggerData.id);
    expect(first).toMatchObject({
      workspaceId: sunriseWs,
      triggerKey: "smart_link_clicked",
      targetUrl: HL_TARGET,
      workflowId: created.extras.workflowId,
      triggerVersion: "1.0",
      filters: created.triggerData.filters,
    });
    expect(await res.json()).toEqual({ ok: true, eventType: "CREATED", subscriptionId: first?.id, triggerId: created.triggerData.id });

    const updatedTarget = "https://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/wf1/tr1-v2";
    const updated = { ...created, triggerData: { ...created.triggerData, eventType: "UPDATED", targetUrl: updatedTarget, filters: [] } };
    expect((await subscribe(updated)).status).toBe(200);
    expect(await storedSubscription(created.triggerData.id)).toMatchObject({ id: first?.id, targetUrl: updatedTarget, filters: [] });

    const deleted = { ...created, triggerData: { id: created.triggerData.id, key: "smart_link_clicked", eventType: "DELETED" } };
    const gone = await subscribe(deleted);
    expect(await gone.json()).toEqual({ ok: true, eventType: "DELETED", triggerId: created.triggerData.id, deleted: true });
    expect(await storedSubscription(created.triggerData.id)).toBeUndefined();
    expect(await (await subscribe(deleted)).json()).toMatchObject({ deleted: false });
  });

  it.each([
    ["https://evil.example/workflows-marketplace/triggers/execute/a/b"],
    ["http://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/a/b"],
    ["https://services.leadconnectorhq.com/contacts/abc"],
    ["https://services.leadconnectorhq.com/workflows-marketplace/triggers/execute/../../contacts/x"],
    ["http://169.254.169.254/latest/meta-data/"],
    ["http://127.0.0.1:5432/"],
    ["file:///etc/passwd"],
  ])("refuses the target %s (SSRF guard)", async (targetUrl) => {
    const body = subscription({ targetUrl });
    const error = await expectError(await subscribe(body), 422, "invalid_input");
    expect(error.details).toEqual({ fieldErrors: { "triggerData.targetUrl": [expect.any(String)] } });
    expect(await storedSubscription(body.triggerData.id)).toBeUndefined();
  });

  it("refuses unknown locations (404), uninstalled ones (403) and wrong payloads (422)", async () => {
    await expectError(await subscribe(subscription({ locationId: "loc-nobody" })), 404, "not_found");
    await expectError(await subscribe(subscription({ locationId: maple })), 404, "not_found");
    await expectError(await subscribe(subscription({ key: "something_else" })), 422, "invalid_input");
    await expectError(await subscribe(subscription({ filters: [{ field: "country", value: "US" }] })), 422, "invalid_input");
    await expectError(await subscribe(subscription({ filters: [{ field: "tag", operator: "!=", value: "x" }] })), 422, "invalid_input");
    const noTarget = subscription();
    await expectError(await subscribe({ ...noTarget, triggerData: { ...noTarget.triggerData, targetUrl: undefined } }), 422, "invalid_input");
    await expectError(await call(subscriptionPost, "POST", "/api/crm/triggers/subscription", { headers: secret(), rawBody: "nope" }), 400, "invalid_json");

    const gone = await activateWorkspace(db, { locationId: "loc-uninstalled", plan: "pro" });
    const kept = subscription({ locationId: "loc-uninstalled" });
    expect((await subscribe(kept)).status).toBe(200);
    await db.update(workspaces).set({ status: "uninstalled", uninstalledAt: new Date() }).where(eq(workspaces.id, gone.id));
    await expectError(await subscribe(subscription({ locationId: "loc-uninstalled" })), 403, "app_not_installed");
    // Removing is always allowed.
    expect((await subscribe({ ...kept, triggerData: { ...kept.triggerData, eventType: "DELETED" } })).status).toBe(200);
    expect(await storedSubscription(kept.triggerData.id)).toBeUndefined();
  });

  it("never moves a trigger id to another location (409)", async () => {
    const mine = subscription();
    expect((await subscribe(mine)).status).toBe(200);
    await expectError(await subscribe(subscription({ id: mine.triggerData.id, locationId: harbor, eventType: "UPDATED" })), 409, "conflict");
    expect(await storedSubscription(mine.triggerData.id)).toMatchObject({ workspaceId: sunriseWs });
    // A DELETED for another location does not remove it either.
    await subscribe(subscription({ id: mine.triggerData.id, locationId: harbor, eventType: "DELETED" }));
    expect(await storedSubscription(mine.triggerData.id)).toMatchObject({ workspaceId: sunriseWs });
    await subscribe({ ...mine, triggerData: { ...mine.triggerData, eventType: "DELETED" } });
  });
});

describe("firing the trigger", () => {
  let vipLink: Awaited<ReturnType<typeof link>>;
  let otherLink: Awaited<ReturnType<typeof link>>;
  let vipWorkflow: SandboxWorkflowDto;
  let otherWorkflow: SandboxWorkflowDto;

  beforeAll(async () => {
    vipLink = await link(sunriseWs, { url: "https://example.com/vip", title: "VIP offer", tags: ["vip"] });
    otherLink = await link(sunriseWs, { url: "https://example.com/other" });
    vipWorkflow = await sandboxWorkflow("VIP clicked", { tag: ["VIP"] });
    otherWorkflow = await sandboxWorkflow("Other link clicked", { link: [otherLink.id] });
  });

  it("saving a sandbox workflow subscribed it through the callback, with the sandbox's execute URL", async () => {
    const stored = await storedSubscription(vipWorkflow.triggerId);
    expect(stored).toMatchObject({
      workspaceId: sunriseWs,
      workflowId: vipWorkflow.id,
      targetUrl: `${env().appUrl}/sandbox/crm/workflows-marketplace/triggers/execute/${vipWorkflow.id}/${vipWorkflow.triggerId}`,
      filters: [expect.objectContaining({ field: "tag", operator: "==", value: ["VIP"] })],
    });
    const list = await call(workflowsGet, "GET", `/sandbox/api/workflows?locationId=${sunrise}`);
    const names = z.object({ workflows: z.array(sandboxWorkflowSchema) }).parse(await list.json()).workflows.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["VIP clicked", "Other link clicked"]));
  });

  it("an identified human click on a matching link fires one event with contact, link and click fields", async () => {
    await click(`/${vipLink.slug}?c=${OLIVIA}&utm_x=1`);
    const events = await eventsOf(vipWorkflow.id);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.contactId).toBe(OLIVIA);
    expect(event?.payload).toEqual({
      contactId: OLIVIA,
      contact: { id: OLIVIA, name: "Olivia Johnson", email: expect.stringContaining("olivia") },
      link: {
        id: vipLink.id,
        slug: vipLink.slug,
        shortUrl: `${env().shortBaseUrl}/${vipLink.slug}`,
        url: "https://example.com/vip",
        title: "VIP offer",
        tags: ["vip"],
        campaign: null,
      },
      click: {
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        country: null,
        city: null,
        device: "mobile",
        referrer: null,
        source: "direct",
        qr: false,
        destination: "https://example.com/vip",
        shortUrl: `${env().shortBaseUrl}/${vipLink.slug}`,
      },
    });
    // The link filter of the other workflow does not match.
    expect(await eventsOf(otherWorkflow.id)).toHaveLength(0);

    const res = await call(triggerEventsGet, "GET", `/sandbox/api/trigger-events?locationId=${sunrise}`);
    const listed = z.object({ events: z.array(sandboxTriggerEventSchema) }).parse(await res.json()).events;
    expect(listed[0]).toMatchObject({ workflowName: "VIP clicked", contactId: OLIVIA, contactName: "Olivia Johnson", link: { id: vipLink.id, title: "VIP offer" } });
  });

  it("fires nothing for bots, for anonymous clicks, or for a contact of another location", async () => {
    const before = await fireJobs(sunriseWs);
    await click(`/${vipLink.slug}?c=${OLIVIA}`, WHATSAPP);
    await click(`/${vipLink.slug}`);
    expect(await fireJobs(sunriseWs)).toBe(before);

    // The job runs, but the CRM says the contact is not Sunrise's: nothing is sent.
    await click(`/${vipLink.slug}?c=${HARBOR_CONTACT}`);
    expect(await fireJobs(sunriseWs)).toBe(before + 1);
    expect(await eventsOf(vipWorkflow.id)).toHaveLength(1);
    const dead = await db.select().from(jobs).where(and(eq(jobs.type, FIRE_TRIGGER_JOB), eq(jobs.status, "dead")));
    expect(dead).toEqual([]);
  });

  it("fires for a minted code with its contact bound, and with the code's link as the link", async () => {
    const res = await runAction({
      data: { message: "Your VIP pass: https://example.com/pass", tags: "vip, sms" },
      extras: { locationId: sunrise, workflowId: "wf-x", contactId: LIAM },
      meta: { key: "shorten_links_for_contact", version: "1.0" },
    });
    expect(res.status).toBe(200);
    const { shortUrl, links: made } = z.object({ shortUrl: z.string(), links: z.array(z.object({ id: z.string() })) }).parse(await res.json());
    await click(`/${shortUrl.slice(shortUrl.lastIndexOf("/") + 1)}`);
    const events = await eventsOf(vipWorkflow.id);
    expect(events).toHaveLength(2);
    const latest = events.find((e) => e.contactId === LIAM);
    expect(latest?.payload).toMatchObject({
      contactId: LIAM,
      link: { id: made[0]?.id, url: "https://example.com/pass", tags: ["sms", "vip"] },
      click: { shortUrl },
    });
  });

  it("keeps workspaces apart: Harbor's clicks never fire Sunrise's workflows", async () => {
    const harborLink = await link(harborWs, { url: "https://example.com/harbor", tags: ["vip"] });
    const before = (await eventsOf(vipWorkflow.id)).length;
    await click(`/${harborLink.slug}?c=${HARBOR_CONTACT}`);
    expect(await fireJobs(harborWs)).toBe(0);
    expect(await eventsOf(vipWorkflow.id)).toHaveLength(before);

    const harborWorkflow = await sandboxWorkflow("Harbor any click", {}, harbor);
    await click(`/${harborLink.slug}?c=${HARBOR_CONTACT}`);
    expect(await eventsOf(harborWorkflow.id)).toHaveLength(1);
    expect(await eventsOf(vipWorkflow.id)).toHaveLength(before);
  });

  it("enqueues each (subscription, click) once, however often a batch is retried", async () => {
    const event = clickEvent(sunriseWs, vipLink.id, { contactId: OLIVIA, occurredAt: new Date("2026-11-21T08:00:00Z") });
    const before = await fireJobs(sunriseWs);
    await db.transaction((tx) => enqueueTriggerFires(tx, [event, { ...event, isBot: true, visitorKey: "b".repeat(22) }]));
    await db.transaction((tx) => enqueueTriggerFires(tx, [event]));
    expect(await fireJobs(sunriseWs)).toBe(before + 1);
    await runDueJobs();
  });

  it("removes a subscription whose target answers 404 (workflow gone from the CRM)", async () => {
    const doomed = await sandboxWorkflow("Deleted in the CRM");
    await db.delete(sandboxWorkflows).where(eq(sandboxWorkflows.id, doomed.id));
    await click(`/${otherLink.slug}?c=${OLIVIA}`);
    expect(await storedSubscription(doomed.triggerId)).toBeUndefined();
    // The other workflows still fired.
    expect(await eventsOf(otherWorkflow.id)).toHaveLength(1);
  });

  it("deleting a sandbox workflow sends DELETED: clicks stop firing it", async () => {
    const res = await call(workflowDelete, "DELETE", `/sandbox/api/workflows/${otherWorkflow.id}`, { params: { id: otherWorkflow.id } });
    expect(await res.json()).toEqual({ ok: true });
    expect(await storedSubscription(otherWorkflow.triggerId)).toBeUndefined();
    const before = await fireJobs(sunriseWs);
    await click(`/${otherLink.slug}?c=${OLIVIA}`);
    expect(await fireJobs(sunriseWs)).toBe(before);
  });

  it("refuses a workflow on a location without the app (409)", async () => {
    await expectError(await call(workflowsPost, "POST", "/sandbox/api/workflows", { body: { locationId: maple, name: "Nope" } }), 409, "conflict");
    await expectError(await call(workflowsPost, "POST", "/sandbox/api/workflows", { body: { locationId: sunrise, name: " " } }), 422, "invalid_input");
  });
});

describe("action: shorten links for contact", () => {
  const payload = (data: Record<string, unknown>, extras: Record<string, unknown> = {}) => ({
    data,
    extras: { locationId: sunrise, workflowId: "wf-action", contactId: OLIVIA, ...extras },
    meta: { key: "shorten_links_for_contact", version: "1.0" },
  });

  it("refuses callers without the secret", async () => {
    await expectError(await runAction(payload({ message: "https://example.com" }), {}), 401, "invalid_signature");
  });

  it("returns the message with the contact's links and the first short URL as outputs", async () => {
    const campaign = await createCampaign(db, sunriseWs, { name: "Recall", tags: [] });
    const res = await runAction(payload({ message: "Book https://example.com/a, or call. Map: https://example.com/b.", campaignId: campaign.id, tags: ["sms"] }));
    expect(res.status).toBe(200);
    const out = z
      .object({ message: z.string(), shortUrl: z.string(), links: z.array(z.object({ original: z.string(), shortUrl: z.string(), id: z.string(), codeId: z.string() })) })
      .parse(await res.json());
    const [a, b] = out.links;
    expect(out.message).toBe(`Book ${a?.shortUrl}, or call. Map: ${b?.shortUrl}.`);
    expect(out.shortUrl).toBe(a?.shortUrl);
    const [code] = await db.select().from(links).where(eq(links.id, a?.codeId ?? ""));
    expect(code).toMatchObject({ contactId: OLIVIA, parentLinkId: a?.id, workspaceId: sunriseWs });
    const [parent] = await db.select().from(links).where(eq(links.id, a?.id ?? ""));
    expect(parent?.campaignId).toBe(campaign.id);
  });

  it("answers an empty shortUrl for a message without URLs, and plain links without a contact", async () => {
    expect(await (await runAction(payload({ message: "No links today." }))).json()).toEqual({ message: "No links today.", shortUrl: "", links: [], skipped: [] });
    const plain = (await (await runAction(payload({ message: "https://example.com/p" }, { contactId: undefined }))).json()) as { links: { codeId: string | null }[] };
    expect(plain.links[0]?.codeId).toBeNull();
  });

  it("never acts for a contact of another location, nor for an unknown location", async () => {
    const before = await db.select({ n: count() }).from(links).where(eq(links.workspaceId, sunriseWs));
    await expectError(await runAction(payload({ message: "https://example.com/x" }, { contactId: HARBOR_CONTACT })), 422, "invalid_input");
    await expectError(await runAction(payload({ message: "https://example.com/x" }, { locationId: "loc-nobody" })), 404, "not_found");
    await expectError(await runAction({ data: {}, extras: { locationId: sunrise } }), 422, "invalid_input");
    expect(await db.select({ n: count() }).from(links).where(eq(links.workspaceId, sunriseWs))).toEqual(before);
  });

  it("runs from the sandbox's workflows page over HTTP and shows what the app answered", async () => {
    const res = await call(runActionPost, "POST", "/sandbox/api/run-action", { body: { locationId: sunrise, contactId: LIAM, message: "See https://example.com/s" } });
    const result = z.object({ ok: z.boolean(), status: z.number(), response: z.object({ message: z.string(), shortUrl: z.string() }) }).parse(await res.json());
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(result.response.message).toBe(`See ${result.response.shortUrl}`);

    const refused = await call(runActionPost, "POST", "/sandbox/api/run-action", { body: { locationId: sunrise, message: "x".repeat(10), campaignId: "cmp_not_mine" } });
    expect(await refused.json()).toMatchObject({ ok: false, status: 422, response: { error: { code: "invalid_input" } } });
    await expectError(await call(runActionPost, "POST", "/sandbox/api/run-action", { body: { locationId: sunrise, contactId: HARBOR_CONTACT, message: "x" } }), 404, "not_found");
  });
});

describe("filter options", () => {
  it("lists the location's own links, tags and campaigns (secret required)", async () => {
    const mine = await link(sunriseWs, { url: "https://example.com/opt", title: "Options link", tags: ["opt-tag"] });
    const theirs = await link(harborWs, { url: "https://example.com/theirs", tags: ["harbor-only"] });
    const get = (field: string, headers: Record<string, string> = secret()) =>
      call(triggerOptionsGet, "GET", `/api/crm/triggers/options?field=${field}&locationId=${sunrise}`, { headers });
    await expectError(await get("link", {}), 401, "invalid_signature");
    await expectError(await get("country"), 422, "invalid_input");
    const linkOptions = ((await (await get("link")).json()) as { options: { label: string; value: string }[] }).options;
    expect(linkOptions).toContainEqual({ label: `Options link (${env().shortBaseUrl}/${mine.slug})`, value: mine.id });
    expect(linkOptions.map((o) => o.value)).not.toContain(theirs.id);
    const tagOptions = ((await (await get("tag")).json()) as { options: { value: string }[] }).options.map((o) => o.value);
    expect(tagOptions).toContain("opt-tag");
    expect(tagOptions).not.toContain("harbor-only");

    const viaSandbox = await call(workflowOptionsGet, "GET", `/sandbox/api/workflows/options?locationId=${sunrise}`);
    const options = z.object({ link: z.array(z.object({ value: z.string() })), tag: z.array(z.object({ value: z.string() })), campaign: z.array(z.object({ value: z.string() })) }).parse(await viaSandbox.json());
    expect(options.link.map((o) => o.value)).toContain(mine.id);
    expect(options.tag.map((o) => o.value)).toContain("opt-tag");
  });
});
