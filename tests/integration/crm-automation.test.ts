/**
 * CRM automation end to end, against the sandbox CRM over real HTTP: visitors open short links
 * on the real click path (the node:http listener server.ts uses), the click writer stores the
 * clicks and its hook enqueues the effects, the queue runs them through the app's CRM client,
 * and the assertions read the contact as the CRM keeps it (tags, custom fields, timeline notes)
 * and the calls as the CRM received them.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, campaignTags, clicks, crmContacts, crmInstallations, jobs, leads, links, linkTags, sandboxContacts, tags, workspaces, type NewLinkRow } from "@/db/schema";
import { registerClickEffects } from "@/lib/automation/register";
import { flushClicks } from "@/lib/clicks/record-click";
import { getDb } from "@/lib/db";
import { newId } from "@/lib/ids";
import { runDueJobs } from "@/lib/jobs/worker";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { ensureAppInstallations, inProcessCrmDeps } from "@/lib/sandbox/bootstrap";
import { getSandboxContactView, type SandboxContactViewDto } from "@/lib/sandbox/control";
import { setFault } from "@/lib/sandbox/faults";
import { SANDBOX_LOCATION_IDS, seedSandbox } from "@/lib/sandbox/seed";
import { useTestDatabase } from "@/tests/helpers/db";
import { peakCallsPerWindow, startSandboxCrmServer, type SandboxCrmServer } from "@/tests/helpers/sandbox-crm-server";
import { cookiesOf, rawRequest, startShortLinkServer, type RawRequest, type ShortLinkServer } from "@/tests/helpers/short-link-server";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const WHATSAPP = "WhatsApp/2.23.20.0 A";
const ST_ALBANS = "81.2.69.142";
const { sunrise, harbor } = SANDBOX_LOCATION_IDS;

let crm: SandboxCrmServer;
let shortLinks: ShortLinkServer;
let database: { close: () => Promise<void> };
let db: Db;
const workspaceOf: Record<string, string> = {};

beforeAll(async () => {
  crm = await startSandboxCrmServer();
  process.env.APP_URL = crm.url; // the CRM's API base is `${APP_URL}/sandbox/crm`
  database = await useTestDatabase();
  db = await getDb();
  await seedSandbox(db);
  const installed = await ensureAppInstallations(await inProcessCrmDeps());
  expect(installed.installed).toEqual([sunrise, harbor]);
  for (const w of await db.select().from(workspaces)) workspaceOf[w.crmLocationId] = w.id;
  shortLinks = await startShortLinkServer();
  registerClickEffects();
}, 60_000);
afterAll(async () => {
  await shortLinks.close();
  await flushClicks();
  await crm.close();
  await database.close();
});
afterEach(async () => {
  await setFault(db, { mode: "none" });
});

const contactId = (location: "sunrise" | "harbor", n: number) => `sbx_ct_${location}_${String(n).padStart(2, "0")}`;

function click(slug: string, options: RawRequest & { contact?: string; ua?: string } = {}) {
  const query = options.contact ? `?c=${options.contact}` : "";
  return rawRequest(shortLinks.port, `/${slug}${query}`, {
    ...options,
    headers: { "user-agent": options.ua ?? IPHONE, "x-forwarded-for": ST_ALBANS, ...options.headers },
  });
}

let slugSeq = 0;
type LinkSetup = { tags?: string[]; campaignTags?: string[]; title?: string; values?: Partial<NewLinkRow> };

async function tagIds(workspaceId: string, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const [existing] = await db.select({ id: tags.id }).from(tags).where(and(eq(tags.workspaceId, workspaceId), sql`lower(${tags.name}) = ${name.toLowerCase()}`));
    if (existing) ids.push(existing.id);
    else {
      const id = newId("tag");
      await db.insert(tags).values({ id, workspaceId, name });
      ids.push(id);
    }
  }
  return ids;
}

/** A link of the location's workspace with its tags and campaign tags, as the app stores them. */
async function link(location: string, setup: LinkSetup = {}) {
  const workspaceId = workspaceOf[location] ?? "";
  let campaignId: string | null = null;
  if (setup.campaignTags) {
    campaignId = newId("cmp");
    await db.insert(campaigns).values({ id: campaignId, workspaceId, name: `Campaign ${campaignId}` });
    const ids = await tagIds(workspaceId, setup.campaignTags);
    if (ids.length > 0) await db.insert(campaignTags).values(ids.map((tagId) => ({ campaignId: campaignId ?? "", tagId })));
  }
  const row = {
    id: newId("lnk"),
    workspaceId,
    slug: `auto${++slugSeq}`,
    url: "https://example.com/spring",
    title: setup.title ?? null,
    campaignId,
    ...setup.values,
  };
  await db.insert(links).values(row);
  const ids = await tagIds(workspaceId, setup.tags ?? []);
  if (ids.length > 0) await db.insert(linkTags).values(ids.map((tagId) => ({ linkId: row.id, tagId })));
  invalidateLinkCache();
  return row;
}

