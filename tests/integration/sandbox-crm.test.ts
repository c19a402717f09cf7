/**
 * The sandbox CRM's HTTP API over real HTTP (a node:http server wrapping
 * `handleSandboxCrmRequest`), driven by the app's own CRM client code where it has one: OAuth
 * codes and rotating refresh tokens, bearer and Version checks, contacts, tags, notes, custom
 * fields, search, rate limits and every fault mode.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, like } from "drizzle-orm";
import { sandboxSettings, sandboxTriggerEvents, sandboxWorkflows } from "@/db/schema";
import type { Db } from "@/db/client";
import { CrmError } from "@/lib/crm/errors";
import { createCrmHttp, type CrmHttp } from "@/lib/crm/http";
import { exchangeCode, mintLocationToken, refreshToken, type OAuthClient } from "@/lib/crm/oauth";
import { getContactSchema, installedLocationsSchema, tokenResponseSchema } from "@/lib/crm/schemas";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handleSandboxCrmRequest, inProcessFetch } from "@/lib/sandbox/crm-api";
import { setFault, getFault, SLOW_FAULT_DELAY_MS } from "@/lib/sandbox/faults";
import { createOAuthCode, revokeLocationTokens } from "@/lib/sandbox/oauth";
import { chargeRequest } from "@/lib/sandbox/rate-limit";
import { SANDBOX_COMPANY_ID, SANDBOX_LOCATION_IDS, SANDBOX_USER_IDS, seedSandbox } from "@/lib/sandbox/seed";
import { useTestDatabase } from "@/tests/helpers/db";
import { serve } from "@/tests/helpers/serve-fetch";
import { z } from "zod";

const { sunrise, harbor, maple } = SANDBOX_LOCATION_IDS;


let server: http.Server;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let db: Db;
let base: string;
let crm: CrmHttp;
let client: OAuthClient;

beforeAll(async () => {
  server = serve(handleSandboxCrmRequest);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.APP_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await useTestDatabase();
  db = await getDb();
  await seedSandbox(db);
  base = `${env().appUrl}/sandbox/crm`;
  crm = createCrmHttp(base);
  client = { clientId: env().crm.clientId, clientSecret: env().crm.clientSecret, redirectUri: `${env().appUrl}/api/oauth/callback` };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
});
afterEach(async () => {
  await setFault(db, { mode: "none" });
});

async function locationTokens(locationId: string) {
  const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId });
  return exchangeCode(crm, client, code);
}

type Answer = { status: number; body: unknown; headers: Headers };
async function call(method: string, path: string, opts: { token?: string; version?: boolean; json?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (opts.version !== false) headers.Version = "2021-07-28";
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.json !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.json === undefined ? undefined : JSON.stringify(opts.json) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

async function crmErrorOf(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CrmError) return err;
    throw err;
  }
  throw new Error("expected a CrmError");
}

const INVALID_TOKEN = { statusCode: 401, message: "Invalid token: access token is invalid", error: "Unauthorized" };
const contactBody = z.object({ contact: z.object({ id: z.string(), email: z.string().optional(), phone: z.string().optional(), firstName: z.string().optional(), tags: z.array(z.string()), customFields: z.array(z.object({ id: z.string(), value: z.unknown() })) }) });

describe("OAuth", () => {
  it("exchanges a code once, answering the token fields HighLevel sends", async () => {
    const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId: sunrise });
    const raw = await call("POST", "/oauth/token", { version: false });
    expect(raw.status).toBe(400); // no body at all
    const tokens = await exchangeCode(crm, client, code);
    expect(tokens).toMatchObject({
      token_type: "Bearer",
      expires_in: 86399,
      userType: "Location",
      companyId: SANDBOX_COMPANY_ID,
      locationId: sunrise,
      userId: SANDBOX_USER_IDS.sunriseAdmin,
      planId: "sandbox-plan-pro",
    });
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.scope).toContain("contacts.write");

    const again = await crmErrorOf(exchangeCode(crm, client, code));
    expect(again.details).toMatchObject({ status: 400, body: { statusCode: 400, error: "invalid_grant", message: "Invalid grant: authorization code is invalid" } });
  });

  it("refuses a wrong client secret, a wrong redirect URI and an expired code", async () => {
    const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId: sunrise });
    expect((await crmErrorOf(exchangeCode(crm, { ...client, clientSecret: "nope" }, code))).details.body).toMatchObject({ error: "invalid_client" });
    expect((await crmErrorOf(exchangeCode(crm, { ...client, redirectUri: "https://evil.example/cb" }, code))).message).toBe("Invalid request: `redirect_uri` is invalid");
    await expect(exchangeCode(crm, client, code)).resolves.toMatchObject({ locationId: sunrise }); // neither refusal used it up
    const old = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId: sunrise }, new Date(Date.now() - 11 * 60_000));
    expect((await crmErrorOf(exchangeCode(crm, client, old))).message).toBe("Invalid grant: authorization code has expired");
  });

  it("rotates refresh tokens: each works once", async () => {
    const first = await locationTokens(harbor);
    const second = await refreshToken(crm, client, first.refresh_token ?? "", "Location");
    expect(second).toMatchObject({ userType: "Location", locationId: harbor, planId: "sandbox-plan-starter", expires_in: 86399 });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const reused = await crmErrorOf(refreshToken(crm, client, first.refresh_token ?? "", "Location"));
    expect(reused.details).toMatchObject({ status: 400, body: { message: "Invalid grant: refresh token is invalid" } });
    await expect(refreshToken(crm, client, second.refresh_token ?? "", "Location")).resolves.toMatchObject({ locationId: harbor });
    // Access tokens live until they expire; the new one works too.
    expect((await call("GET", `/locations/${harbor}`, { token: second.access_token })).status).toBe(200);
  });

  it("gives agency installs a Company token, the installed locations, and Location tokens for them only", async () => {
    const code = await createOAuthCode(db, { userType: "Company", companyId: SANDBOX_COMPANY_ID });
    const company = await exchangeCode(crm, client, code);
    expect(company).toMatchObject({ userType: "Company", companyId: SANDBOX_COMPANY_ID, userId: SANDBOX_USER_IDS.agencyAdmin });
    expect(company.locationId).toBeUndefined();

    const { data } = await crm.request({
      method: "GET",
      path: "/oauth/installedLocations",
      token: company.access_token,
      query: { companyId: SANDBOX_COMPANY_ID, appId: "smart", isInstalled: "true" },
      schema: installedLocationsSchema,
    });
    expect(data.locations.map((l) => [l._id, l.name])).toEqual([[sunrise, "Sunrise Dental"], [harbor, "Harbor Fitness"]]);

    const minted = await mintLocationToken(crm, company.access_token, SANDBOX_COMPANY_ID, sunrise);
    expect(minted).toMatchObject({ userType: "Location", locationId: sunrise, planId: "sandbox-plan-pro" });
    expect((await call("GET", "/contacts/sbx_ct_sunrise_01", { token: minted.access_token })).status).toBe(200);
    expect((await crmErrorOf(mintLocationToken(crm, company.access_token, SANDBOX_COMPANY_ID, maple))).details.status).toBe(400);

    // A Company token on a Location-only endpoint, and a Location token on an agency endpoint.
    const wrongClass = await call("GET", "/contacts/sbx_ct_sunrise_01", { token: company.access_token });
    expect(wrongClass.status).toBe(401);
    expect(wrongClass.body).toMatchObject({ statusCode: 401, error: "Unauthorized" });
    expect((await call("GET", `/oauth/installedLocations?companyId=${SANDBOX_COMPANY_ID}&appId=smart`, { token: minted.access_token })).status).toBe(401);
    // The token endpoint answers no other shape than the app's schema expects.
    expect(tokenResponseSchema.safeParse(minted).success).toBe(true);
  });
});

describe("authentication and versions", () => {
  it("answers 401 without a token, with a bad one and with a revoked one", async () => {
    const tokens = await locationTokens(sunrise);
    expect(await call("GET", "/contacts/sbx_ct_sunrise_01")).toMatchObject({ status: 401, body: INVALID_TOKEN });
    expect(await call("GET", "/contacts/sbx_ct_sunrise_01", { token: "sbx_at_forged" })).toMatchObject({ status: 401, body: INVALID_TOKEN });
    expect((await call("GET", "/contacts/sbx_ct_sunrise_01", { token: tokens.access_token })).status).toBe(200);
    await revokeLocationTokens(db, [sunrise]);
    expect(await call("GET", "/contacts/sbx_ct_sunrise_01", { token: tokens.access_token })).toMatchObject({ status: 401, body: INVALID_TOKEN });
    expect((await crmErrorOf(refreshToken(crm, client, tokens.refresh_token ?? "", "Location"))).details.status).toBe(400);
  });

  it("requires the Version header on versioned endpoints", async () => {
    const tokens = await locationTokens(sunrise);
    const res = await call("GET", "/contacts/sbx_ct_sunrise_01", { token: tokens.access_token, version: false });
    expect(res).toMatchObject({ status: 400, body: { statusCode: 400, message: "Version header was not found" } });
  });

  it("keeps a Location token to its own location", async () => {
    const tokens = await locationTokens(harbor);
    const forbidden = { statusCode: 403, message: "The token does not have access to this location.", error: "Forbidden" };
    expect(await call("GET", "/contacts/sbx_ct_sunrise_01", { token: tokens.access_token })).toMatchObject({ status: 403, body: forbidden });
    expect((await call("GET", `/locations/${sunrise}`, { token: tokens.access_token })).status).toBe(403);
    expect((await call("POST", "/contacts/upsert", { token: tokens.access_token, json: { locationId: sunrise, email: "x@example.com" } })).status).toBe(403);
    expect((await call("GET", `/locations/${sunrise}/customFields`, { token: tokens.access_token })).status).toBe(403);
  });

  it("answers unknown paths with 404 and the location with its name and timezone", async () => {
    const tokens = await locationTokens(sunrise);
    expect(await call("GET", "/nope", { token: tokens.access_token })).toMatchObject({ status: 404, body: { statusCode: 404, message: "Cannot GET /nope" } });
    expect((await call("GET", "/contacts/missing", { token: tokens.access_token })).status).toBe(404);
    const { data } = await crm.request({
      method: "GET",
      path: `/locations/${sunrise}`,
      token: tokens.access_token,
      schema: z.object({ location: z.object({ id: z.string(), name: z.string(), timezone: z.string(), companyId: z.string() }) }),
    });
    expect(data.location).toEqual({ id: sunrise, name: "Sunrise Dental", timezone: "America/Chicago", companyId: SANDBOX_COMPANY_ID });
  });
});

describe("contacts", () => {
  let token: string;
  beforeAll(async () => {
    token = (await locationTokens(sunrise)).access_token;
  });

  it("reads a contact in the shape the app's client parses", async () => {
    const { data } = await crm.request({ method: "GET", path: "/contacts/sbx_ct_sunrise_01", token, schema: getContactSchema });
    expect(data.contact).toMatchObject({ id: "sbx_ct_sunrise_01", locationId: sunrise, firstName: "Olivia", lastName: "Johnson", email: "olivia.johnson@example.com", phone: "+15125550100" });
    expect(data.contact.tags).toEqual(["patient"]);
  });

  it("upserts by email (any case), replaces tags only when given, and adds and removes tags", async () => {
    const first = await call("POST", "/contacts/upsert", { token, json: { locationId: sunrise, email: "OLIVIA.Johnson@example.com", firstName: "Liv" } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ new: false, contact: { id: "sbx_ct_sunrise_01", firstName: "Liv", tags: ["patient"] } });
    expect(typeof (first.body as { traceId?: unknown }).traceId).toBe("string");

    const replaced = await call("POST", "/contacts/upsert", { token, json: { locationId: sunrise, email: "olivia.johnson@example.com", tags: ["Lead"] } });
    expect(contactBody.parse(replaced.body).contact.tags).toEqual(["lead"]);

    const added = await call("POST", "/contacts/sbx_ct_sunrise_01/tags", { token, json: { tags: ["vip", "Lead"] } });
    expect(added).toMatchObject({ status: 201, body: { tags: ["lead", "vip"] } });
    const removed = await call("DELETE", "/contacts/sbx_ct_sunrise_01/tags", { token, json: { tags: ["LEAD"] } });
    expect(removed).toMatchObject({ status: 200, body: { tags: ["vip"] } });
  });

  it("creates on upsert when nothing matches, then matches on phone; needs email or phone", async () => {
    const created = await call("POST", "/contacts/upsert", { token, json: { locationId: sunrise, name: "Nina Brooks", phone: "(512) 555-9999", source: "Smart Links" } });
    expect(created.body).toMatchObject({ new: true, contact: { firstName: "Nina", lastName: "Brooks", phone: "+15125559999", source: "Smart Links" } });
    const id = contactBody.parse(created.body).contact.id;
    const byPhone = await call("POST", "/contacts/upsert", { token, json: { locationId: sunrise, phone: "+1 512 555 9999", email: "nina@example.com" } });
    expect(byPhone.body).toMatchObject({ new: false, contact: { id, email: "nina@example.com" } });

    const neither = await call("POST", "/contacts/upsert", { token, json: { locationId: sunrise, firstName: "Ghost" } });
    expect(neither).toMatchObject({ status: 422, body: { statusCode: 422, message: ["email or phone must be provided"], error: "Unprocessable Entity" } });
  });

  it("makes one contact of concurrent upserts of one new email", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => call("POST", "/contacts/upsert", { token, json: { locationId: sunrise, email: "burst@example.com" } })));
    const bodies = answers.map((a) => z.object({ new: z.boolean(), contact: z.object({ id: z.string() }) }).parse(a.body));
    expect(new Set(bodies.map((b) => b.contact.id)).size).toBe(1);
    expect(bodies.filter((b) => b.new)).toHaveLength(1);
  });

  it("refuses unknown properties and bad values on update with a 422 message list", async () => {
    const res = await call("PUT", "/contacts/sbx_ct_sunrise_02", { token, json: { gender: "male", firstName: 3, email: "not-an-email" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: "Unprocessable Entity" });
    expect((res.body as { message: string[] }).message).toEqual(expect.arrayContaining(["property gender should not exist", "firstName must be a string", "email must be an email"]));
    const ok = await call("PUT", "/contacts/sbx_ct_sunrise_02", { token, json: { lastName: "Renamed" } });
    expect(ok.body).toMatchObject({ succeded: true, contact: { id: "sbx_ct_sunrise_02", lastName: "Renamed" } });
  });

  it("refuses a duplicate create, and finds contacts by search and duplicate lookup", async () => {
    const dup = await call("POST", "/contacts/", { token, json: { locationId: sunrise, email: "olivia.johnson@example.com" } });
    expect(dup).toMatchObject({ status: 400, body: { statusCode: 400, message: "This location does not allow duplicated contacts.", meta: { contactId: "sbx_ct_sunrise_01", matchingField: "email" } } });
    const created = await call("POST", "/contacts/", { token, json: { locationId: sunrise, firstName: "Zed", email: "zed@example.com", tags: ["VIP"] } });
    expect(created).toMatchObject({ status: 201, body: { contact: { email: "zed@example.com", tags: ["vip"] } } });

    const page = await call("POST", "/contacts/search", { token, json: { locationId: sunrise, pageLimit: 5, page: 1 } });
    const pageBody = z.object({ contacts: z.array(z.object({ id: z.string() })), total: z.number() }).parse(page.body);
    expect(pageBody.contacts).toHaveLength(5);
    expect(pageBody.total).toBeGreaterThanOrEqual(31);
    expect(pageBody.contacts[0]?.id).toBe(contactBody.parse(created.body).contact.id); // newest first

    const vip = await call("POST", "/contacts/search", { token, json: { locationId: sunrise, pageLimit: 100, filters: [{ field: "tags", operator: "eq", value: "vip" }] } });
    const vipContacts = z.object({ contacts: z.array(z.object({ tags: z.array(z.string()) })) }).parse(vip.body).contacts;
    expect(vipContacts.length).toBeGreaterThan(1);
    expect(vipContacts.every((c) => c.tags.includes("vip"))).toBe(true);

    const byQuery = await call("POST", "/contacts/search", { token, json: { locationId: sunrise, pageLimit: 10, query: "zed@" } });
    expect(byQuery.body).toMatchObject({ total: 1, contacts: [{ email: "zed@example.com" }] });
    const byEmailFilter = await call("POST", "/contacts/search", {
      token,
      json: { locationId: sunrise, pageLimit: 10, filters: [{ group: "OR", filters: [{ field: "email", operator: "eq", value: "ZED@example.com" }, { field: "id", operator: "eq", value: "sbx_ct_sunrise_03" }] }] },
    });
    expect(byEmailFilter.body).toMatchObject({ total: 2 });
    expect((await call("POST", "/contacts/search", { token, json: { locationId: sunrise } })).status).toBe(422);

    const duplicate = await call("GET", `/contacts/search/duplicate?locationId=${sunrise}&email=${encodeURIComponent("Zed@example.com")}`, { token });
    expect(duplicate.body).toMatchObject({ contact: { email: "zed@example.com" } });
    const none = await call("GET", `/contacts/search/duplicate?locationId=${sunrise}&number=${encodeURIComponent("+15550000000")}`, { token });
    expect(none.body).toEqual({ contact: null });
  });

  it("keeps a notes timeline, newest first", async () => {
    const one = await call("POST", "/contacts/sbx_ct_sunrise_04/notes", { token, json: { body: "Clicked spring-promo" } });
    expect(one).toMatchObject({ status: 201, body: { note: { body: "Clicked spring-promo", contactId: "sbx_ct_sunrise_04" } } });
    await new Promise((r) => setTimeout(r, 5));
    await call("POST", "/contacts/sbx_ct_sunrise_04/notes", { token, json: { body: "Clicked summer-sale", userId: SANDBOX_USER_IDS.sunriseAdmin } });
    const list = await call("GET", "/contacts/sbx_ct_sunrise_04/notes", { token });
    expect(list.body).toMatchObject({ notes: [{ body: "Clicked summer-sale" }, { body: "Clicked spring-promo" }] });
    expect((await call("POST", "/contacts/sbx_ct_sunrise_04/notes", { token, json: {} })).status).toBe(422);
  });
});

describe("custom fields", () => {
  it("creates, lists, writes by key or id, renames and deletes location custom fields", async () => {
    const token = (await locationTokens(harbor)).access_token;
    const created = await call("POST", `/locations/${harbor}/customFields`, { token, json: { name: "Last Smart Link", dataType: "TEXT" } });
    expect(created).toMatchObject({ status: 201, body: { customField: { name: "Last Smart Link", fieldKey: "contact.last_smart_link", dataType: "TEXT", locationId: harbor, model: "contact" } } });
    const fieldId = z.object({ customField: z.object({ id: z.string() }) }).parse(created.body).customField.id;
    expect((await call("POST", `/locations/${harbor}/customFields`, { token, json: { name: "Last smart link", dataType: "TEXT" } })).status).toBe(400);
    expect((await call("POST", `/locations/${harbor}/customFields`, { token, json: { name: "Bad", dataType: "WHATEVER" } })).status).toBe(422);
    await call("POST", `/locations/${harbor}/customFields`, { token, json: { name: "Total Clicks", dataType: "NUMERICAL" } });

    const list = await call("GET", `/locations/${harbor}/customFields?model=contact`, { token });
    expect(z.object({ customFields: z.array(z.object({ fieldKey: z.string() })) }).parse(list.body).customFields.map((f) => f.fieldKey)).toEqual(["contact.last_smart_link", "contact.total_clicks"]);

    const byKey = await call("POST", "/contacts/upsert", { token, json: { locationId: harbor, email: "new.member@example.com", customFields: [{ key: "last_smart_link", field_value: "https://sl.example/a" }, { key: "contact.total_clicks", fieldValue: 3 }] } });
    const contact = contactBody.parse(byKey.body).contact;
    expect(contact.customFields).toEqual(expect.arrayContaining([{ id: fieldId, value: "https://sl.example/a" }, expect.objectContaining({ value: 3 })]));
    const byId = await call("PUT", `/contacts/${contact.id}`, { token, json: { customFields: [{ id: fieldId, field_value: "https://sl.example/b" }] } });
    expect(contactBody.parse(byId.body).contact.customFields).toEqual(expect.arrayContaining([{ id: fieldId, value: "https://sl.example/b" }]));

    expect((await call("PUT", `/locations/${harbor}/customFields/${fieldId}`, { token, json: { name: "Last link" } })).body).toMatchObject({ customField: { name: "Last link", fieldKey: "contact.last_smart_link" } });
    expect(await call("DELETE", `/locations/${harbor}/customFields/${fieldId}`, { token })).toMatchObject({ status: 200, body: { succeded: true } });
    expect((await call("GET", `/locations/${harbor}/customFields/${fieldId}`, { token })).status).toBe(404);
    const after = contactBody.parse((await call("GET", `/contacts/${contact.id}`, { token })).body).contact;
    expect(after.customFields.some((f) => f.id === fieldId)).toBe(false);
  });
});

describe("rate limits", () => {
  beforeEach(async () => {
    await db.delete(sandboxSettings).where(like(sandboxSettings.key, "ratelimit:%"));
  });

  it("sends the headers on every answer and refuses the 101st call in 10 s with 429", async () => {
    const token = (await locationTokens(harbor)).access_token;
    const first = await call("GET", `/locations/${harbor}`, { token });
    expect(Object.fromEntries(["x-ratelimit-limit-daily", "x-ratelimit-daily-remaining", "x-ratelimit-interval-milliseconds", "x-ratelimit-max", "x-ratelimit-remaining"].map((h) => [h, first.headers.get(h)]))).toEqual({
      "x-ratelimit-limit-daily": "200000",
      "x-ratelimit-daily-remaining": "199999",
      "x-ratelimit-interval-milliseconds": "10000",
      "x-ratelimit-max": "100",
      "x-ratelimit-remaining": "99",
    });
    // Calls 2–100 in parallel batches (fewer round trips inside the 10 s window).
    const rest: Answer[] = [];
    for (let batch = 0; batch < 3; batch++) rest.push(...(await Promise.all(Array.from({ length: 33 }, () => call("GET", `/locations/${harbor}`, { token })))));
    expect(rest.every((r) => r.status === 200)).toBe(true);
    expect(rest.map((r) => Number(r.headers.get("x-ratelimit-remaining"))).sort((a, b) => a - b)).toEqual(Array.from({ length: 99 }, (_, i) => i));
    const over = await call("GET", `/locations/${harbor}`, { token });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ statusCode: 429 });
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    // The app's client sees a retryable rate-limit error with the interval to wait.
    const err = await crmErrorOf(crm.request({ method: "GET", path: `/locations/${harbor}`, token, schema: z.unknown() }));
    expect(err).toMatchObject({ kind: "rate_limited", retryable: true, details: { retryAfterMs: 10_000 } });
    // Another location has its own bucket; unauthenticated answers carry the headers too.
    const other = await call("GET", `/locations/${sunrise}`, { token: (await locationTokens(sunrise)).access_token });
    expect(other.status).toBe(200);
    expect((await call("GET", `/locations/${harbor}`)).headers.get("x-ratelimit-max")).toBe("100");
  });

  it("counts concurrent calls exactly (one atomic counter per resource)", async () => {
    const results = await Promise.all(Array.from({ length: 130 }, () => chargeRequest(db, "location:concurrency-test")));
    expect(results.filter((r) => !r.isOver)).toHaveLength(100);
    expect(results.filter((r) => r.isOver)).toHaveLength(30);
  });
});

describe("faults", () => {
  let token: string;
  beforeAll(async () => {
    token = (await locationTokens(sunrise)).access_token;
  });

  it("down: every call answers 503 until the fault ends", async () => {
    await setFault(db, { mode: "down", seconds: 1 });
    expect(await call("GET", "/contacts/sbx_ct_sunrise_05", { token })).toMatchObject({ status: 503, body: { statusCode: 503, message: "Service Unavailable" } });
    const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId: sunrise });
    expect(await crmErrorOf(exchangeCode(crm, client, code))).toMatchObject({ kind: "unavailable", retryable: true });
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await call("GET", "/contacts/sbx_ct_sunrise_05", { token })).status).toBe(200);
  });

  it("rate-limit: every call answers 429 with no requests remaining", async () => {
    await setFault(db, { mode: "rate-limit" });
    const res = await call("GET", "/contacts/sbx_ct_sunrise_05", { token });
    expect(res.status).toBe(429);
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
    await setFault(db, { mode: "none" });
    expect((await call("GET", "/contacts/sbx_ct_sunrise_05", { token })).status).toBe(200);
  });

  it("unauthorized-once: the next authenticated call answers 401, then the fault is gone", async () => {
    await setFault(db, { mode: "unauthorized-once" });
    const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId: sunrise });
    await expect(exchangeCode(crm, client, code)).resolves.toBeTruthy(); // the token endpoint is not an authenticated call
    expect(await call("GET", "/contacts/sbx_ct_sunrise_05", { token })).toMatchObject({ status: 401, body: INVALID_TOKEN });
    expect((await getFault(db)).mode).toBe("none");
    expect((await call("GET", "/contacts/sbx_ct_sunrise_05", { token })).status).toBe(200);
  });

  it("slow: answers are held for the slow delay", async () => {
    await setFault(db, { mode: "slow" });
    const started = Date.now();
    expect((await call("GET", "/contacts/sbx_ct_sunrise_05", { token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_FAULT_DELAY_MS - 50);
  });
});

describe("workflow trigger target and in-process calls", () => {
  it("records what the app fires at a workflow's trigger URL", async () => {
    await db.insert(sandboxWorkflows).values({ id: "sbx_wf_1", locationId: sunrise, name: "Clicked → follow up", triggerKey: "smart_link_clicked", triggerId: "trg_1" });
    const token = (await locationTokens(sunrise)).access_token;
    const fired = await call("POST", "/workflows-marketplace/triggers/execute/sbx_wf_1/trg_1", { token, version: false, json: { contact: { id: "sbx_ct_sunrise_06" }, link: { slug: "promo" } } });
    expect(fired.status).toBe(200);
    const events = await db.select().from(sandboxTriggerEvents).where(and(eq(sandboxTriggerEvents.workflowId, "sbx_wf_1")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ contactId: "sbx_ct_sunrise_06", payload: { link: { slug: "promo" } } });
    expect((await call("POST", "/workflows-marketplace/triggers/execute/sbx_wf_1/other", { token, json: {} })).status).toBe(404);
    const harborToken = (await locationTokens(harbor)).access_token;
    expect((await call("POST", "/workflows-marketplace/triggers/execute/sbx_wf_1/trg_1", { token: harborToken, json: {} })).status).toBe(403);
  });

  it("answers the same through inProcessFetch, with no socket", async () => {
    const local = createCrmHttp(base, inProcessFetch);
    const code = await createOAuthCode(db, { userType: "Location", companyId: SANDBOX_COMPANY_ID, locationId: harbor });
    const tokens = await exchangeCode(local, client, code);
    const { data, rateLimit } = await local.request({ method: "GET", path: "/contacts/sbx_ct_harbor_01", token: tokens.access_token, schema: getContactSchema });
    expect(data.contact.locationId).toBe(harbor);
    expect(rateLimit.max).toBe(100);
  });
});
