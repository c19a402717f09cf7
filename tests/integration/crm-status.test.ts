/**
 * Settings → CRM: the sync status figures from known jobs, the unresolved list with its
 * descriptions and paging, retry and dismiss, workspace isolation (another workspace's ids are
 * 404), and Test writeback against the sandbox CRM over real HTTP — including a CRM that is
 * down, slow, refusing or not installed, which must end in a clear failed step and never hang.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { GET as getStatusRoute } from "@/app/app/settings/crm/status/route";
import { GET as getUnresolvedRoute } from "@/app/app/settings/crm/unresolved/route";
import { GET as getSandboxContact } from "@/app/sandbox/api/contacts/[id]/route";
import type { Db } from "@/db/client";
import { crmContacts, jobs, leads, links, users, type NewJobRow } from "@/db/schema";
import { signSessionToken } from "@/lib/auth/session-token";
import { getCrmDeps } from "@/lib/crm/deps";
import { createCrmHttp } from "@/lib/crm/http";
import { exchangeCode } from "@/lib/crm/oauth";
import { saveLocationTokens } from "@/lib/crm/tokens";
import { crmContactUrl } from "@/lib/crm-status/contact-url";
import { getCrmStatus, listUnresolved, utcMidnight } from "@/lib/crm-status/queries";
import { dismissJob, retryAllJobs, retryJob } from "@/lib/crm-status/resolve-jobs";
import { crmStatusSchema, testWritebackResultSchema, unresolvedPageSchema, type TestWritebackResultDto } from "@/lib/crm-status/schemas";
import { runTestWriteback, TEST_CONTACT_TAG, testContactEmail } from "@/lib/crm-status/test-writeback";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { activateWorkspace, completeOAuthInstall } from "@/lib/installs/install-app";
import { handleSandboxCrmRequest } from "@/lib/sandbox/crm-api";
import { setFault, SLOW_FAULT_DELAY_MS } from "@/lib/sandbox/faults";
import { createOAuthCode } from "@/lib/sandbox/oauth";
import { SANDBOX_COMPANY_ID, SANDBOX_LOCATION_IDS, SANDBOX_USER_IDS, seedSandbox } from "@/lib/sandbox/seed";
import { useTestDatabase } from "@/tests/helpers/db";
import { serve } from "@/tests/helpers/serve-fetch";

const { sunrise, harbor } = SANDBOX_LOCATION_IDS;

let server: http.Server;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let db: Db;
/** Sunrise Dental, installed through the real OAuth code exchange. */
let a: { id: string; userId: string; token: string };
/** Harbor Fitness, installed too: the other tenant. */
let b: { id: string; userId: string; token: string };

/** The sandbox CRM's API and its contacts control route, on a real socket at APP_URL. */
async function sandboxHandler(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  const contact = /^\/sandbox\/api\/contacts\/([^/]+)$/.exec(pathname);
  if (contact?.[1]) return getSandboxContact(req, { params: Promise.resolve({ id: decodeURIComponent(contact[1]) }) });
  return handleSandboxCrmRequest(req);
}

async function install(locationId: string, crmUserId: string): Promise<{ id: string; userId: string; token: string }> {
  const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId });
  const [workspace] = await completeOAuthInstall(await getCrmDeps(), env().crm.planIds, code);
  if (!workspace) throw new Error("install failed");
  const userId = newId("usr");
  await db.insert(users).values({ id: userId, workspaceId: workspace.id, crmUserId, name: `Admin of ${workspace.name}`, email: `${crmUserId}@example.com`, role: "admin" });
  const { token } = await signSessionToken(env().sessionSecret, { workspaceId: workspace.id, userId, role: "admin" });
  return { id: workspace.id, userId, token };
}