async function contact(id: string): Promise<SandboxContactViewDto> {
  return getSandboxContactView(db, id);
}

function fieldValue(view: SandboxContactViewDto, key: string): unknown {
  return view.customFields.find((f) => f.key === `contact.${key}`)?.value;
}

/** Writes the queued clicks (their hook enqueues the effects), then runs what is due. */
async function flushAndRun(): Promise<void> {
  await flushClicks();
  await runDueJobs();
}

/** Runs jobs as they come due, in real time (retries after 429s and outages), until none is pending. */
async function drainJobs(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await flushClicks();
  for (;;) {
    await runDueJobs();
    const [next] = await db.select({ runAt: sql<string | null>`min(${jobs.runAt})` }).from(jobs).where(inArray(jobs.status, ["pending", "running"]));
    if (!next?.runAt) return;
    if (Date.now() > deadline) throw new Error("jobs still pending at the deadline");
    await new Promise((r) => setTimeout(r, Math.min(500, Math.max(20, Date.parse(next.runAt ?? "") - Date.now()))));
  }
}

const today = () => new Date().toISOString().slice(0, 10);
const callsTo = (pattern: RegExp, method: string, since = 0) => crm.calls.slice(since).filter((c) => c.method === method && pattern.test(c.path));

describe("a known contact clicks", () => {
  it("gets the link's and the campaign's tags, updated fields and one note; a second click in the hour adds no note", async () => {
    const l = await link(sunrise, { title: "Spring sale", tags: ["spring-promo"], campaignTags: ["Black Friday"] });
    const id = contactId("sunrise", 1);
    const before = await contact(id);
    expect(before.tags).toEqual(["patient"]);

    const res = await click(l.slug, { contact: id });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("https://example.com/spring"); // the contact id never reaches the destination
    await flushAndRun();

    const after = await contact(id);
    expect(after.tags.sort()).toEqual(["black friday", "patient", "spring-promo"]);
    expect(fieldValue(after, "last_link_clicked")).toBe(`${crm.url}/${l.slug}`);
    expect(fieldValue(after, "total_link_clicks")).toBe(1);
    expect(fieldValue(after, "first_click_date")).toBe(today());
    expect(fieldValue(after, "last_click_date")).toBe(today());
    expect(after.notes.map((n) => n.body)).toEqual([`Clicked Spring sale (${crm.url}/${l.slug}) → https://example.com/spring, St Albans, United Kingdom, mobile (iOS, Mobile Safari)`]);

    await click(l.slug, { contact: id });
    await flushAndRun();
    const again = await contact(id);
    expect(again.notes).toHaveLength(1);
    expect(fieldValue(again, "total_link_clicks")).toBe(2);
    expect(again.tags.sort()).toEqual(["black friday", "patient", "spring-promo"]);
    expect(await db.select().from(jobs).where(and(eq(jobs.workspaceId, workspaceOf[sunrise] ?? ""), sql`${jobs.status} <> 'done'`))).toEqual([]);
  });

  it("makes one tag call and one fields update for many clicks of one contact, and a note per link", async () => {
    const a = await link(sunrise, { title: "A", tags: ["a-tag"] });
    const b = await link(sunrise, { title: "B", tags: ["b-tag"] });
    const id = contactId("sunrise", 6);
    for (const slug of [a.slug, b.slug, a.slug, b.slug, a.slug]) expect((await click(slug, { contact: id })).status).toBe(302);
    const since = crm.calls.length;
    await flushAndRun();
    expect(callsTo(new RegExp(`^/contacts/${id}/tags$`), "POST", since)).toHaveLength(1);
    expect(callsTo(new RegExp(`^/contacts/${id}$`), "PUT", since)).toHaveLength(1);
    expect(callsTo(new RegExp(`^/contacts/${id}/notes$`), "POST", since)).toHaveLength(2);
    const view = await contact(id);
    expect(view.tags).toEqual(expect.arrayContaining(["a-tag", "b-tag"]));
    expect(fieldValue(view, "total_link_clicks")).toBe(5);
    expect(view.notes.map((n) => n.body.split(" (")[0]).sort()).toEqual(["Clicked A", "Clicked B"]);
  });

  it("does only what the link's switches (or the workspace's defaults) allow", async () => {
    const fieldsOnly = await link(sunrise, { tags: ["never-added"], values: { crm: { tagOnClick: false, addNote: false } } });
    const id = contactId("sunrise", 7);
    await click(fieldsOnly.slug, { contact: id });
    await flushAndRun();
    let view = await contact(id);
    expect(view.tags).not.toContain("never-added");
    expect(view.notes).toHaveLength(0);
    expect(fieldValue(view, "total_link_clicks")).toBe(1);

    const ws = workspaceOf[sunrise] ?? "";
    await db.update(workspaces).set({ settings: { automation: { addNote: false, syncContact: false } } }).where(eq(workspaces.id, ws));
    const defaults = await link(sunrise, { tags: ["from-defaults"] });
    const noteOn = await link(sunrise, { tags: ["note-on"], values: { crm: { addNote: true } } });
    await click(defaults.slug, { contact: id });
    await click(noteOn.slug, { contact: id });
    await flushAndRun();
    view = await contact(id);
    expect(view.tags).toEqual(expect.arrayContaining(["from-defaults", "note-on"]));
    expect(view.notes).toHaveLength(1);
    expect(fieldValue(view, "total_link_clicks")).toBe(1); // sync is off for both: the field was not rewritten
    await db.update(workspaces).set({ settings: {} }).where(eq(workspaces.id, ws));
  });
});

