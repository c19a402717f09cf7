/**
 * The sandbox CRM from the outside: start-up bootstrap (seed + the app's own OAuth install,
 * in-process), the control API the shell and scripts use, signed webhooks, and install /
 * plan change / uninstall through the real OAuth redirect — all over real HTTP to the app's
 * real route handlers (OAuth callback, webhook receiver) and the sandbox CRM.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq, inArray, isNull } from "drizzle-orm";
import { POST as ssoExchange } from "@/app/api/auth/sso/route";
import { GET as oauthCallback } from "@/app/api/oauth/callback/route";
import { POST as webhookReceiver } from "@/app/api/webhooks/crm/route";
import { contactSchema as shellContactSchema, stateSchema } from "@/app/sandbox/_components/api";
import { GET as contactGet } from "@/app/sandbox/api/contacts/[id]/route";
import { GET as contactsGet } from "@/app/sandbox/api/contacts/route";
import { GET as faultsGet, POST as faultsPost } from "@/app/sandbox/api/faults/route";
import { POST as installPost } from "@/app/sandbox/api/install/route";
import { POST as planPost } from "@/app/sandbox/api/plan/route";
import { POST as resetPost } from "@/app/sandbox/api/reset/route";
import { GET as ssoPayloadGet } from "@/app/sandbox/api/sso-payload/route";
import { GET as stateGet } from "@/app/sandbox/api/state/route";
import { POST as uninstallPost } from "@/app/sandbox/api/uninstall/route";
import type { Db } from "@/db/client";
import { crmInstallations, sandboxCompanies, sandboxContacts, sandboxTokens, workspaces } from "@/db/schema";
import { decryptSsoPayload } from "@/lib/auth/sso-cipher";
import { callCrm } from "@/lib/crm/client";
import { getCrmDeps } from "@/lib/crm/deps";
import { getContactSchema } from "@/lib/crm/schemas";
import { decryptToken } from "@/lib/crm/token-cipher";
import { verifyWebhookSignature } from "@/lib/crm/webhook-signature";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { dropProcessSingleton } from "@/lib/process-state";
import { bootstrapSandbox, ensureAppInstallations, inProcessCrmDeps } from "@/lib/sandbox/bootstrap";
import { handleSandboxCrmRequest } from "@/lib/sandbox/crm-api";
import { getFault, setFault } from "@/lib/sandbox/faults";
import { installApp } from "@/lib/sandbox/marketplace";
import { SANDBOX_COMPANY_ID, SANDBOX_LOCATION_IDS, SANDBOX_USER_IDS } from "@/lib/sandbox/seed";
import { buildSignedWebhook, deliverWebhook } from "@/lib/sandbox/webhooks";
import { useTestDatabase } from "@/tests/helpers/db";
import { serve } from "@/tests/helpers/serve-fetch";
import { z } from "zod";

const { sunrise, harbor, maple } = SANDBOX_LOCATION_IDS;


/** The app as the sandbox reaches it: its OAuth callback and webhook receiver, plus the sandbox CRM API. */
async function appRequestHandler(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (pathname.startsWith("/sandbox/crm/")) return handleSandboxCrmRequest(req);
  if (pathname === "/api/oauth/callback") return oauthCallback(req, {});
  if (pathname === "/api/webhooks/crm") return webhookReceiver(req, {});
  return new Response("not found", { status: 404 });
}

let server: http.Server;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let db: Db;

beforeAll(async () => {
  server = serve(appRequestHandler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.APP_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await useTestDatabase();
  db = await getDb();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
});

const url = (path: string) => `${env().appUrl}${path}`;
const get = (path: string) => new Request(url(path));
const post = (path: string, body?: unknown) =>
  new Request(url(path), { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body ?? {}) });
async function jsonOf(res: Response): Promise<{ status: number; body: unknown }> {
  return { status: res.status, body: await res.json() };
}

async function workspaceOf(locationId: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.crmLocationId, locationId));
  return row;
}
async function tokenCount(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sandboxTokens);
  return row?.n ?? 0;
}
async function storedToken(locationId: string): Promise<string> {
  const [row] = await db.select().from(crmInstallations).where(eq(crmInstallations.locationId, locationId));
  return decryptToken(row?.accessTokenEnc ?? "", env().tokenEncryptionKey);
}
const getContact = (locationId: string, contactId: string) =>
  getCrmDeps().then((deps) => callCrm(deps, locationId, { method: "GET", path: `/contacts/${contactId}`, schema: getContactSchema }));

