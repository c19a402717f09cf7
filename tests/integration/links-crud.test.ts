/**
 * REST API v1 links: create, read, update, archive, delete through the real route handlers and
 * a real database, with every error pinned by status and body code.
 */
import { and, eq, sql } from "drizzle-orm";
import { DELETE, GET as GET_ONE, PATCH } from "@/app/api/v1/links/[id]/route";
import { GET, POST } from "@/app/api/v1/links/route";
import { POST as POST_CAMPAIGN } from "@/app/api/v1/campaigns/route";
import { domains, links, tags } from "@/db/schema";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { linkDtoSchema, type LinkDto } from "@/lib/links/schemas";
import { cachedLink, rememberLink } from "@/lib/redirect/link-cache";
import { verifyLinkPassword } from "@/lib/gates/password";
import { useTestDatabase } from "@/tests/helpers/db";
import { call, expectError, installedWorkspace, type TestWorkspace } from "@/tests/integration/api-test-kit";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let pro: TestWorkspace;
let starter: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  database = await useTestDatabase();
  pro = await installedWorkspace("pro");
  starter = await installedWorkspace("starter");
  other = await installedWorkspace("pro");
});
afterAll(async () => {
  await database.close();
});

async function create(ws: TestWorkspace, body: unknown, auth: "session" | "apiKey" = "session"): Promise<Response> {
  return call(POST, "POST", "/api/v1/links", { headers: ws[auth], body });
}

async function created(ws: TestWorkspace, body: Record<string, unknown>): Promise<LinkDto> {
  const res = await create(ws, body);
  expect(res.status).toBe(201);
  return linkDtoSchema.parse(await res.json());
}

const patch = (ws: TestWorkspace, id: string, body: unknown) => call(PATCH, "PATCH", `/api/v1/links/${id}`, { headers: ws.session, body, params: { id } });
const getOne = (ws: TestWorkspace, id: string, headers = ws.session) => call(GET_ONE, "GET", `/api/v1/links/${id}`, { headers, params: { id } });
const del = (ws: TestWorkspace, id: string, headers = ws.session) => call(DELETE, "DELETE", `/api/v1/links/${id}`, { headers, params: { id } });

