import { http, HttpResponse, delay } from "msw";
import { z } from "zod";
import { CrmError } from "@/lib/crm/errors";
import { CRM_API_VERSION, createCrmHttp } from "@/lib/crm/http";
import { setupMswServer } from "@/tests/helpers/msw";

const BASE = "https://crm.test";
const server = setupMswServer();
const crm = createCrmHttp(BASE);
const contactSchema = z.object({ contact: z.object({ id: z.string(), tags: z.array(z.string()) }) });

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CrmError) return err;
    throw err;
  }
  throw new Error("expected a CrmError");
}

const getContact = (timeoutMs?: number) =>
  crm.request({ method: "GET", path: "/contacts/c1", schema: contactSchema, token: "tok", timeoutMs });

describe("CRM HTTP", () => {
  it("sends the pinned Version and Bearer token, parses the body and reads the rate-limit headers", async () => {
    server.use(
      http.get(`${BASE}/contacts/c1`, ({ request }) => {
        expect(request.headers.get("version")).toBe(CRM_API_VERSION);
        expect(request.headers.get("authorization")).toBe("Bearer tok");
        return HttpResponse.json(
          { contact: { id: "c1", tags: ["vip"] } },
          { headers: { "X-RateLimit-Remaining": "97", "X-RateLimit-Max": "100", "X-RateLimit-Interval-Milliseconds": "10000" } },
        );
      }),
    );
    const { data, rateLimit } = await getContact();
    expect(data.contact.tags).toEqual(["vip"]);
    expect(rateLimit).toEqual({ remaining: 97, max: 100, intervalMs: 10000 });
  });

  it("posts forms to the token endpoint without a Version header", async () => {
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        expect(request.headers.get("version")).toBeNull();
        expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
        const form = new URLSearchParams(await request.text());
        return HttpResponse.json({ access_token: `a-${form.get("code")}` });
      }),
    );
    const { data } = await crm.request({
      method: "POST",
      path: "/oauth/token",
      form: { grant_type: "authorization_code", code: "xyz" },
      unversioned: true,
      schema: z.object({ access_token: z.string() }),
    });
    expect(data.access_token).toBe("a-xyz");
  });

  it.each([
    [401, "unauthorized", false],
    [403, "forbidden", false],
    [404, "not_found", false],
    [422, "rejected", false],
    [500, "unavailable", true],
    [503, "unavailable", true],
  ] as const)("maps %i to %s (retryable: %s)", async (status, kind, retryable) => {
    server.use(http.get(`${BASE}/contacts/c1`, () => HttpResponse.json({ message: ["property gender should not exist"] }, { status })));
    const err = await failure(getContact());
    expect(err.kind).toBe(kind);
    expect(err.retryable).toBe(retryable);
    expect(err.details.status).toBe(status);
    if (status === 422) expect(err.message).toBe("property gender should not exist");
  });

  it("waits as the rate-limit headers say on 429", async () => {
    server.use(
      http.get(`${BASE}/contacts/c1`, () =>
        HttpResponse.json({ message: "Too many requests" }, { status: 429, headers: { "X-RateLimit-Interval-Milliseconds": "10000", "X-RateLimit-Remaining": "0" } }),
      ),
    );
    const err = await failure(getContact());
    expect(err.kind).toBe("rate_limited");
    expect(err.retryable).toBe(true);
    expect(err.details.retryAfterMs).toBe(10000);
  });

  it("treats a slow CRM as unavailable once the timeout passes", async () => {
    server.use(
      http.get(`${BASE}/contacts/c1`, async () => {
        await delay(500);
        return HttpResponse.json({ contact: { id: "c1", tags: [] } });
      }),
    );
    const err = await failure(getContact(50));
    expect(err.kind).toBe("unavailable");
    expect(err.message).toContain("50 ms");
  });

  it("treats a CRM that is down as unavailable", async () => {
    server.use(http.get(`${BASE}/contacts/c1`, () => HttpResponse.error()));
    expect((await failure(getContact())).kind).toBe("unavailable");
  });

  it("refuses a 200 whose body is not the documented shape", async () => {
    server.use(http.get(`${BASE}/contacts/c1`, () => HttpResponse.json({ contact: { id: 7 } })));
    const err = await failure(getContact());
    expect(err.kind).toBe("invalid_response");
    expect(err.retryable).toBe(false);
  });
});
