/**
 * The contact-name cache: reads never call the CRM; unknown and stale ids are queued for a
 * background refresh, which the job worker fills from the sandbox CRM over real HTTP (and
 * retries when the CRM is down); a ContactDelete webhook erases the contact's name and email,
 * its id from clicks and leads, and the leads' personal data, while every count stays.
 */
import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clicks, crmContacts, jobs, leads, links, sandboxContacts } from "@/db/schema";
import { checkContact, displayNameOf } from "@/lib/crm/contact-check";
import { NAME_TTL_MS, namesFor, refreshContactNames, registerContactNameJobs, REFRESH_CONTACT_NAMES_JOB } from "@/lib/crm/contact-names";
import { getCrmDeps } from "@/lib/crm/deps";
import { signWebhookBody } from "@/lib/crm/webhook-signature";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { completeOAuthInstall } from "@/lib/installs/install-app";
import { receiveCrmWebhook } from "@/lib/installs/webhook-events";
import { runDueJobs } from "@/lib/jobs/worker";
import { handleSandboxCrmRequest } from "@/lib/sandbox/crm-api";
import { setFault } from "@/lib/sandbox/faults";
import { createOAuthCode } from "@/lib/sandbox/oauth";
import { SANDBOX_COMPANY_ID, SANDBOX_LOCATION_IDS, seedSandbox } from "@/lib/sandbox/seed";
import { useTestDatabase } from "@/tests/helpers/db";
import { serve } from "@/tests/helpers/serve-fetch";

const { sunrise, harbor } = SANDBOX_LOCATION_IDS;

let server: http.Server;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let db: Db;
let a: string;
let b: string;

async function install(locationId: string): Promise<string> {
  const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId });
  const [workspace] = await completeOAuthInstall(await getCrmDeps(), env().crm.planIds, code);
  if (!workspace) throw new Error("install failed");
  return workspace.id;
}

beforeAll(async () => {
  server = serve(handleSandboxCrmRequest);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.APP_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await useTestDatabase();
  db = await getDb();
  await seedSandbox(db);
  a = await install(sunrise);
  b = await install(harbor);
  registerContactNameJobs();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
});
afterEach(async () => {
  await setFault(db, { mode: "none" });
  jest.restoreAllMocks();
});

const refreshJobs = (workspaceId: string) =>
  db.select().from(jobs).where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.type, REFRESH_CONTACT_NAMES_JOB)));

async function sandboxName(contactId: string): Promise<{ name: string | null; email: string | null }> {
  const [row] = await db.select().from(sandboxContacts).where(eq(sandboxContacts.id, contactId));
  if (!row) throw new Error(`no sandbox contact ${contactId}`);
  return { name: displayNameOf({ name: null, firstName: row.firstName ?? undefined, lastName: row.lastName ?? undefined }), email: row.email };
}

describe("namesFor", () => {
  it("reads the cache only — never the CRM — and queues unknown and stale ids once", async () => {
    const now = new Date();
    await db.insert(crmContacts).values([
      { workspaceId: a, contactId: "ct_fresh", belongsToLocation: true, name: "Fresh Name", email: "fresh@example.com", verifiedAt: now },
      { workspaceId: a, contactId: "ct_stale", belongsToLocation: true, name: "Old Name", email: "old@example.com", verifiedAt: new Date(now.getTime() - NAME_TTL_MS - 60_000) },
      { workspaceId: a, contactId: "ct_erased", belongsToLocation: false, erasedAt: now },
      { workspaceId: a, contactId: "ct_elsewhere", belongsToLocation: false, verifiedAt: now },
    ]);
    const fetchSpy = jest.spyOn(globalThis, "fetch");

    const names = await namesFor(db, a, ["ct_fresh", "ct_stale", "ct_erased", "ct_elsewhere", "ct_unknown", "", "ct_fresh"], { now });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(Object.fromEntries(names)).toEqual({
      ct_fresh: { contactId: "ct_fresh", name: "Fresh Name", email: "fresh@example.com", isErased: false },
      ct_stale: { contactId: "ct_stale", name: "Old Name", email: "old@example.com", isErased: false },
      ct_erased: { contactId: "ct_erased", name: null, email: null, isErased: true },
      ct_elsewhere: { contactId: "ct_elsewhere", name: null, email: null, isErased: false },
    });

    const queued = await refreshJobs(a);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: "pending", payload: { contactIds: ["ct_stale", "ct_unknown"] } });

    // A page polling every few seconds asks again: still one job.
    await namesFor(db, a, ["ct_unknown", "ct_stale"], { now: new Date(now.getTime() + 5_000) });
    expect(await refreshJobs(a)).toHaveLength(1);
    // While that refresh waits, other ids wait for the next read instead of piling up jobs.
    await namesFor(db, a, ["ct_later"], { now: new Date(now.getTime() + 20 * 60_000) });
    expect(await refreshJobs(a)).toHaveLength(1);
    // Without refresh, nothing is queued at all.
    await namesFor(db, a, ["ct_other"], { refresh: false });
    expect(await refreshJobs(a)).toHaveLength(1);
    expect(fetchSpy).not.toHaveBeenCalled();

    // Another workspace sees none of these names.
    expect((await namesFor(db, b, ["ct_fresh", "ct_stale"], { refresh: false })).size).toBe(0);
    await db.delete(jobs).where(eq(jobs.type, REFRESH_CONTACT_NAMES_JOB));
  });
});