describe("POST /api/v1/links", () => {
  it("creates a link with a random 7-character slug and answers the full DTO", async () => {
    const link = await created(pro, { url: "https://example.com/page" });
    expect(link.slug).toMatch(/^[2-9a-km-zA-HJ-NP-Z]{7}$/);
    expect(link).toMatchObject({
      shortUrl: `${env().shortBaseUrl}/${link.slug}`,
      domain: "",
      url: "https://example.com/page",
      destination: "https://example.com/page",
      title: null,
      status: "active",
      tags: [],
      campaignId: null,
      campaign: null,
      utm: null,
      rules: {},
      hasPassword: false,
      expiresAt: null,
      clickLimit: null,
      leadCapture: null,
      preview: null,
      clicks: 0,
      lastClickedAt: null,
    });
    const { db } = { db: await getDb() };
    const [row] = await db.select().from(links).where(eq(links.id, link.id));
    expect(row?.createdByUserId).toBe(pro.userId);
  });

  it("works with an API key too (no user recorded)", async () => {
    const res = await create(pro, { url: "https://example.com/key" }, "apiKey");
    expect(res.status).toBe(201);
    const link = linkDtoSchema.parse(await res.json());
    const db = await getDb();
    const [row] = await db.select().from(links).where(eq(links.id, link.id));
    expect(row?.createdByUserId).toBeNull();
  });

  it("takes every contract field and stores what it should", async () => {
    const campaign = (await (await call(POST_CAMPAIGN, "POST", "/api/v1/campaigns", { headers: pro.session, body: { name: "Black Friday" } })).json()) as {
      id: string;
    };
    const link = await created(pro, {
      url: "https://shop.example/sale?ref=x&utm_source=old",
      slug: "BF-2026",
      title: "  Black Friday  ",
      tags: ["Sale", "VIP"],
      campaignId: campaign.id,
      utm: { source: "sms", medium: "text", campaign: "bf", term: "", content: "" },
      rules: {
        country: [{ countries: ["us", "CA", "US"], url: "https://shop.example/na" }],
        device: [{ devices: ["ios"], url: "https://apps.apple.com/x" }],
        ab: [
          { url: "https://a.example", weight: 70 },
          { url: "https://b.example", weight: 30 },
        ],
      },
      password: "open sesame",
      expiresAt: "2020-01-01T00:00:00Z",
      expiredUrl: "https://shop.example/over",
      clickLimit: 100,
      limitUrl: "https://shop.example/full",
      leadCapture: { enabled: true, headline: "Get the deal", fields: ["name", "email"] },
      crm: { tagOnClick: true, syncContact: false },
      preview: { title: "Deal", description: "Half price", image: "https://cdn.example/card.png" },
    });
    expect(link).toMatchObject({
      slug: "BF-2026",
      shortUrl: `${env().shortBaseUrl}/BF-2026`,
      title: "Black Friday",
      tags: ["Sale", "VIP"],
      campaignId: campaign.id,
      campaign: { id: campaign.id, name: "Black Friday" },
      utm: { source: "sms", medium: "text", campaign: "bf" },
      destination: "https://shop.example/sale?ref=x&utm_source=sms&utm_medium=text&utm_campaign=bf",
      rules: { country: [{ countries: ["US", "CA"], url: "https://shop.example/na" }] },
      hasPassword: true,
      expiresAt: "2020-01-01T00:00:00.000Z",
      status: "expired", // a past date is accepted
      clickLimit: 100,
      leadCapture: { enabled: true, headline: "Get the deal", fields: ["name", "email"] },
      crm: { tagOnClick: true, syncContact: false },
      preview: { title: "Deal", description: "Half price", image: "https://cdn.example/card.png" },
    });
    expect(link.rules.ab).toHaveLength(2);
    const db = await getDb();
    const [row] = await db.select().from(links).where(eq(links.id, link.id));
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyLinkPassword("open sesame", row?.passwordHash ?? "")).toBe(true);
    expect(JSON.stringify(link)).not.toContain("scrypt");
  });

  it("creates tags once, matching names case-insensitively", async () => {
    const a = await created(pro, { url: "https://t.example/1", tags: ["Promo", "promo", " PROMO ", "Spring"] });
    expect(a.tags).toEqual(["Promo", "Spring"]);
    const b = await created(pro, { url: "https://t.example/2", tags: ["pRoMo"] });
    expect(b.tags).toEqual(["Promo"]);
    const db = await getDb();
    const rows = await db.select().from(tags).where(and(eq(tags.workspaceId, pro.id), sql`lower(${tags.name}) = 'promo'`));
    expect(rows).toHaveLength(1);
  });

  it("refuses a body that is not JSON with 400 invalid_json", async () => {
    const res = await call(POST, "POST", "/api/v1/links", { headers: { ...pro.session, "content-type": "application/json" }, rawBody: "{nope" });
    await expectError(res, 400, "invalid_json");
  });

  it("refuses bad input with 422 invalid_input and field errors", async () => {
    const res = await create(pro, { url: "javascript:alert(1)", slug: "has space", clickLimit: 0, tags: [""] });
    const error = await expectError(res, 422, "invalid_input");
    const fieldErrors = (error.details as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fieldErrors.url).toEqual(["Only http:// and https:// URLs are accepted"]);
    expect(fieldErrors.slug?.[0]).toMatch(/case-sensitive/);
    expect(Object.keys(fieldErrors)).toEqual(expect.arrayContaining(["url", "slug", "clickLimit", "tags.0"]));
  });

  it("refuses unknown fields (a typo is not silently dropped) and writes nothing", async () => {
    const list = async () => ((await (await call(GET, "GET", "/api/v1/links?limit=100", { headers: pro.session })).json()) as { items: unknown[] }).items;
    const before = await list();
    const error = await expectError(await create(pro, { url: "https://ok.example", titel: "typo" }), 422, "invalid_input");
    expect(JSON.stringify(error.details)).toContain("titel");
    expect(await list()).toHaveLength(before.length);
  });

  it("refuses a body over 1 MB with 413 payload_too_large", async () => {
    await expectError(await create(pro, { url: "https://ok.example", title: "x".repeat(1_100_000) }), 413, "payload_too_large");
  });

  it.each([
    ["javascript:alert(1)", "Only http:// and https:// URLs are accepted"],
    ["data:text/html,<b>x</b>", "Only http:// and https:// URLs are accepted"],
    ["ftp://files.example/x", "Only http:// and https:// URLs are accepted"],
    ["https://exa mple.com", "URLs cannot contain spaces or control characters"],
    ["https://example.com/\u0007", "URLs cannot contain spaces or control characters"],
    ["https://", "This is not a valid URL"],
    ["https://user:pw@example.com", "URLs with a user name or password are not accepted"],
    [`https://example.com/${"a".repeat(2048)}`, "URLs can be at most 2048 characters"],
  ])("refuses the destination %j", async (url, message) => {
    const error = await expectError(await create(pro, { url }), 422, "invalid_input");
    expect((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors.url).toContain(message);
  });

  it("validates every other URL field the same way", async () => {
    const res = await create(pro, {
      url: "https://ok.example",
      expiredUrl: "javascript:x",
      limitUrl: "data:x",
      preview: { image: "file:///etc/passwd" },
      rules: { country: [{ countries: ["US"], url: "vbscript:x" }], ab: [{ url: "https://a.example", weight: 1 }, { url: "mailto:x@y", weight: 1 }] },
    });
    const error = await expectError(res, 422, "invalid_input");
    expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors).sort()).toEqual(
      ["expiredUrl", "limitUrl", "preview.image", "rules.ab.1.url", "rules.country.0.url"].sort(),
    );
  });

  it("validates rules: ISO countries, contract device keys, positive integer weights, 2+ variants", async () => {
    const res = await create(pro, {
      url: "https://ok.example",
      rules: {
        country: [{ countries: ["ZZ", "USA"], url: "https://x.example" }],
        device: [{ devices: ["blackberry"], url: "https://x.example" }],
        ab: [{ url: "https://a.example", weight: 1.5 }],
      },
    });
    const fieldErrors = ((await expectError(res, 422, "invalid_input")).details as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fieldErrors["rules.country.0.countries.0"]?.[0]).toMatch(/ISO 3166/);
    expect(fieldErrors["rules.country.0.countries.1"]).toBeDefined();
    expect(fieldErrors["rules.device.0.devices.0"]?.[0]).toMatch(/ios, android/);
    expect(fieldErrors["rules.ab.0.weight"]?.[0]).toMatch(/whole numbers/);

    const one = await create(pro, { url: "https://ok.example", rules: { ab: [{ url: "https://a.example", weight: 1 }] } });
    const oneErrors = ((await expectError(one, 422, "invalid_input")).details as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(oneErrors["rules.ab"]).toEqual(["A/B rotation needs at least 2 variants"]);

    const zero = await create(pro, { url: "https://ok.example", rules: { ab: [{ url: "https://a.example", weight: 0 }, { url: "https://b.example", weight: 2 }] } });
    await expectError(zero, 422, "invalid_input");
  });

  it.each(["app", "API", "Sandbox", "_next", "health", "Admin"])("refuses the reserved slug %s with 422", async (slug) => {
    const error = await expectError(await create(pro, { url: "https://ok.example", slug }), 422, "invalid_input");
    expect((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors.slug?.[0]).toMatch(/reserved/);
  });

  it("refuses a taken slug with 409 slug_taken, across workspaces, and keeps slugs case-sensitive", async () => {
    await created(pro, { url: "https://ok.example", slug: "Taken" });
    const error = await expectError(await create(other, { url: "https://ok.example", slug: "Taken" }), 409, "slug_taken");
    expect(error.message).toMatch(/case-sensitive/);
    const lower = await created(other, { url: "https://ok.example", slug: "taken" });
    expect(lower.slug).toBe("taken");
  });

  it("leaves nothing half-written when a request fails late (slug taken after tags were named)", async () => {
    await created(pro, { url: "https://ok.example", slug: "atomic" });
    await expectError(await create(pro, { url: "https://ok.example", slug: "atomic", tags: ["brand-new-tag"] }), 409, "slug_taken");
    const db = await getDb();
    expect(await db.select().from(tags).where(and(eq(tags.workspaceId, pro.id), eq(tags.name, "brand-new-tag")))).toHaveLength(0);
  });

  it("refuses another workspace's campaign with 422 on campaignId", async () => {
    const theirs = (await (await call(POST_CAMPAIGN, "POST", "/api/v1/campaigns", { headers: other.session, body: { name: "Theirs" } })).json()) as { id: string };
    const error = await expectError(await create(pro, { url: "https://ok.example", campaignId: theirs.id }), 422, "invalid_input");
    expect(error.details).toEqual({ fieldErrors: { campaignId: ["No such campaign in this workspace"] } });
  });

  it("accepts only the shared domain or a verified custom domain of the workspace", async () => {
    const db = await getDb();
    await db.insert(domains).values([
      { id: newId("dom"), workspaceId: pro.id, hostname: "go.brand.test", verificationToken: "t", status: "verified" },
      { id: newId("dom"), workspaceId: pro.id, hostname: "pending.brand.test", verificationToken: "t" },
      { id: newId("dom"), workspaceId: other.id, hostname: "theirs.test", verificationToken: "t", status: "verified" },
    ]);
    const link = await created(pro, { url: "https://ok.example", slug: "home", domain: "Go.Brand.Test" });
    expect(link).toMatchObject({ domain: "go.brand.test", shortUrl: "https://go.brand.test/home" });
    // The same slug on another domain is another short URL.
    await created(pro, { url: "https://ok.example", slug: "home" });
    for (const domain of ["pending.brand.test", "theirs.test", "nowhere.test"]) {
      const error = await expectError(await create(pro, { url: "https://ok.example", domain }), 422, "invalid_input");
      expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors)).toEqual(["domain"]);
    }
  });

  it("refuses Pro features on Starter with 403 plan_required and a clear message", async () => {
    const rules = await expectError(
      await create(starter, { url: "https://ok.example", rules: { device: [{ devices: ["android"], url: "https://play.example" }] } }),
      403,
      "plan_required",
    );
    expect(rules.message).toMatch(/Pro plan/);
    const password = await expectError(await create(starter, { url: "https://ok.example", password: "secret1" }), 403, "plan_required");
    expect(password.message).toMatch(/Password protection needs the Pro plan/);
    const domain = await expectError(await create(starter, { url: "https://ok.example", domain: "go.brand.test" }), 403, "plan_required");
    expect(domain.message).toMatch(/domains/);
    // What Starter has: custom slugs, UTM, expiry, click limit, lead capture, empty rules.
    const fine = await created(starter, {
      url: "https://ok.example",
      slug: "starter-ok",
      utm: { source: "x" },
      expiresAt: "2099-01-01",
      clickLimit: 5,
      leadCapture: { enabled: true },
      rules: { country: [], ab: [] },
      password: "",
    });
    expect(fine).toMatchObject({ status: "active", rules: {}, hasPassword: false, leadCapture: { enabled: true, fields: ["name", "email"] } });
  });

  it("enforces the Starter active-link limit with 403 plan_required; archived links free a slot", async () => {
    const limited = await installedWorkspace("starter");
    const db = await getDb();
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: newId("lnk"), workspaceId: limited.id, slug: `lim-${limited.id}-${i}`, url: "https://ok.example" }));
    for (let i = 0; i < rows.length; i += 250) await db.insert(links).values(rows.slice(i, i + 250));
    const error = await expectError(await create(limited, { url: "https://ok.example" }), 403, "plan_required");
    expect(error.message).toMatch(/1,000 active links/);
    expect(error.details).toMatchObject({ limit: 1000, active: 1000 });

    const first = rows[0]?.id ?? "";
    expect((await patch(limited, first, { status: "archived" })).status).toBe(200);
    const link = await created(limited, { url: "https://ok.example/new" });
    // Unarchiving would pass the limit again.
    await expectError(await patch(limited, first, { status: "active" }), 403, "plan_required");
    expect((await del(limited, link.id)).status).toBe(204);
    expect((await patch(limited, first, { status: "active" })).status).toBe(200);
  });

  it("refuses without auth with 401 unauthorized", async () => {
    await expectError(await call(POST, "POST", "/api/v1/links", { body: { url: "https://ok.example" } }), 401, "unauthorized");
    await expectError(await call(GET, "GET", "/api/v1/links"), 401, "unauthorized");
  });
});