describe("bootstrap", () => {
  it("seeds an empty sandbox and installs the app on both installed seeded locations", async () => {
    await bootstrapSandbox();
    expect(await db.select().from(sandboxCompanies)).toEqual([expect.objectContaining({ id: SANDBOX_COMPANY_ID, name: "Brightline Agency" })]);
    expect(await workspaceOf(sunrise)).toMatchObject({ name: "Sunrise Dental", plan: "pro", crmPlanId: "sandbox-plan-pro", status: "active", timezone: "America/Chicago", crmCompanyId: SANDBOX_COMPANY_ID });
    expect(await workspaceOf(harbor)).toMatchObject({ name: "Harbor Fitness", plan: "starter", status: "active" });
    expect(await workspaceOf(maple)).toBeUndefined();
    expect(await tokenCount()).toBe(2);
  });

  it("is idempotent: a restart keeps working installations and issues no tokens", async () => {
    const before = [await workspaceOf(sunrise), await workspaceOf(harbor)].map((w) => w?.id);
    const sunriseToken = await storedToken(sunrise);
    await bootstrapSandbox();
    expect(await tokenCount()).toBe(2);
    expect([await workspaceOf(sunrise), await workspaceOf(harbor)].map((w) => w?.id)).toEqual(before);
    expect(await storedToken(sunrise)).toBe(sunriseToken);
    expect(await ensureAppInstallations(await inProcessCrmDeps())).toEqual({ installed: [], kept: [sunrise, harbor], failed: [] });
  });

  it("leaves the app a client that works over HTTP", async () => {
    expect((await getContact(sunrise, "sbx_ct_sunrise_01")).contact.firstName).toBe("Olivia");
    expect((await getContact(harbor, "sbx_ct_harbor_01")).contact.locationId).toBe(harbor);
  });

  // On PGlite (one connection, shared with the in-process sandbox) the refresh holds no
  // transaction across the CRM call; on PostgreSQL it holds the row lock. Both must recover.
  it("lets the app recover from an unauthorized-once fault by refreshing", async () => {
    const before = await storedToken(sunrise);
    await setFault(db, { mode: "unauthorized-once" });
    expect((await getContact(sunrise, "sbx_ct_sunrise_01")).contact.id).toBe("sbx_ct_sunrise_01");
    expect((await getFault(db)).mode).toBe("none");
    expect(await storedToken(sunrise)).not.toBe(before); // refreshed, and the rotated pair saved
    expect((await ensureAppInstallations(await inProcessCrmDeps())).kept).toEqual([sunrise, harbor]);
  });
});