describe("what never reaches the CRM", () => {
  it("a bot or link-preview fetch of a per-contact link does nothing", async () => {
    const l = await link(sunrise, { tags: ["bot-bait"] });
    const id = contactId("sunrise", 2);
    const before = await contact(id);
    const since = crm.calls.length;
    const preview = await click(l.slug, { contact: id, ua: WHATSAPP });
    expect(preview.status).toBe(200); // the preview card
    await click(l.slug, { contact: id, method: "HEAD" });
    await flushAndRun();
    expect(await contact(id)).toEqual(before);
    expect(crm.calls.slice(since)).toEqual([]);
    expect(await db.select().from(jobs).where(sql`${jobs.payload}->>'contactId' = ${id}`)).toEqual([]);
    const [stored] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(clicks).where(eq(clicks.rootLinkId, l.id));
    expect(stored?.n).toBe(2); // stored, as bots, for "bots filtered"
  });

  it("a contact id of another location is never written to, and shows as unresolved", async () => {
    const l = await link(sunrise, { tags: ["wrong-place"] });
    const theirs = contactId("harbor", 1);
    const nobody = "not_a_contact_123";
    const before = await contact(theirs);
    await click(l.slug, { contact: theirs });
    await click(l.slug, { contact: nobody });
    await flushAndRun();
    expect(await contact(theirs)).toEqual(before);

    const ws = workspaceOf[sunrise] ?? "";
    const dead = await db.select().from(jobs).where(and(eq(jobs.workspaceId, ws), eq(jobs.status, "dead")));
    const deadFor = (c: string) => dead.filter((j) => j.payload.contactId === c);
    expect(deadFor(theirs).map((j) => j.type).sort()).toEqual(["crm.add_note", "crm.tag_contact", "crm.update_contact_fields"]);
    expect(deadFor(theirs).every((j) => j.lastError === `Contact not found: ${theirs} is not a contact of this CRM location`)).toBe(true);
    expect(deadFor(nobody)).toHaveLength(3);
    expect(await db.select({ belongs: crmContacts.belongsToLocation }).from(crmContacts).where(and(eq(crmContacts.workspaceId, ws), eq(crmContacts.contactId, theirs)))).toEqual([{ belongs: false }]);

    // Known now: later clicks with that id queue nothing at all.
    const jobsBefore = (await db.select().from(jobs)).length;
    await click(l.slug, { contact: theirs });
    await flushAndRun();
    expect((await db.select().from(jobs)).length).toBe(jobsBefore);
  });

  it("workspace B's clicks never touch workspace A's contacts", async () => {
    const harborLink = await link(harbor, { tags: ["harbor-tag"] });
    const sunriseContact = contactId("sunrise", 5);
    const harborContact = contactId("harbor", 5);
    const before = await contact(sunriseContact);
    await click(harborLink.slug, { contact: sunriseContact });
    await click(harborLink.slug, { contact: harborContact });
    await flushAndRun();
    expect(await contact(sunriseContact)).toEqual(before);
    const theirs = await contact(harborContact);
    expect(theirs.tags).toContain("harbor-tag");
    expect(theirs.notes).toHaveLength(1);
    // Every call for the harbor workspace went out on harbor's token.
    expect(crm.calls.filter((c) => c.path.includes(sunriseContact) && c.locationId === sunrise)).toEqual([]);
  });
});