beforeAll(async () => {
  server = serve(sandboxHandler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.APP_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.SANDBOX_SHELL_URL = "http://shell.example.test";
  database = await useTestDatabase();
  db = await getDb();
  await seedSandbox(db);
  a = await install(sunrise, SANDBOX_USER_IDS.sunriseAdmin);
  b = await install(harbor, SANDBOX_USER_IDS.harborAdmin);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
});
afterEach(async () => {
  await setFault(db, { mode: "none" });
});

let seq = 0;
async function addJob(workspaceId: string, row: Partial<NewJobRow> & { type: string }): Promise<string> {
  const id = newId("job");
  await db.insert(jobs).values({ id, workspaceId, idempotencyKey: `test:${id}:${++seq}`, payload: {}, ...row });
  return id;
}

const HOUR = 60 * 60_000;

describe("sync status", () => {
  // Noon UTC, so "today" and "the last 24 hours" are unambiguous.
  const now = new Date(Date.UTC(2026, 10, 20, 12, 0, 0));
  const ago = (ms: number) => new Date(now.getTime() - ms);
  let ws: { id: string };

  beforeAll(async () => {
    ws = await activateWorkspace(db, { locationId: "loc-status", name: "Status Co" });
    const done = (type: string, at: Date) => addJob(ws.id, { type, status: "done", attempts: 1, completedAt: at, updatedAt: at, createdAt: at, runAt: at });
    await done("crm.tag_contact", ago(1 * HOUR));
    await done("crm.tag_contact", ago(2 * HOUR));
    await done("crm.update_contact_fields", ago(3 * HOUR));
    await done("crm.add_note", ago(30 * 60_000)); // the latest success
    await done("crm.upsert_lead", ago(4 * HOUR));
    await done("crm.fire_trigger", ago(5 * HOUR));
    await done("crm.refresh_contact_names", ago(6 * HOUR)); // a CRM call, not an effect on a contact
    await done("something.new", ago(7 * HOUR)); // unknown types still count, as "other"
    await done("crm.tag_contact", ago(13 * HOUR)); // yesterday (UTC)
    await addJob(ws.id, { type: "crm.tag_contact", status: "pending", runAt: now, updatedAt: now });
    await addJob(ws.id, { type: "crm.add_note", status: "pending", runAt: new Date(now.getTime() + 60_000), attempts: 2, lastError: "unavailable: The CRM answered 503", updatedAt: ago(60_000) });
    await addJob(ws.id, { type: "crm.tag_contact", status: "running", attempts: 1, lockedAt: now, lockedBy: "w:1:1", updatedAt: now });
    await addJob(ws.id, { type: "crm.tag_contact", status: "dead", attempts: 8, lastError: "The CRM answered 503", updatedAt: ago(2 * HOUR) });
    await addJob(ws.id, { type: "crm.add_note", status: "dead", attempts: 1, lastError: "not_found: Contact not found", updatedAt: ago(30 * HOUR) });
    await addJob(ws.id, { type: "crm.add_note", status: "dead", attempts: 1, lastError: "x", updatedAt: ago(3 * HOUR), dismissedAt: ago(HOUR) });
    // The app's own upkeep: neither a failure to count nor unresolved activity.
    await addJob(ws.id, { type: "crm.refresh_contact_names", status: "dead", attempts: 5, lastError: "unavailable: The CRM answered 503", updatedAt: ago(10_000) });
    // Another workspace's jobs never count.
    await addJob(b.id, { type: "crm.tag_contact", status: "done", completedAt: ago(HOUR), updatedAt: ago(10_000) });
    await addJob(b.id, { type: "crm.tag_contact", status: "dead", lastError: "boom", updatedAt: ago(1_000) });
    await addJob(b.id, { type: "crm.tag_contact", status: "pending" });
  });

  it("counts effects today by kind, the queue, failures and the last success and failure", async () => {
    const status = await getCrmStatus(db, { workspaceId: ws.id, userId: "nobody", mode: "sandbox" }, now);
    expect(status.today).toEqual({
      since: utcMidnight(now).toISOString(),
      total: 7,
      byKind: { tags: 2, contact_updates: 1, notes: 1, leads: 1, triggers: 1, contact_names: 1, other: 1 },
    });
    expect(status.queue).toEqual({ pending: 2, running: 1, retrying: 1, nextRetryAt: new Date(now.getTime() + 60_000).toISOString() });
    expect(status.failures24h).toEqual({ dead: 2, retrying: 1 });
    expect(status.unresolved).toBe(2);
    expect(status.lastSuccess).toEqual({ at: ago(30 * 60_000).toISOString(), effect: "Add a timeline note" });
    expect(status.lastFailure).toEqual({ at: ago(60_000).toISOString(), effect: "Add a timeline note", reason: "CRM down", status: "retrying" });
    expect(status.connection).toMatchObject({ isInstalled: false, hasAccessToken: false, locationId: "loc-status", locationName: "Status Co", installedBy: null, currentUser: null });
  });

  it("shows the connected location, who installed it and who is signed in, through the route for the session's workspace", async () => {
    const res = await getStatusRoute(new Request("http://localhost/app/settings/crm/status", { headers: { authorization: `Bearer ${a.token}` } }), {});
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const status = crmStatusSchema.parse(await res.json());
    expect(status.connection).toMatchObject({
      mode: "sandbox",
      crmName: "Sandbox CRM",
      locationId: sunrise,
      locationName: "Sunrise Dental",
      isInstalled: true,
      hasAccessToken: true,
      hasRefreshToken: true,
      missingScopes: [],
      installedBy: { crmUserId: SANDBOX_USER_IDS.sunriseAdmin, name: "Admin of Sunrise Dental" },
      currentUser: { crmUserId: SANDBOX_USER_IDS.sunriseAdmin, role: "admin" },
    });
    expect(status.today.total).toBe(0);
    expect(status.unresolved).toBe(0);
  });

  it("refuses a missing session with 401 and a bad cursor with 422", async () => {
    const res = await getStatusRoute(new Request("http://localhost/app/settings/crm/status"), {});
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: "Sign in again: open Smart Links from your CRM" } });
    const bad = await getUnresolvedRoute(new Request("http://localhost/app/settings/crm/unresolved?cursor=nonsense", { headers: { authorization: `Bearer ${a.token}` } }), {});
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });
});