describe("control API", () => {
  it("GET state: the agency and its locations in seed order, as the shell parses them", async () => {
    const res = await stateGet(get("/sandbox/api/state"), {});
    expect(res.status).toBe(200);
    const state = stateSchema.parse(await res.json());
    expect(state.agency).toEqual({ id: SANDBOX_COMPANY_ID, name: "Brightline Agency" });
    expect(state.locations.map((l) => [l.id, l.name, l.installed, l.plan, l.contactIds.length])).toEqual([
      [sunrise, "Sunrise Dental", true, "pro", 30],
      [harbor, "Harbor Fitness", true, "starter", 30],
      [maple, "Maple Realty", false, null, 30],
    ]);
    expect(state.locations[0]?.users).toEqual([
      { id: SANDBOX_USER_IDS.sunriseAdmin, name: "Maya Chen", email: "maya.chen@sunrisedental.example", role: "admin", type: "account" },
      { id: SANDBOX_USER_IDS.sunriseUser, name: "Luis Ortega", email: "luis.ortega@sunrisedental.example", role: "user", type: "account" },
      { id: SANDBOX_USER_IDS.agencyAdmin, name: "Jordan Blake", email: "jordan.blake@brightline.example", role: "admin", type: "agency" },
    ]);
    expect(state.locations[0]?.contactIds[0]).toBe("sbx_ct_sunrise_01");
  });

  it("GET sso-payload: the encrypted user payload, in location or agency context, that the app accepts", async () => {
    const location = await jsonOf(await ssoPayloadGet(get(`/sandbox/api/sso-payload?locationId=${sunrise}&userId=${SANDBOX_USER_IDS.sunriseAdmin}`), {}));
    expect(location.status).toBe(200);
    const { payload } = z.object({ payload: z.string() }).parse(location.body);
    expect(payload.startsWith("U2FsdGVkX1")).toBe(true);
    expect(JSON.parse(decryptSsoPayload(payload, env().crm.ssoKey) ?? "null")).toEqual({
      userId: SANDBOX_USER_IDS.sunriseAdmin,
      companyId: SANDBOX_COMPANY_ID,
      role: "admin",
      type: "location",
      userName: "Maya Chen",
      email: "maya.chen@sunrisedental.example",
      activeLocation: sunrise,
    });
    const session = await jsonOf(await ssoExchange(post("/api/auth/sso", { payload }), {}));
    expect(session).toMatchObject({ status: 200, body: { workspace: { locationId: sunrise, name: "Sunrise Dental", plan: "pro" }, user: { name: "Maya Chen", role: "admin" } } });

    const agency = await jsonOf(await ssoPayloadGet(get(`/sandbox/api/sso-payload?userId=${SANDBOX_USER_IDS.agencyAdmin}`), {}));
    const agencyPayload = z.object({ payload: z.string() }).parse(agency.body).payload;
    const agencyJson: unknown = JSON.parse(decryptSsoPayload(agencyPayload, env().crm.ssoKey) ?? "null");
    expect(agencyJson).toMatchObject({ userId: SANDBOX_USER_IDS.agencyAdmin, companyId: SANDBOX_COMPANY_ID, type: "agency", role: "admin", userName: "Jordan Blake" });
    expect(agencyJson).not.toHaveProperty("activeLocation");
    const picker = await jsonOf(await ssoExchange(post("/api/auth/sso", { payload: agencyPayload }), {}));
    expect(picker.body).toMatchObject({ agency: { id: SANDBOX_COMPANY_ID } });
    expect(z.object({ locations: z.array(z.object({ id: z.string(), name: z.string() })) }).parse(picker.body).locations).toEqual(
      expect.arrayContaining([{ id: sunrise, name: "Sunrise Dental" }, { id: harbor, name: "Harbor Fitness" }]),
    );
  });

  it("GET sso-payload refuses unknown users and locations (404), users outside the location (403) and bad input (422)", async () => {
    const call = async (query: string) => jsonOf(await ssoPayloadGet(get(`/sandbox/api/sso-payload?${query}`), {}));
    expect(await call(`locationId=${sunrise}&userId=nobody`)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await call(`locationId=nowhere&userId=${SANDBOX_USER_IDS.agencyAdmin}`)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await call(`locationId=${sunrise}&userId=${SANDBOX_USER_IDS.harborUser}`)).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: "Tess Morgan cannot open Sunrise Dental" } } });
    expect(await call(`userId=${SANDBOX_USER_IDS.harborUser}`)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await call(`locationId=${sunrise}`)).toMatchObject({ status: 422, body: { error: { code: "invalid_input" } } });
  });

  it("GET contacts: search by name, email or phone, newest first; GET contacts/{id} shows what the app wrote", async () => {
    const list = await jsonOf(await contactsGet(get(`/sandbox/api/contacts?locationId=${sunrise}`), {}));
    const listBody = z.object({ contacts: z.array(z.object({ id: z.string(), firstName: z.string().nullable(), lastName: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), tags: z.array(z.string()) })), total: z.number() }).parse(list.body);
    expect(listBody.total).toBe(30);
    expect(listBody.contacts[0]).toEqual({ id: "sbx_ct_sunrise_01", firstName: "Olivia", lastName: "Johnson", email: "olivia.johnson@example.com", phone: "+15125550100", tags: ["patient"] });
    const search = async (q: string) => z.object({ contacts: z.array(z.object({ id: z.string() })), total: z.number() }).parse((await jsonOf(await contactsGet(get(`/sandbox/api/contacts?locationId=${sunrise}&q=${encodeURIComponent(q)}`), {}))).body);
    expect((await search("OLIVIA JOHN")).contacts.map((c) => c.id)).toEqual(["sbx_ct_sunrise_01"]);
    expect((await search("512-555-0100")).contacts.map((c) => c.id)).toEqual(["sbx_ct_sunrise_01"]);
    expect((await search("@example.net")).total).toBeGreaterThan(0);
    expect((await search("zz%_")).total).toBe(0); // LIKE wildcards are literal
    expect((await jsonOf(await contactsGet(get("/sandbox/api/contacts"), {}))).status).toBe(422);
    expect((await jsonOf(await contactsGet(get("/sandbox/api/contacts?locationId=nowhere"), {}))).status).toBe(404);

    // The app writes through its own client: a field value, a tag and two notes.
    const deps = await getCrmDeps();
    const field = await callCrm(deps, sunrise, { method: "POST", path: `/locations/${sunrise}/customFields`, json: { name: "Last Smart Link", dataType: "TEXT" }, schema: z.object({ customField: z.object({ id: z.string() }) }) });
    await callCrm(deps, sunrise, { method: "PUT", path: "/contacts/sbx_ct_sunrise_02", json: { customFields: [{ id: field.customField.id, field_value: "https://sl.example/promo" }] }, schema: z.unknown() });
    await callCrm(deps, sunrise, { method: "POST", path: "/contacts/sbx_ct_sunrise_02/tags", json: { tags: ["clicked-promo"] }, schema: z.unknown() });
    await callCrm(deps, sunrise, { method: "POST", path: "/contacts/sbx_ct_sunrise_02/notes", json: { body: "First click" }, schema: z.unknown() });
    await new Promise((r) => setTimeout(r, 5));
    await callCrm(deps, sunrise, { method: "POST", path: "/contacts/sbx_ct_sunrise_02/notes", json: { body: "Second click" }, schema: z.unknown() });

    const view = await contactGet(get("/sandbox/api/contacts/sbx_ct_sunrise_02"), { params: Promise.resolve({ id: "sbx_ct_sunrise_02" }) });
    expect(view.status).toBe(200);
    const contact = shellContactSchema.parse(await view.json());
    expect(contact).toMatchObject({ id: "sbx_ct_sunrise_02", locationId: sunrise, firstName: "Liam" });
    expect(contact.tags).toContain("clicked-promo");
    expect(contact.customFields).toEqual([{ id: field.customField.id, key: "contact.last_smart_link", name: "Last Smart Link", value: "https://sl.example/promo" }]);
    expect(contact.notes.map((n) => n.body)).toEqual(["Second click", "First click"]);
    const missing = await contactGet(get("/sandbox/api/contacts/nope"), { params: Promise.resolve({ id: "nope" }) });
    expect(await jsonOf(missing)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it("POST/GET faults: sets, shows and clears the fault every process sees", async () => {
    expect(await jsonOf(await faultsPost(post("/sandbox/api/faults", { mode: "down", seconds: 30 }), {}))).toEqual({ status: 200, body: { ok: true } });
    const shown = z.object({ mode: z.string(), until: z.string().nullable() }).parse((await jsonOf(await faultsGet(get("/sandbox/api/faults"), {}))).body);
    expect(shown.mode).toBe("down");
    expect(Date.parse(shown.until ?? "") - Date.now()).toBeGreaterThan(25_000);
    const down = await handleSandboxCrmRequest(new Request(url(`/sandbox/crm/locations/${sunrise}`), { headers: { Version: "2021-07-28" } }));
    expect(down.status).toBe(503);
    await faultsPost(post("/sandbox/api/faults", { mode: "none" }), {});
    expect((await jsonOf(await faultsGet(get("/sandbox/api/faults"), {}))).body).toEqual({ mode: "none", until: null });
    expect(await jsonOf(await faultsPost(post("/sandbox/api/faults", { mode: "explode" }), {}))).toMatchObject({ status: 422, body: { error: { code: "invalid_input" } } });
    expect(await jsonOf(await faultsPost(post("/sandbox/api/faults", "{not json"), {}))).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
  });
});

