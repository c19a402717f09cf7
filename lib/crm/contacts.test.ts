/**
 * The contact calls (lib/crm/contacts.ts) against an msw CRM: what each sends, and how each CRM
 * error shape reaches the caller (the job runner reads `kind`, `retryable` and `retryAfterMs`).
 */
import { delay, http, HttpResponse } from "msw";
import { workspaces } from "@/db/schema";
import {
  addContactTags,
  createContactCustomField,
  createContactNote,
  getContact,
  listContactCustomFields,
  listContactNotes,
  setContactCustomFields,
  upsertContact,
} from "@/lib/crm/contacts";
import { CrmError } from "@/lib/crm/errors";
import { createCrmHttp, type CrmHttp } from "@/lib/crm/http";
import { saveLocationTokens, type CrmDeps } from "@/lib/crm/tokens";
import { freshDb, type TestDatabase } from "@/tests/helpers/db";
import { setupMswServer } from "@/tests/helpers/msw";

const BASE = "https://crm.test";
const server = setupMswServer();
let database: TestDatabase;
let deps: CrmDeps;
let seq = 0;

/** The transport with a short request timeout, so a slow CRM shows within the test. */
function shortTimeout(base: CrmHttp, timeoutMs: number): CrmHttp {
  return { request: (req) => base.request({ ...req, timeoutMs }) };
}

beforeAll(async () => {
  database = await freshDb();
  deps = {
    db: database.db,
    http: shortTimeout(createCrmHttp(BASE), 200),
    client: { clientId: "cid", clientSecret: "secret", redirectUri: "https://app.test/api/oauth/callback" },
    encryptionKey: "token-key",
  };
});
afterAll(async () => {
  await database.close();
});

/** A fresh installed location (its own rate-limit pacer) whose access token is `access`. */
async function location(access = "good-token"): Promise<string> {
  const locationId = `loc-${++seq}`;
  await database.db.insert(workspaces).values({ id: `ws-${seq}`, crmLocationId: locationId, name: "W" });
  await saveLocationTokens(deps, { locationId, workspaceId: `ws-${seq}`, tokens: { access_token: access, refresh_token: `r-${access}`, expires_in: 86399, scope: "" } });
  return locationId;
}

async function crmError(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CrmError) return err;
    throw err;
  }
  throw new Error("expected a CrmError");
}

const noWait = { sleep: async () => {} };
const contact = (id: string, extra: Record<string, unknown> = {}) => ({ id, locationId: "x", tags: [], ...extra });

describe("what each call sends and reads", () => {
  it("upserts without tags or empty values and answers the contact id", async () => {
    const loc = await location();
    let body: unknown;
    server.use(
      http.post(`${BASE}/contacts/upsert`, async ({ request }) => {
        expect(request.headers.get("authorization")).toBe("Bearer good-token");
        expect(request.headers.get("version")).toBe("2021-07-28");
        body = await request.json();
        return HttpResponse.json({ new: true, contact: contact("c-new"), traceId: "t" });
      }),
    );
    const answer = await upsertContact(deps, loc, { email: "a@example.com", phone: "", name: "Ann Lee", companyName: null, source: "Smart Links" });
    expect(answer).toEqual({ id: "c-new", isNew: true });
    expect(body).toEqual({ locationId: loc, email: "a@example.com", name: "Ann Lee", source: "Smart Links" });
  });

  it("adds tags, writes notes, sets fields by id, and reads notes and fields", async () => {
    const loc = await location();
    const seen: Record<string, unknown> = {};
    server.use(
      http.post(`${BASE}/contacts/c1/tags`, async ({ request }) => {
        seen.tags = await request.json();
        return HttpResponse.json({ tags: ["old", "vip"] }, { status: 201 });
      }),
      http.post(`${BASE}/contacts/c1/notes`, async ({ request }) => {
        seen.note = await request.json();
        return HttpResponse.json({ note: { id: "n1", body: "hello", contactId: "c1" } }, { status: 201 });
      }),
      http.get(`${BASE}/contacts/c1/notes`, () => HttpResponse.json({ notes: [{ id: "n1", body: "hello", dateAdded: "2026-01-01T00:00:00.000Z" }] })),
      http.put(`${BASE}/contacts/c1`, async ({ request }) => {
        seen.fields = await request.json();
        return HttpResponse.json({ succeded: true, contact: contact("c1") });
      }),
      http.get(`${BASE}/locations/${loc}/customFields`, ({ request }) => {
        expect(new URL(request.url).searchParams.get("model")).toBe("contact");
        return HttpResponse.json({ customFields: [{ id: "f1", name: "Total link clicks", fieldKey: "contact.total_link_clicks", dataType: "NUMERICAL" }] });
      }),
      http.post(`${BASE}/locations/${loc}/customFields`, async ({ request }) => {
        seen.field = await request.json();
        return HttpResponse.json({ customField: { id: "f2", name: "Last click date", fieldKey: "contact.last_click_date" } }, { status: 201 });
      }),
    );
    expect(await addContactTags(deps, loc, "c1", ["vip"])).toEqual(["old", "vip"]);
    expect(seen.tags).toEqual({ tags: ["vip"] });
    expect(await createContactNote(deps, loc, "c1", "hello")).toBe("n1");
    expect(seen.note).toEqual({ body: "hello" });
    expect(await listContactNotes(deps, loc, "c1")).toEqual([{ id: "n1", body: "hello", dateAdded: "2026-01-01T00:00:00.000Z" }]);
    await setContactCustomFields(deps, loc, "c1", [{ id: "f1", value: 3 }, { id: "f2", value: "2026-01-01" }]);
    expect(seen.fields).toEqual({ customFields: [{ id: "f1", field_value: 3 }, { id: "f2", field_value: "2026-01-01" }] });
    expect((await listContactCustomFields(deps, loc)).map((f) => f.fieldKey)).toEqual(["contact.total_link_clicks"]);
    expect((await createContactCustomField(deps, loc, { name: "Last click date", dataType: "DATE" })).id).toBe("f2");
    expect(seen.field).toEqual({ name: "Last click date", dataType: "DATE", model: "contact" });
  });
});