describe("unresolved activity", () => {
  let linkId: string;
  const contactId = "sbx_ct_sunrise_07";

  beforeAll(async () => {
    linkId = newId("lnk");
    await db.insert(links).values({ id: linkId, workspaceId: a.id, slug: `promo-${seq}`, url: "https://example.com/", title: "Spring promo" });
    await db.insert(crmContacts).values({ workspaceId: a.id, contactId, belongsToLocation: true, name: "Jane Doe", email: "jane@example.com", verifiedAt: new Date() });
  });

  it("lists dead, undismissed jobs newest first, described for people, one page at a time", async () => {
    const t = Date.now();
    const otherLink = newId("lnk");
    await db.insert(links).values({ id: otherLink, workspaceId: a.id, slug: `other-${seq}`, url: "https://example.com/other" });
    const leadId = newId("lead");
    await db.insert(leads).values({ id: leadId, workspaceId: a.id, linkId, name: "Lee Lead", email: "lee@example.com", visitorKey: "v".repeat(22) });
    const oldest = await addJob(a.id, { type: "crm.tag_contact", status: "dead", attempts: 12, maxAttempts: 12, lastError: "unavailable: The CRM answered 503", payload: { contactId, linkIds: [linkId, otherLink], clicks: 3 }, updatedAt: new Date(t - 4_000) });
    const lead = await addJob(a.id, { type: "crm.upsert_lead", status: "dead", attempts: 1, lastError: "rejected: email must be an email", payload: { leadId, linkId }, updatedAt: new Date(t - 3_000) });
    const middle = await addJob(a.id, { type: "crm.add_note", status: "dead", attempts: 1, lastError: "not_found: Contact not found", payload: { contactId: "ct_unknown", clicks: 1, events: [{ rootLinkId: linkId, linkId }] }, updatedAt: new Date(t - 2_000) });
    const newest = await addJob(a.id, { type: "crm.update_contact_fields", status: "dead", attempts: 1, lastError: "forbidden: The token does not have access to this location.", payload: { contactId, clicks: 1 }, updatedAt: new Date(t - 1_000) });
    await addJob(a.id, { type: "crm.tag_contact", status: "dead", lastError: "x", dismissedAt: new Date(), updatedAt: new Date(t) });
    await addJob(a.id, { type: "crm.tag_contact", status: "pending", lastError: "unavailable: retrying" });

    const first = await listUnresolved(db, a.id, { limit: 2, shortBaseUrl: "https://sl.test" });
    expect(first.total).toBe(4);
    expect(first.items.map((i) => i.id)).toEqual([newest, middle]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listUnresolved(db, a.id, { limit: 2, cursor: first.nextCursor ?? undefined, shortBaseUrl: "https://sl.test" });
    expect(second.items.map((i) => i.id)).toEqual([lead, oldest]);
    expect(second.nextCursor).toBeNull();

    const [fields, note] = first.items;
    expect(fields).toMatchObject({ kind: "contact_updates", effect: "Update contact fields", contact: { id: contactId, name: "Jane Doe", email: "jane@example.com", isErased: false }, link: null, reason: { code: "permission_denied", label: "Permission denied" } });
    expect(note).toMatchObject({ kind: "notes", contact: { id: "ct_unknown", name: null }, link: { id: linkId, title: "Spring promo", shortUrl: expect.stringMatching(/^https:\/\/sl\.test\/promo-/), otherLinks: 0 }, reason: { code: "contact_not_found", label: "Contact not found" } });
    expect(second.items[0]).toMatchObject({ kind: "leads", contact: { id: null, name: "Lee Lead", email: "lee@example.com" }, link: { id: linkId }, reason: { code: "rejected", label: "Rejected by the CRM" } });
    expect(second.items[1]).toMatchObject({ kind: "tags", effect: "Add tags", what: ["3 clicks"], link: { id: linkId, otherLinks: 1 }, reason: { code: "gave_up", label: "Gave up after 12 tries" }, attempts: 12, maxAttempts: 12 });
    expect(second.items[1]?.reason.message).toContain("the CRM was down or unreachable");

    // The same through the route, for the session's workspace only.
    const res = await getUnresolvedRoute(new Request("http://localhost/app/settings/crm/unresolved", { headers: { authorization: `Bearer ${a.token}` } }), {});
    const page = unresolvedPageSchema.parse(await res.json());
    expect(page.items.map((i) => i.id)).toEqual([newest, middle, lead, oldest]);
    const other = unresolvedPageSchema.parse(await (await getUnresolvedRoute(new Request("http://localhost/app/settings/crm/unresolved", { headers: { authorization: `Bearer ${b.token}` } }), {})).json());
    expect(other.items.map((i) => i.id)).not.toContain(newest);

    // Clean up for the next test.
    for (const id of [oldest, lead, middle, newest]) await dismissJob(db, a.id, id);
  });

  it("retries a job as new (pending, no attempts, due now, unlocked) and keeps its last error", async () => {
    const id = await addJob(a.id, { type: "crm.tag_contact", status: "dead", attempts: 8, lastError: "unavailable: down", lockedAt: new Date(), lockedBy: "w:1:1", runAt: new Date(Date.now() - HOUR) });
    const now = new Date();
    await retryJob(db, a.id, id, now);
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: "pending", attempts: 0, runAt: now, lockedAt: null, lockedBy: null, lastError: "unavailable: down", dismissedAt: null });
    // Not dead any more: a second retry is refused.
    await expect(retryJob(db, a.id, id)).rejects.toMatchObject({ code: "not_found" });
    await db.update(jobs).set({ status: "done" }).where(eq(jobs.id, id));
  });

  it("dismisses a job: it leaves the list, stays in the table, and keeps its failure time", async () => {
    const failedAt = new Date(Date.now() - 5 * 60_000);
    const id = await addJob(a.id, { type: "crm.add_note", status: "dead", lastError: "rejected: bad", updatedAt: failedAt });
    expect((await listUnresolved(db, a.id, { shortBaseUrl: "https://sl.test" })).items.map((i) => i.id)).toContain(id);
    await dismissJob(db, a.id, id);
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row?.status).toBe("dead");
    expect(row?.dismissedAt).toBeInstanceOf(Date);
    expect(row?.updatedAt.getTime()).toBe(failedAt.getTime());
    expect((await listUnresolved(db, a.id, { shortBaseUrl: "https://sl.test" })).items.map((i) => i.id)).not.toContain(id);
    await expect(dismissJob(db, a.id, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(retryJob(db, a.id, id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("retries all of one workspace's unresolved jobs, and none of another's", async () => {
    const mine = [await addJob(a.id, { type: "crm.tag_contact", status: "dead" }), await addJob(a.id, { type: "crm.add_note", status: "dead" })];
    const theirs = await addJob(b.id, { type: "crm.tag_contact", status: "dead" });
    expect(await retryAllJobs(db, a.id)).toBe(2);
    for (const id of mine) expect((await db.select({ s: jobs.status }).from(jobs).where(eq(jobs.id, id)))[0]?.s).toBe("pending");
    expect((await db.select({ s: jobs.status }).from(jobs).where(eq(jobs.id, theirs)))[0]?.s).toBe("dead");
    expect(await retryAllJobs(db, a.id)).toBe(0);
    await db.update(jobs).set({ status: "done" }).where(eq(jobs.workspaceId, a.id));
  });

  it("answers another workspace's job ids with not_found, and never shows them", async () => {
    const theirs = await addJob(b.id, { type: "crm.tag_contact", status: "dead", lastError: "boom" });
    const attempt = retryJob(db, a.id, theirs);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(dismissJob(db, a.id, theirs)).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(retryJob(db, a.id, "job_does_not_exist")).rejects.toMatchObject({ code: "not_found" });
    const upkeep = await addJob(a.id, { type: "crm.refresh_contact_names", status: "dead", lastError: "unavailable: down" });
    await expect(retryJob(db, a.id, upkeep)).rejects.toMatchObject({ code: "not_found" });
    expect(await retryAllJobs(db, a.id)).toBe(0);
    const [row] = await db.select().from(jobs).where(eq(jobs.id, theirs));
    expect(row).toMatchObject({ status: "dead", dismissedAt: null });
    expect((await listUnresolved(db, a.id, { shortBaseUrl: "https://sl.test" })).items.map((i) => i.id)).not.toContain(theirs);
    expect((await getCrmStatus(db, { workspaceId: a.id, userId: a.userId, mode: "sandbox" })).unresolved).toBe(0);
  });
});

describe("Test writeback against the sandbox CRM over HTTP", () => {
  const linksConfig = () => ({ mode: env().crm.mode, sandboxShellUrl: env().sandboxShellUrl });
  const sandboxView = async (id: string) => {
    const res = await fetch(`${env().appUrl}/sandbox/api/contacts/${encodeURIComponent(id)}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { locationId: string; firstName: string; lastName: string; email: string; tags: string[]; notes: { body: string }[] };
  };
  const stepsOf = (result: TestWritebackResultDto) => Object.fromEntries(result.steps.map((s) => [s.key, { status: s.status, code: s.failure?.code ?? null }]));

  it("upserts the test contact, tags it and adds a note, with a link to the contact in the CRM", async () => {
    const result = testWritebackResultSchema.parse(await runTestWriteback(await getCrmDeps(), { id: a.id, locationId: sunrise }, linksConfig()));
    expect(stepsOf(result)).toEqual({ upsert: { status: "ok", code: null }, tag: { status: "ok", code: null }, note: { status: "ok", code: null } });
    expect(result.isOk).toBe(true);
    const contact = result.contact;
    expect(contact).toMatchObject({ isNew: true, email: testContactEmail(a.id), url: `http://shell.example.test/sandbox/contacts/${contact?.id}` });

    const seen = await sandboxView(contact?.id ?? "");
    expect(seen).toMatchObject({ locationId: sunrise, firstName: "Smart Links", lastName: "Test", email: testContactEmail(a.id) });
    expect(seen.tags).toContain(TEST_CONTACT_TAG);
    expect(seen.notes.map((n) => n.body)).toEqual([expect.stringMatching(/^Smart Links writeback test at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/)]);

    // Again: the same contact is updated, not duplicated; a second note is added.
    const again = await runTestWriteback(await getCrmDeps(), { id: a.id, locationId: sunrise }, linksConfig());
    expect(again.isOk).toBe(true);
    expect(again.contact).toMatchObject({ id: contact?.id, isNew: false });
    expect((await sandboxView(contact?.id ?? "")).notes).toHaveLength(2);
  });

  it("links to the contact in HighLevel in production mode", () => {
    expect(crmContactUrl({ mode: "highlevel", sandboxShellUrl: "" }, "loc 1", "ct/2")).toBe("https://app.gohighlevel.com/v2/location/loc%201/contacts/detail/ct%2F2");
    expect(crmContactUrl({ mode: "sandbox", sandboxShellUrl: "http://127.0.0.1:3000/" }, "loc", "ct")).toBe("http://127.0.0.1:3000/sandbox/contacts/ct");
  });

  it("CRM down: the upsert fails in plain words at once and the other steps are skipped", async () => {
    await setFault(db, { mode: "down" });
    const started = Date.now();
    const result = await runTestWriteback(await getCrmDeps(), { id: a.id, locationId: sunrise }, linksConfig());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.isOk).toBe(false);
    expect(stepsOf(result)).toEqual({ upsert: { status: "failed", code: "crm_down" }, tag: { status: "skipped", code: null }, note: { status: "skipped", code: null } });
    expect(result.steps[0]).toMatchObject({ failure: { label: "CRM down" }, detail: expect.stringContaining("The CRM is down or could not be reached") });
    expect(result.contact).toBeNull();
  });

  it("a slow CRM: the step fails at its deadline instead of hanging", async () => {
    await setFault(db, { mode: "slow" });
    const started = Date.now();
    const result = await runTestWriteback(await getCrmDeps(), { id: a.id, locationId: sunrise }, linksConfig(), { stepTimeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(stepsOf(result).upsert).toEqual({ status: "failed", code: "timeout" });
    expect(result.steps[0]?.detail).toContain("did not answer within");
    // The abandoned call still ends on the CRM's side; let it finish before the database closes.
    await new Promise((resolve) => setTimeout(resolve, SLOW_FAULT_DELAY_MS + 500));
  });

  it("not installed: says so, and tells how to fix it", async () => {
    const ws = await activateWorkspace(db, { locationId: "loc-never-installed", name: "Nowhere" });
    const result = await runTestWriteback(await getCrmDeps(), { id: ws.id, locationId: "loc-never-installed" }, linksConfig());
    expect(stepsOf(result).upsert).toEqual({ status: "failed", code: "not_connected" });
    expect(result.steps[0]).toMatchObject({ failure: { label: "Not installed" }, detail: expect.stringContaining("Reinstall the app") });
  });

  it("permission denied: a token without access to the location", async () => {
    const http = createCrmHttp(`${env().appUrl}/sandbox/crm`);
    const deps = await getCrmDeps();
    const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId: harbor });
    const harborTokens = await exchangeCode(http, deps.client, code);
    const ws = await activateWorkspace(db, { locationId: sunrise.replace("sunrise", "elsewhere"), name: "Elsewhere" });
    // The sandbox knows no such location for Harbor's token: 403, as HighLevel answers.
    await saveLocationTokens(deps, { locationId: ws.crmLocationId, workspaceId: ws.id, tokens: harborTokens });
    const result = await runTestWriteback(deps, { id: ws.id, locationId: ws.crmLocationId }, linksConfig());
    expect(stepsOf(result).upsert).toEqual({ status: "failed", code: "permission_denied" });
    expect(result.steps[0]?.failure?.label).toBe("Permission denied");
  });

  it("rate limited: fails within seconds with a plain message", async () => {
    await setFault(db, { mode: "rate-limit" });
    const started = Date.now();
    const result = await runTestWriteback(await getCrmDeps(), { id: b.id, locationId: harbor }, linksConfig());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stepsOf(result).upsert).toEqual({ status: "failed", code: "rate_limited" });
    expect(result.steps[0]?.detail).toContain("too many requests");
  });
});