describe("lead capture", () => {
  it("makes one contact of a lead submitted twice, tags it, and attributes the browser's later clicks to it", async () => {
    const l = await link(sunrise, { tags: ["lead-magnet"], values: { leadCapture: { enabled: true, fields: ["name", "email"] } } });
    const form = { name: "Nina Lead", email: "Nina.Lead@example.com" };
    const first = await click(l.slug, { form });
    const second = await click(l.slug, { form, headers: { "x-forwarded-for": "8.8.8.8" } });
    expect([first.status, second.status]).toEqual([303, 303]);
    await flushAndRun();
    await runDueJobs({ now: new Date(Date.now() + 60_000) }); // a lead that waited for the first one

    const matching = await db.select().from(sandboxContacts).where(and(eq(sandboxContacts.locationId, sunrise), eq(sandboxContacts.email, "nina.lead@example.com")));
    expect(matching).toHaveLength(1);
    const created = matching[0];
    expect(created).toMatchObject({ firstName: "Nina", lastName: "Lead", source: "Smart Links" });
    expect(created?.tags).toEqual(["lead-magnet"]);
    const stored = await db.select().from(leads).where(eq(leads.linkId, l.id));
    expect(stored.map((s) => [s.crmContactId, s.syncStatus])).toEqual([
      [created?.id, "synced"],
      [created?.id, "synced"],
    ]);

    // The browser that gave the form is not asked again, and its clicks are the contact's.
    const back = await click(l.slug, { headers: { cookie: cookiesOf(first) } });
    expect(back.status).toBe(302);
    await flushAndRun();
    const view = await contact(created?.id ?? "");
    expect(view.notes).toHaveLength(1);
    expect(fieldValue(view, "total_link_clicks")).toBe(1);
  });
});