describe("webhooks", () => {
  it("signs the raw JSON with the sandbox key, verifiably with the app's configured public key", () => {
    const webhook = buildSignedWebhook({ type: "PLAN_CHANGE", locationId: sunrise, companyId: SANDBOX_COMPANY_ID, userId: SANDBOX_USER_IDS.sunriseAdmin, currentPlanId: "sandbox-plan-starter", newPlanId: "sandbox-plan-pro" });
    expect(webhook.url).toBe(url("/api/webhooks/crm"));
    expect(verifyWebhookSignature(webhook.body, webhook.signature, env().crm.webhookPublicKey)).toBe(true);
    expect(verifyWebhookSignature(webhook.body.replace("pro", "pr0"), webhook.signature, env().crm.webhookPublicKey)).toBe(false);
    const body = z.object({ type: z.string(), appId: z.string(), webhookId: z.string().min(8), timestamp: z.iso.datetime() }).loose().parse(JSON.parse(webhook.body));
    expect(body).toMatchObject({ type: "PLAN_CHANGE", appId: "smart", locationId: sunrise, companyId: SANDBOX_COMPANY_ID, currentPlanId: "sandbox-plan-starter", newPlanId: "sandbox-plan-pro" });
    expect(Math.abs(Date.parse(body.timestamp) - Date.now())).toBeLessThan(5_000);
    const install = JSON.parse(buildSignedWebhook({ type: "INSTALL", companyId: SANDBOX_COMPANY_ID, locationId: maple, planId: "sandbox-plan-starter" }).body) as Record<string, unknown>;
    expect(install).toMatchObject({ type: "INSTALL", trial: { onTrial: false }, isWhitelabelCompany: false });
  });

  it("retries a delivery only while the app answers 429, re-sending the same bytes", async () => {
    const seen: { body: string; signature: string | null }[] = [];
    const statuses = [429, 429, 200];
    const fakeApp = serve(async (req) => {
      seen.push({ body: await req.text(), signature: req.headers.get("x-ghl-signature") });
      return new Response(null, { status: statuses[seen.length - 1] ?? 500 });
    });
    await new Promise<void>((resolve) => fakeApp.listen(0, "127.0.0.1", resolve));
    try {
      const target = `http://127.0.0.1:${(fakeApp.address() as AddressInfo).port}/api/webhooks/crm`;
      const webhook = { ...buildSignedWebhook({ type: "UNINSTALL", locationId: maple, companyId: SANDBOX_COMPANY_ID }), url: target };
      const waits: number[] = [];
      expect(await deliverWebhook(webhook, { sleep: async (ms) => void waits.push(ms) })).toBe(200);
      expect(seen).toHaveLength(3);
      expect(new Set(seen.map((s) => s.body)).size).toBe(1);
      expect(seen.every((s) => s.signature === webhook.signature)).toBe(true);
      expect(waits).toEqual([200, 500]);

      statuses.splice(0, statuses.length, 500);
      seen.length = 0;
      expect(await deliverWebhook(webhook, { sleep: async () => {} })).toBe(500);
      expect(seen).toHaveLength(1); // any other status is final, as HighLevel does
    } finally {
      fakeApp.closeAllConnections();
      await new Promise<void>((resolve) => fakeApp.close(() => resolve()));
    }
  });
});