describe("the refresh job", () => {
  it("fills names and emails from the CRM in the background; other locations' and unknown contacts get none", async () => {
    const mine = ["sbx_ct_sunrise_01", "sbx_ct_sunrise_02"];
    const ids = [...mine, "sbx_ct_harbor_01", "sbx_ct_missing"];
    expect((await namesFor(db, a, ids)).size).toBe(0);
    expect(await runDueJobs()).toBe(1);
    const [job] = await refreshJobs(a);
    expect(job).toMatchObject({ status: "done", lastError: null });

    const names = await namesFor(db, a, ids);
    for (const id of mine) expect(names.get(id)).toEqual({ contactId: id, ...(await sandboxName(id)), isErased: false });
    expect(names.get("sbx_ct_sunrise_01")?.name).toBeTruthy();
    expect(names.get("sbx_ct_harbor_01")).toMatchObject({ name: null, email: null });
    expect(names.get("sbx_ct_missing")).toMatchObject({ name: null, email: null });
    // All fresh now: nothing more to queue.
    expect(await refreshJobs(a)).toHaveLength(1);
    await db.delete(jobs).where(eq(jobs.type, REFRESH_CONTACT_NAMES_JOB));
  });

  it("waits out a CRM outage: the job is retried later and then fills the names", async () => {
    const id = "sbx_ct_sunrise_03";
    await namesFor(db, a, [id]);
    await setFault(db, { mode: "down" });
    expect(await runDueJobs()).toBe(1);
    let [job] = await refreshJobs(a);
    expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/^unavailable: /) });
    expect((await namesFor(db, a, [id], { refresh: false })).get(id)).toBeUndefined();

    await setFault(db, { mode: "none" });
    expect(await runDueJobs({ now: new Date(Date.now() + 60_000) })).toBe(1);
    [job] = await refreshJobs(a);
    expect(job?.status).toBe("done");
    expect((await namesFor(db, a, [id], { refresh: false })).get(id)).toEqual({ contactId: id, ...(await sandboxName(id)), isErased: false });
    await db.delete(jobs).where(eq(jobs.type, REFRESH_CONTACT_NAMES_JOB));
  });

  it("never writes back the name of a contact erased while the refresh was on its way", async () => {
    const id = "sbx_ct_sunrise_04";
    await db.insert(crmContacts).values({ workspaceId: a, contactId: id, belongsToLocation: false, erasedAt: new Date() });
    const outcome = await refreshContactNames(await getCrmDeps(), a, [id]);
    expect(outcome).toEqual({ refreshed: 0, notFound: 0, skipped: 1 });
    const [row] = await db.select().from(crmContacts).where(and(eq(crmContacts.workspaceId, a), eq(crmContacts.contactId, id)));
    expect(row).toMatchObject({ name: null, email: null });
    expect(row?.erasedAt).toBeInstanceOf(Date);
  });
});