describe("when the CRM misbehaves", () => {
  it("down for a while, then back: every effect is applied exactly once", async () => {
    const a = await link(sunrise, { title: "Outage A", tags: ["outage-a"] });
    const b = await link(sunrise, { title: "Outage B", tags: ["outage-b"] });
    const id = contactId("sunrise", 3);
    await setFault(db, { mode: "down", seconds: 600 });
    await click(a.slug, { contact: id });
    await click(a.slug, { contact: id });
    await click(b.slug, { contact: id });
    await flushAndRun();
    const waiting = await db.select().from(jobs).where(sql`${jobs.payload}->>'contactId' = ${id}`);
    expect(waiting.map((j) => [j.type, j.status, j.attempts]).sort()).toEqual([
      ["crm.add_note", "pending", 1],
      ["crm.tag_contact", "pending", 1],
      ["crm.update_contact_fields", "pending", 1],
    ]);
    expect(waiting.every((j) => j.lastError?.startsWith("unavailable:"))).toBe(true);
    expect((await contact(id)).notes).toHaveLength(0);

    // More clicks while the CRM is down merge into the waiting jobs.
    await click(b.slug, { contact: id });
    await flushClicks();
    expect(await db.select().from(jobs).where(sql`${jobs.payload}->>'contactId' = ${id}`)).toHaveLength(3);

    await setFault(db, { mode: "none" });
    await runDueJobs({ now: new Date(Date.now() + 3_600_000) });
    await runDueJobs({ now: new Date(Date.now() + 7_200_000) });
    const view = await contact(id);
    expect(view.tags).toEqual(expect.arrayContaining(["outage-a", "outage-b"]));
    expect(view.notes.map((n) => n.body.split(" (")[0]).sort()).toEqual(["Clicked Outage A", "Clicked Outage B"]);
    expect(fieldValue(view, "total_link_clicks")).toBe(4);
  });

  it("a note the CRM stored but whose answer was lost is not written twice", async () => {
    const l = await link(sunrise, { title: "Lost answer" });
    const id = contactId("sunrise", 8);
    crm.loseNextAnswer((method, path) => method === "POST" && path === `/contacts/${id}/notes`);
    await click(l.slug, { contact: id });
    await flushAndRun();
    expect((await contact(id)).notes).toHaveLength(1); // stored, but the app saw a 503
    const [noteJob] = await db.select().from(jobs).where(and(eq(jobs.type, "crm.add_note"), sql`${jobs.payload}->>'contactId' = ${id}`));
    expect(noteJob).toMatchObject({ status: "pending", attempts: 1 });
    await runDueJobs({ now: new Date(Date.now() + 3_600_000) });
    expect((await contact(id)).notes).toHaveLength(1);
    expect((await db.select().from(jobs).where(eq(jobs.id, noteJob?.id ?? "")))[0]?.status).toBe("done");
  });

  it("a 401 costs one token refresh, and the effects go through", async () => {
    const l = await link(sunrise, { tags: ["after-401"] });
    const id = contactId("sunrise", 4);
    const [install] = await db.select().from(crmInstallations).where(eq(crmInstallations.locationId, sunrise));
    const since = crm.calls.length;
    await setFault(db, { mode: "unauthorized-once" });
    await click(l.slug, { contact: id });
    await flushAndRun();
    const calls = crm.calls.slice(since);
    expect(calls.filter((c) => c.status === 401)).toHaveLength(1);
    expect(calls.filter((c) => c.path === "/oauth/token")).toHaveLength(1);
    const [after] = await db.select().from(crmInstallations).where(eq(crmInstallations.locationId, sunrise));
    expect(after?.accessTokenEnc).not.toBe(install?.accessTokenEnc);
    const view = await contact(id);
    expect(view.tags).toContain("after-401");
    expect(view.notes).toHaveLength(1);
  });

  it("a 429 storm loses nothing, and the CRM never sees more than 100 calls in 10 s", async () => {
    const l = await link(harbor, { title: "Storm", tags: ["storm"] });
    const contacts = Array.from({ length: 30 }, (_, i) => contactId("harbor", i + 1)).filter((c) => c !== contactId("harbor", 5));
    await setFault(db, { mode: "rate-limit", seconds: 3 });
    const since = crm.calls.length;
    for (const c of contacts) await click(l.slug, { contact: c });
    await drainJobs(120_000);
    const calls = crm.calls.slice(since);
    expect(calls.some((c) => c.status === 429)).toBe(true);
    for (const c of contacts) {
      const view = await contact(c);
      expect(view.tags).toContain("storm");
      expect(view.notes.filter((n) => n.body.startsWith("Clicked Storm"))).toHaveLength(1);
      expect(fieldValue(view, "total_link_clicks")).toBeGreaterThanOrEqual(1);
    }
    expect(peakCallsPerWindow(crm.calls, harbor)).toBeLessThanOrEqual(100);
    const dead = await db.select().from(jobs).where(and(eq(jobs.workspaceId, workspaceOf[harbor] ?? ""), eq(jobs.status, "dead")));
    expect(dead.filter((j) => contacts.includes(String(j.payload.contactId)))).toEqual([]);
  }, 150_000);
});