describe("install, plan change and uninstall", () => {
  it("names the status when the app's callback fails", async () => {
    const failing: typeof fetch = async () => Response.json({ error: { code: "internal", message: "boom" } }, { status: 500 });
    await expect(installApp(db, maple, { fetchImpl: failing })).rejects.toMatchObject({ code: "crm_unavailable", message: "The app's OAuth callback answered 500: boom" });
    await expect(installApp(db, "nowhere")).rejects.toBeInstanceOf(AppError);
  });

  it("installs through the real OAuth redirect and INSTALL webhook, changes plan with PLAN_CHANGE, uninstalls with UNINSTALL", async () => {
    expect(await jsonOf(await installPost(post("/sandbox/api/install", { locationId: maple }), {}))).toEqual({ status: 200, body: { ok: true } });
    expect(await workspaceOf(maple)).toMatchObject({ name: "Maple Realty", plan: "starter", status: "active", timezone: "America/New_York" });
    expect((await getContact(maple, "sbx_ct_maple_01")).contact.locationId).toBe(maple);

    expect(await jsonOf(await planPost(post("/sandbox/api/plan", { locationId: maple, plan: "pro" }), {}))).toEqual({ status: 200, body: { ok: true } });
    expect(await workspaceOf(maple)).toMatchObject({ plan: "pro", crmPlanId: "sandbox-plan-pro" });
    const state = stateSchema.parse(await (await stateGet(get("/sandbox/api/state"), {})).json());
    expect(state.locations.find((l) => l.id === maple)).toMatchObject({ installed: true, plan: "pro" });

    expect(await jsonOf(await uninstallPost(post("/sandbox/api/uninstall", { locationId: maple }), {}))).toEqual({ status: 200, body: { ok: true } });
    expect(await workspaceOf(maple)).toMatchObject({ status: "uninstalled" });
    const live = await db.select().from(sandboxTokens).where(eq(sandboxTokens.locationId, maple));
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((t) => t.revokedAt !== null)).toBe(true);
    const after = stateSchema.parse(await (await stateGet(get("/sandbox/api/state"), {})).json());
    expect(after.locations.find((l) => l.id === maple)).toMatchObject({ installed: false, plan: null });
  });

  it("refuses bad input (422), unknown locations (404) and changes to a location without the app (409)", async () => {
    expect(await jsonOf(await installPost(post("/sandbox/api/install", {}), {}))).toMatchObject({ status: 422, body: { error: { code: "invalid_input" } } });
    expect(await jsonOf(await installPost(post("/sandbox/api/install", { locationId: "nowhere" }), {}))).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await jsonOf(await uninstallPost(post("/sandbox/api/uninstall", { locationId: maple }), {}))).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(await jsonOf(await planPost(post("/sandbox/api/plan", { locationId: maple, plan: "pro" }), {}))).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(await jsonOf(await planPost(post("/sandbox/api/plan", { locationId: harbor, plan: "gold" }), {}))).toMatchObject({ status: 422, body: { error: { code: "invalid_input" } } });
  });
});