describe("GET/PATCH/DELETE /api/v1/links/{id}", () => {
  it("reads a link; another workspace's id is 404 not_found by session and by API key", async () => {
    const link = await created(pro, { url: "https://ok.example/mine" });
    const res = await getOne(pro, link.id);
    expect(res.status).toBe(200);
    expect(linkDtoSchema.parse(await res.json())).toEqual(link);
    const bySession = await expectError(await getOne(other, link.id), 404, "not_found");
    const byKey = await expectError(await getOne(other, link.id, other.apiKey), 404, "not_found");
    expect(bySession).toEqual(byKey);
    await expectError(await getOne(pro, "lnk_doesnotexist"), 404, "not_found");
    await expectError(await patch(other, link.id, { title: "x" }), 404, "not_found");
    await expectError(await del(other, link.id, other.apiKey), 404, "not_found");
    expect((await getOne(pro, link.id)).status).toBe(200);
  });

  it("updates any field; null clears; tags are replaced; slug changes move the short URL", async () => {
    const link = await created(pro, {
      url: "https://ok.example/a",
      title: "A",
      tags: ["one", "two"],
      utm: { source: "s" },
      password: "secret1",
      clickLimit: 10,
      crm: { tagOnClick: true },
    });
    const res = await patch(pro, link.id, {
      url: "https://ok.example/b?x=1",
      slug: "moved-here",
      title: null,
      tags: ["Two", "three"],
      utm: { medium: "m" },
      password: null,
      clickLimit: null,
      crm: { addNote: true },
      expiresAt: "2099-12-31T23:59:00+02:00",
    });
    expect(res.status).toBe(200);
    const updated = linkDtoSchema.parse(await res.json());
    expect(updated).toMatchObject({
      id: link.id,
      slug: "moved-here",
      shortUrl: `${env().shortBaseUrl}/moved-here`,
      url: "https://ok.example/b?x=1",
      destination: "https://ok.example/b?x=1&utm_medium=m",
      title: null,
      tags: ["three", "two"],
      utm: { medium: "m" },
      hasPassword: false,
      clickLimit: null,
      crm: { tagOnClick: true, addNote: true },
      expiresAt: "2099-12-31T21:59:00.000Z",
    });
    // A blank password keeps the current one.
    await patch(pro, link.id, { password: "another1" });
    const kept = linkDtoSchema.parse(await (await patch(pro, link.id, { password: "", title: "T" })).json());
    expect(kept.hasPassword).toBe(true);
  });

  it("archives and unarchives with status; derives expired and limit_reached", async () => {
    const link = await created(pro, { url: "https://ok.example", clickLimit: 2 });
    expect(linkDtoSchema.parse(await (await patch(pro, link.id, { status: "archived" })).json()).status).toBe("archived");
    expect(linkDtoSchema.parse(await (await patch(pro, link.id, { status: "active" })).json()).status).toBe("active");
    const db = await getDb();
    await db.update(links).set({ humanClicks: 2 }).where(eq(links.id, link.id));
    expect(linkDtoSchema.parse(await (await getOne(pro, link.id)).json()).status).toBe("limit_reached");
    expect(linkDtoSchema.parse(await (await patch(pro, link.id, { expiresAt: "2001-01-01" })).json()).status).toBe("expired");
    await expectError(await patch(pro, link.id, { status: "expired" }), 422, "invalid_input");
  });

  it("answers 409 slug_taken when a patch moves onto a taken short URL, and changes nothing", async () => {
    await created(pro, { url: "https://ok.example", slug: "occupied" });
    const link = await created(pro, { url: "https://ok.example", slug: "free-one", title: "before" });
    await expectError(await patch(pro, link.id, { slug: "occupied", title: "after" }), 409, "slug_taken");
    const after = linkDtoSchema.parse(await (await getOne(pro, link.id)).json());
    expect(after).toMatchObject({ slug: "free-one", title: "before" });
  });

  it("refuses Pro features on Starter only when a patch adds them", async () => {
    const link = await created(starter, { url: "https://ok.example" });
    await expectError(await patch(starter, link.id, { rules: { ab: [{ url: "https://a.example", weight: 1 }, { url: "https://b.example", weight: 1 }] } }), 403, "plan_required");
    await expectError(await patch(starter, link.id, { password: "secret1" }), 403, "plan_required");
    // A link that got rules while on Pro keeps them and stays editable after a downgrade.
    const db = await getDb();
    const rules = { device: [{ devices: ["ios" as const], url: "https://apps.example" }] };
    await db.update(links).set({ rules }).where(eq(links.id, link.id));
    const res = await patch(starter, link.id, { title: "still editable", rules });
    expect(res.status).toBe(200);
    expect((await patch(starter, link.id, { rules: null })).status).toBe(200);
  });

  it("deletes with 204, then 404", async () => {
    const link = await created(pro, { url: "https://ok.example", tags: ["gone"] });
    const res = await del(pro, link.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    await expectError(await getOne(pro, link.id), 404, "not_found");
    await expectError(await del(pro, link.id), 404, "not_found");
  });
});

describe("the redirect cache", () => {
  it("is invalidated by create, update, archive and delete", async () => {
    // A miss remembered before the link exists must not hide the new link.
    rememberLink("", "fresh-slug", null);
    const link = await created(pro, { url: "https://ok.example", slug: "fresh-slug" });
    expect(cachedLink("", "fresh-slug")).toBeUndefined();

    rememberLink("", "fresh-slug", { url: "https://ok.example" });
    await patch(pro, link.id, { url: "https://ok.example/v2" });
    expect(cachedLink("", "fresh-slug")).toBeUndefined();

    rememberLink("", "fresh-slug", { url: "https://ok.example/v2" });
    await patch(pro, link.id, { status: "archived" });
    expect(cachedLink("", "fresh-slug")).toBeUndefined();

    rememberLink("", "fresh-slug", { status: "archived" });
    await del(pro, link.id);
    expect(cachedLink("", "fresh-slug")).toBeUndefined();
  });
});
