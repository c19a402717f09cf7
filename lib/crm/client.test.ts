import { eq } from "drizzle-orm";
import { http, HttpResponse } from "msw";
import { crmInstallations, workspaces } from "@/db/schema";
import { callCrm } from "@/lib/crm/client";
import { CrmError } from "@/lib/crm/errors";
import { createCrmHttp } from "@/lib/crm/http";
import { getContactSchema } from "@/lib/crm/schemas";
import { decryptToken } from "@/lib/crm/token-cipher";
import { saveLocationTokens, type CrmDeps } from "@/lib/crm/tokens";
import { freshDb, type TestDatabase } from "@/tests/helpers/db";
import { setupMswServer } from "@/tests/helpers/msw";

const BASE = "https://crm.test";
const KEY = "token-key";
const server = setupMswServer();
let database: TestDatabase;
let deps: CrmDeps;
let location = 0;

beforeAll(async () => {
  database = await freshDb();
  deps = {
    db: database.db,
    http: createCrmHttp(BASE),
    client: { clientId: "cid", clientSecret: "secret", redirectUri: "https://app.test/api/oauth/callback" },
    encryptionKey: KEY,
  };
});
afterAll(async () => {
  await database.close();
});

/** A fresh installed location whose access token is `access` (expired when `expiresIn` ≤ 0). */
async function installedLocation(access: string, expiresIn = 3600): Promise<string> {
  const locationId = `loc-${++location}`;
  const workspaceId = `ws-${location}`;
  await database.db.insert(workspaces).values({ id: workspaceId, crmLocationId: locationId, name: "W" });
  await saveLocationTokens(deps, {
    locationId,
    workspaceId,
    tokens: { access_token: access, refresh_token: `refresh-${access}`, expires_in: 3600, scope: "" },
  });
  if (expiresIn <= 0) {
    await database.db
      .update(crmInstallations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(crmInstallations.locationId, locationId));
  }
  return locationId;
}

/** The CRM: contacts answer only to the current token; refresh rotates tokens and counts calls. */
function fakeCrm(validToken: { value: string }, counters: { refreshes: number }) {
  server.use(
    http.get(`${BASE}/contacts/:id`, ({ request, params }) => {
      if (request.headers.get("authorization") !== `Bearer ${validToken.value}`) {
        return HttpResponse.json({ statusCode: 401, message: "Invalid JWT" }, { status: 401 });
      }
      return HttpResponse.json({ contact: { id: String(params.id), locationId: "x", tags: [] } });
    }),
    http.post(`${BASE}/oauth/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      expect(form.get("grant_type")).toBe("refresh_token");
      counters.refreshes += 1;
      validToken.value = `fresh-${counters.refreshes}`;
      return HttpResponse.json({ access_token: validToken.value, refresh_token: `r-${counters.refreshes}`, expires_in: 86399 });
    }),
  );
}

const getContact = (locationId: string, id = "c1") =>
  callCrm(deps, locationId, { method: "GET", path: `/contacts/${id}`, schema: getContactSchema }, { sleep: async () => {} });

describe("callCrm", () => {
  it("on 401 refreshes once, saves the rotated pair, and retries", async () => {
    const valid = { value: "server-side-new" };
    const counters = { refreshes: 0 };
    fakeCrm(valid, counters);
    const locationId = await installedLocation("revoked");
    const result = await getContact(locationId);
    expect(result.contact.id).toBe("c1");
    expect(counters.refreshes).toBe(1);
    const [row] = await database.db.select().from(crmInstallations).where(eq(crmInstallations.locationId, locationId));
    expect(decryptToken(row?.accessTokenEnc ?? "", KEY)).toBe("fresh-1");
    expect(decryptToken(row?.refreshTokenEnc ?? "", KEY)).toBe("r-1");
  });

  it("gives up after one refresh when the CRM still says 401", async () => {
    const counters = { refreshes: 0 };
    server.use(
      http.get(`${BASE}/contacts/:id`, () => HttpResponse.json({ message: "Invalid JWT" }, { status: 401 })),
      http.post(`${BASE}/oauth/token`, () => {
        counters.refreshes += 1;
        return HttpResponse.json({ access_token: "again", refresh_token: "r", expires_in: 86399 });
      }),
    );
    const locationId = await installedLocation("bad");
    await expect(getContact(locationId)).rejects.toMatchObject({ kind: "unauthorized" });
    expect(counters.refreshes).toBe(1);
  });

  it("refreshes exactly once for N concurrent calls with an expired token", async () => {
    const valid = { value: "never-matches-yet" };
    const counters = { refreshes: 0 };
    fakeCrm(valid, counters);
    const locationId = await installedLocation("expired", 0);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => getContact(locationId, `c${i}`)));
    expect(results.map((r) => r.contact.id)).toEqual(Array.from({ length: 12 }, (_, i) => `c${i}`));
    expect(counters.refreshes).toBe(1);
  });

  it("waits out a 429 for as long as the rate-limit headers say, then succeeds", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/contacts/:id`, () => {
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            { message: "Too many requests" },
            { status: 429, headers: { "X-RateLimit-Remaining": "0", "X-RateLimit-Interval-Milliseconds": "10000" } },
          );
        }
        return HttpResponse.json({ contact: { id: "c1", locationId: "x", tags: [] } });
      }),
    );
    const locationId = await installedLocation("ok");
    const waits: number[] = [];
    let clock = Date.now();
    const result = await callCrm(
      deps,
      locationId,
      { method: "GET", path: "/contacts/c1", schema: getContactSchema },
      {
        now: () => clock,
        sleep: async (ms) => {
          waits.push(ms);
          clock += ms;
        },
      },
    );
    expect(result.contact.id).toBe("c1");
    expect(calls).toBe(2);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(9_000);
  });

  it("fails with a retryable rate_limited error when the wait would be too long", async () => {
    server.use(
      http.get(`${BASE}/contacts/:id`, () =>
        HttpResponse.json({ message: "Too many" }, { status: 429, headers: { "X-RateLimit-Interval-Milliseconds": "10000" } }),
      ),
    );
    const locationId = await installedLocation("ok2");
    const err = await callCrm(
      deps,
      locationId,
      { method: "GET", path: "/contacts/c1", schema: getContactSchema },
      { sleep: async () => {}, maxRateLimitWaitMs: 1000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrmError);
    expect(err).toMatchObject({ kind: "rate_limited", retryable: true });
  });

  it("refuses a location without the app", async () => {
    await expect(getContact("nowhere")).rejects.toMatchObject({ kind: "unauthorized" });
  });
});