describe("reset", () => {
  it("restores the seed data, and the app's installations work again with fresh tokens", async () => {
    await installPost(post("/sandbox/api/install", { locationId: maple }), {});
    await planPost(post("/sandbox/api/plan", { locationId: harbor, plan: "pro" }), {});
    expect(await workspaceOf(harbor)).toMatchObject({ plan: "pro" });
    const deps = await getCrmDeps();
    await callCrm(deps, sunrise, { method: "POST", path: "/contacts/upsert", json: { locationId: sunrise, email: "temp@example.com" }, schema: z.unknown() });
    const oldToken = await storedToken(sunrise);

    expect(await jsonOf(await resetPost(post("/sandbox/api/reset"), {}))).toEqual({ status: 200, body: { ok: true } });

    const state = stateSchema.parse(await (await stateGet(get("/sandbox/api/state"), {})).json());
    expect(state.locations.map((l) => [l.id, l.installed, l.plan, l.contactIds.length])).toEqual([
      [sunrise, true, "pro", 30],
      [harbor, true, "starter", 30],
      [maple, false, null, 30],
    ]);
    expect(await db.select().from(sandboxContacts).where(eq(sandboxContacts.email, "temp@example.com"))).toEqual([]);
    const sunrise02 = shellContactSchema.parse(await (await contactGet(get("/sandbox/api/contacts/sbx_ct_sunrise_02"), { params: Promise.resolve({ id: "sbx_ct_sunrise_02" }) })).json());
    expect(sunrise02).toMatchObject({ tags: ["patient", "newsletter"], customFields: [], notes: [] });

    // The app follows: plans as seeded, Maple uninstalled, and its stored tokens work.
    expect(await workspaceOf(harbor)).toMatchObject({ plan: "starter", status: "active" });
    expect(await workspaceOf(maple)).toMatchObject({ status: "uninstalled" });
    expect((await getContact(sunrise, "sbx_ct_sunrise_01")).contact.firstName).toBe("Olivia");
    expect((await getContact(harbor, "sbx_ct_harbor_01")).contact.locationId).toBe(harbor);
    const stale = await handleSandboxCrmRequest(new Request(url("/sandbox/crm/contacts/sbx_ct_sunrise_01"), { headers: { Version: "2021-07-28", Authorization: `Bearer ${oldToken}` } }));
    expect(stale.status).toBe(401);
    const active = await db.select().from(sandboxTokens).where(isNull(sandboxTokens.revokedAt));
    expect(active.map((t) => t.locationId).sort()).toEqual([harbor, sunrise].sort());
    expect(await db.select().from(workspaces).where(inArray(workspaces.crmLocationId, [sunrise, harbor]))).toHaveLength(2);
  });
});

describe("outside sandbox mode", () => {
  const production = {
    CRM_MODE: "highlevel",
    CRM_CLIENT_ID: "abc-123",
    CRM_CLIENT_SECRET: "secret",
    CRM_SSO_KEY: "sso",
    SESSION_SECRET: "s".repeat(40),
    TOKEN_ENCRYPTION_KEY: "k".repeat(40),
    WORKFLOW_SECRET: "w".repeat(20),
  };
  beforeAll(() => {
    Object.assign(process.env, production);
    dropProcessSingleton("env");
  });
  afterAll(() => {
    for (const key of Object.keys(production)) delete process.env[key];
    dropProcessSingleton("env");
  });

  it("answers 404 on the control API and the CRM API", async () => {
    expect(await jsonOf(await stateGet(get("/sandbox/api/state"), {}))).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await faultsPost(post("/sandbox/api/faults", { mode: "down" }), {})).status).toBe(404);
    expect((await handleSandboxCrmRequest(new Request("http://localhost/sandbox/crm/oauth/token", { method: "POST" }))).status).toBe(404);
    await expect(bootstrapSandbox()).resolves.toBeUndefined();
  });
});