describe("each CRM error shape", () => {
  it("401: refreshes the token once, saves it, and retries the call", async () => {
    const loc = await location("expired-token");
    const tokensSeen: (string | null)[] = [];
    let refreshes = 0;
    server.use(
      http.post(`${BASE}/contacts/c1/tags`, ({ request }) => {
        tokensSeen.push(request.headers.get("authorization"));
        if (request.headers.get("authorization") !== "Bearer fresh-token") {
          return HttpResponse.json({ statusCode: 401, message: "Invalid token: access token is invalid", error: "Unauthorized" }, { status: 401 });
        }
        return HttpResponse.json({ tags: ["vip"] }, { status: 201 });
      }),
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        expect(form.get("grant_type")).toBe("refresh_token");
        expect(form.get("refresh_token")).toBe("r-expired-token");
        refreshes += 1;
        return HttpResponse.json({ access_token: "fresh-token", refresh_token: "r-fresh", expires_in: 86399 });
      }),
    );
    expect(await addContactTags(deps, loc, "c1", ["vip"])).toEqual(["vip"]);
    expect(refreshes).toBe(1);
    expect(tokensSeen).toEqual(["Bearer expired-token", "Bearer fresh-token"]);
    // The next call uses the saved token straight away.
    expect(await addContactTags(deps, loc, "c1", ["vip"])).toEqual(["vip"]);
    expect(refreshes).toBe(1);
  });

  it("401 again after the refresh: unauthorized, not retryable", async () => {
    const loc = await location("revoked");
    server.use(
      http.get(`${BASE}/contacts/c1`, () => HttpResponse.json({ statusCode: 401, message: "Invalid token: access token is invalid" }, { status: 401 })),
      http.post(`${BASE}/oauth/token`, () => HttpResponse.json({ statusCode: 400, error: "invalid_grant", message: "Invalid grant: refresh token is invalid" }, { status: 400 })),
    );
    expect(await crmError(getContact(deps, loc, "c1"))).toMatchObject({ kind: "unauthorized", retryable: false });
  });

  it("403: forbidden, with the CRM's message", async () => {
    const loc = await location();
    server.use(
      http.post(`${BASE}/contacts/c1/notes`, () =>
        HttpResponse.json({ statusCode: 403, message: "The token does not have access to this location.", error: "Forbidden" }, { status: 403 }),
      ),
    );
    const err = await crmError(createContactNote(deps, loc, "c1", "hi"));
    expect(err).toMatchObject({ kind: "forbidden", retryable: false, message: "The token does not have access to this location.", details: { status: 403 } });
  });

  it("404: not_found", async () => {
    const loc = await location();
    server.use(http.get(`${BASE}/contacts/gone`, () => HttpResponse.json({ statusCode: 404, message: "Contact not found" }, { status: 404 })));
    expect(await crmError(getContact(deps, loc, "gone"))).toMatchObject({ kind: "not_found", retryable: false, message: "Contact not found" });
  });

  it("422 with a message list: rejected, the messages joined, the body kept", async () => {
    const loc = await location();
    const body = { statusCode: 422, message: ["property gender should not exist", "email must be an email"], error: "Unprocessable Entity" };
    server.use(http.post(`${BASE}/contacts/upsert`, () => HttpResponse.json(body, { status: 422 })));
    const err = await crmError(upsertContact(deps, loc, { email: "not-an-email" }));
    expect(err).toMatchObject({ kind: "rejected", retryable: false, message: "property gender should not exist; email must be an email", details: { status: 422, body } });
  });

  it("429 with rate-limit headers: waits the interval they give, then succeeds", async () => {
    const loc = await location();
    let calls = 0;
    server.use(
      http.post(`${BASE}/contacts/c1/tags`, () => {
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            { statusCode: 429, message: "Too many requests" },
            { status: 429, headers: { "X-RateLimit-Max": "100", "X-RateLimit-Remaining": "0", "X-RateLimit-Interval-Milliseconds": "10000" } },
          );
        }
        return HttpResponse.json({ tags: ["vip"] }, { status: 201, headers: { "X-RateLimit-Remaining": "99" } });
      }),
    );
    let clock = Date.now();
    const waits: number[] = [];
    const tags = await addContactTags(deps, loc, "c1", ["vip"], {
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    expect(tags).toEqual(["vip"]);
    expect(calls).toBe(2);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it("429 for longer than the caller may wait: rate_limited, retryable, with the wait to respect", async () => {
    const loc = await location();
    server.use(
      http.put(`${BASE}/contacts/c1`, () =>
        HttpResponse.json({ message: "Too many requests" }, { status: 429, headers: { "X-RateLimit-Remaining": "0", "X-RateLimit-Interval-Milliseconds": "10000" } }),
      ),
    );
    const err = await crmError(setContactCustomFields(deps, loc, "c1", [{ id: "f", value: 1 }], { ...noWait, maxRateLimitWaitMs: 1_000 }));
    expect(err).toMatchObject({ kind: "rate_limited", retryable: true, details: { retryAfterMs: 10_000 } });
  });

  it.each([500, 502, 503])("%i: unavailable, retryable", async (status) => {
    const loc = await location();
    server.use(http.get(`${BASE}/contacts/c1`, () => HttpResponse.json({ statusCode: status, message: "Internal server error" }, { status })));
    expect(await crmError(getContact(deps, loc, "c1"))).toMatchObject({ kind: "unavailable", retryable: true, details: { status } });
  });

  it("a timeout: unavailable, retryable", async () => {
    const loc = await location();
    server.use(
      http.post(`${BASE}/contacts/c1/notes`, async () => {
        await delay(1_000);
        return HttpResponse.json({ note: { id: "late", body: "hi" } }, { status: 201 });
      }),
    );
    const err = await crmError(createContactNote(deps, loc, "c1", "hi"));
    expect(err).toMatchObject({ kind: "unavailable", retryable: true });
    expect(err.message).toBe("The CRM did not answer within 200 ms");
  });

  it("a network error: unavailable, retryable", async () => {
    const loc = await location();
    server.use(http.post(`${BASE}/contacts/upsert`, () => HttpResponse.error()));
    expect(await crmError(upsertContact(deps, loc, { email: "a@example.com" }))).toMatchObject({ kind: "unavailable", retryable: true });
  });

  it.each([
    ["a body of the wrong shape", () => HttpResponse.json({ contact: { id: 42 } })],
    ["no body at all", () => new HttpResponse(null, { status: 200 })],
    ["a body that is not JSON", () => new HttpResponse("<html>ok</html>", { status: 200, headers: { "content-type": "text/html" } })],
  ])("a 2xx with %s: invalid_response, not retryable", async (_label, answer) => {
    const loc = await location();
    server.use(http.get(`${BASE}/contacts/c1`, answer));
    expect(await crmError(getContact(deps, loc, "c1"))).toMatchObject({ kind: "invalid_response", retryable: false, details: { status: 200 } });
  });
});