describe("ContactDelete", () => {
  async function deliver(event: Record<string, unknown>) {
    const body = JSON.stringify({ ...event, webhookId: randomUUID(), timestamp: new Date().toISOString() });
    const privateKey = env().crm.sandboxWebhookPrivateKey;
    if (!privateKey) throw new Error("the sandbox has no webhook key");
    const config = { publicKey: env().crm.webhookPublicKey, planIds: env().crm.planIds, graceDays: 30 };
    return receiveCrmWebhook(await getCrmDeps(), config, body, signWebhookBody(body, privateKey));
  }

  it("erases the cached name and email, the contact id from clicks and leads, and the leads' personal data; counts stay", async () => {
    const gone = "sbx_ct_sunrise_09";
    const kept = "sbx_ct_sunrise_10";
    const linkId = newId("lnk");
    await db.insert(links).values({ id: linkId, workspaceId: a, slug: "erase-me", url: "https://example.com/" });
    await db.insert(crmContacts).values([
      { workspaceId: a, contactId: gone, belongsToLocation: true, name: "Gone Person", email: "gone@example.com", verifiedAt: new Date() },
      { workspaceId: a, contactId: kept, belongsToLocation: true, name: "Kept Person", email: "kept@example.com", verifiedAt: new Date() },
    ]);
    const click = (contactId: string | null) => ({ workspaceId: a, linkId, rootLinkId: linkId, contactId, visitorKey: "v".repeat(22) });
    await db.insert(clicks).values([click(gone), click(gone), click(gone), click(kept), click(null)]);
    const lead = (contactId: string, name: string) => ({
      id: newId("lead"),
      workspaceId: a,
      linkId,
      name,
      email: `${name.toLowerCase().replace(" ", ".")}@example.com`,
      phone: "+15125550100",
      fields: { company: "Acme" },
      visitorKey: "v".repeat(22),
      crmContactId: contactId,
      syncStatus: "synced" as const,
    });
    await db.insert(leads).values([lead(gone, "Gone Person"), lead(gone, "Gone Again"), lead(kept, "Kept Person")]);

    expect(await deliver({ type: "ContactDelete", locationId: sunrise, id: gone, firstName: "Gone", email: "gone@example.com" })).toMatchObject({ status: "applied" });

    // The cache: erased, row kept.
    const [cached] = await db.select().from(crmContacts).where(and(eq(crmContacts.workspaceId, a), eq(crmContacts.contactId, gone)));
    expect(cached).toMatchObject({ name: null, email: null });
    expect(cached?.erasedAt).toBeInstanceOf(Date);
    expect((await namesFor(db, a, [gone, kept], { refresh: false })).get(gone)).toEqual({ contactId: gone, name: null, email: null, isErased: true });
    expect((await namesFor(db, a, [kept], { refresh: false })).get(kept)?.name).toBe("Kept Person");

    // Clicks: every one still counted, none carries the contact.
    const [total] = await db.select({ n: count() }).from(clicks).where(eq(clicks.rootLinkId, linkId));
    expect(total?.n).toBe(5);
    expect(await db.select().from(clicks).where(and(eq(clicks.workspaceId, a), eq(clicks.contactId, gone)))).toHaveLength(0);
    expect(await db.select().from(clicks).where(and(eq(clicks.workspaceId, a), eq(clicks.contactId, kept)))).toHaveLength(1);

    // Leads: all kept; the deleted contact's lose the id and every personal field.
    const all = await db.select().from(leads).where(eq(leads.linkId, linkId));
    expect(all).toHaveLength(3);
    const erased = all.filter((l) => l.erasedAt !== null);
    expect(erased).toHaveLength(2);
    for (const l of erased) expect(l).toMatchObject({ crmContactId: null, name: null, email: null, phone: null, fields: {} });
    expect(all.find((l) => l.erasedAt === null)).toMatchObject({ crmContactId: kept, name: "Kept Person", phone: "+15125550100", fields: { company: "Acme" } });

    // Nothing queues a refresh for an erased contact, and nothing brings its name back.
    await namesFor(db, a, [gone]);
    expect((await refreshJobs(a)).filter((j) => JSON.stringify(j.payload).includes(gone))).toHaveLength(0);
    await refreshContactNames(await getCrmDeps(), a, [gone]);
    expect((await namesFor(db, a, [gone], { refresh: false })).get(gone)?.name).toBeNull();
  });

  it("marks a contact never seen before as erased, so a late click is not attributed to it", async () => {
    const unseen = "sbx_ct_sunrise_11";
    expect(await deliver({ type: "ContactDelete", locationId: sunrise, id: unseen })).toMatchObject({ status: "applied" });
    const fetchSpy = jest.spyOn(globalThis, "fetch");
    expect(await checkContact(await getCrmDeps(), a, sunrise, unseen)).toEqual({ belongs: false, name: null, email: null });
    expect(fetchSpy).not.toHaveBeenCalled();
    // Only that location's workspace is touched.
    expect(await db.select().from(crmContacts).where(and(eq(crmContacts.workspaceId, b), inArray(crmContacts.contactId, [unseen])))).toHaveLength(0);
    expect(await db.select().from(crmContacts).where(and(eq(crmContacts.contactId, unseen), isNull(crmContacts.erasedAt)))).toHaveLength(0);
  });
});
