/**
 * `POST /api/v1/messages/shorten` against a bootstrapped sandbox CRM over real HTTP (the contact
 * check asks it), with the minted codes then opened through the real short-link listener.
 */
import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import { GET as linksGet } from "@/app/api/v1/links/route";
import { POST as shortenPost } from "@/app/api/v1/messages/shorten/route";
import { campaigns, crmContacts, links, linkTags, tags, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { signSessionToken } from "@/lib/auth/session-token";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { flushClicks } from "@/lib/clicks/record-click";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { mintContactCodeForLink } from "@/lib/links/per-contact";
import { shortenMessageResultSchema, type ShortenMessageResult } from "@/lib/messages/schemas";
import { setFault } from "@/lib/sandbox/faults";
import { SANDBOX_LOCATION_IDS } from "@/lib/sandbox/seed";
import { call, expectError } from "@/tests/integration/api-test-kit";
import { apiKeyHeader, startCrmApp, workspaceOfLocation, type CrmApp } from "@/tests/integration/crm-app-kit";
import { rawRequest, startShortLinkServer, type ShortLinkServer } from "@/tests/helpers/short-link-server";

const { sunrise, harbor } = SANDBOX_LOCATION_IDS;
const SUNRISE_CONTACT = "sbx_ct_sunrise_01";
const HARBOR_CONTACT = "sbx_ct_harbor_01";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

let app: CrmApp;
let shortLinks: ShortLinkServer;
let db: Db;
let sunriseKey: Record<string, string>;
let harborKey: Record<string, string>;
let sunriseWs: string;
let harborWs: string;

beforeAll(async () => {
  app = await startCrmApp();
  shortLinks = await startShortLinkServer();
  db = await getDb();
  sunriseKey = await apiKeyHeader(sunrise);
  harborKey = await apiKeyHeader(harbor);
  sunriseWs = (await workspaceOfLocation(sunrise)).id;
  harborWs = (await workspaceOfLocation(harbor)).id;
});
afterAll(async () => {
  await shortLinks?.close();
  await flushClicks();
  await app?.close();
});
afterEach(async () => {
  await setFault(db, { mode: "none" });
});

const shorten = (body: unknown, headers: Record<string, string> = sunriseKey) => call(shortenPost, "POST", "/api/v1/messages/shorten", { headers, body });

async function shortened(body: unknown, headers?: Record<string, string>): Promise<ShortenMessageResult> {
  const res = await shorten(body, headers);
  const json: unknown = await res.json();
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${JSON.stringify(json)}`);
  return shortenMessageResultSchema.parse(json);
}

async function linkCount(workspaceId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(links).where(eq(links.workspaceId, workspaceId));
  return row?.n ?? 0;
}

const slugOf = (shortUrl: string) => shortUrl.slice(shortUrl.lastIndexOf("/") + 1);

describe("POST /api/v1/messages/shorten", () => {
  it("replaces every http(s) URL with its own per-contact link and leaves the rest byte for byte", async () => {
    const text =
      "Hi Olivia 👋\r\nBook: https://example.com/book?src=sms&x=1. Or (https://example.com/faq), " +
      "again https://example.com/book?src=sms&x=1! Wiki https://en.wikipedia.org/wiki/Tooth_(human); " +
      "'https://example.com/q' www.example.com mailto:hi@example.com ftp://example.com/f\t— bye";
    const result = await shortened({ text, contactId: SUNRISE_CONTACT, tags: ["sms", "Reminder"] });

    const originals = [
      "https://example.com/book?src=sms&x=1",
      "https://example.com/faq",
      "https://example.com/book?src=sms&x=1",
      "https://en.wikipedia.org/wiki/Tooth_(human)",
      "https://example.com/q",
    ];
    expect(result.links.map((l) => l.original)).toEqual(originals);
    // The same URL twice is two links, and every short URL is distinct.
    expect(new Set(result.links.map((l) => l.id)).size).toBe(5);
    expect(new Set(result.links.map((l) => l.shortUrl)).size).toBe(5);
    const [a, b, c, d, e] = result.links.map((l) => l.shortUrl);
    expect(result.text).toBe(
      `Hi Olivia 👋\r\nBook: ${a}. Or (${b}), again ${c}! Wiki ${d}; '${e}' www.example.com mailto:hi@example.com ftp://example.com/f\t— bye`,
    );
    expect(result.skipped).toEqual([]);

    for (const l of result.links) {
      expect(l.shortUrl.startsWith(`${env().shortBaseUrl}/`)).toBe(true);
      const [parent] = await db.select().from(links).where(eq(links.id, l.id));
      expect(parent).toMatchObject({ workspaceId: sunriseWs, url: l.original, parentLinkId: null, contactId: null, status: "active" });
      const [code] = await db.select().from(links).where(eq(links.id, l.codeId ?? ""));
      expect(code).toMatchObject({ workspaceId: sunriseWs, parentLinkId: l.id, contactId: SUNRISE_CONTACT, slug: slugOf(l.shortUrl), domain: "" });
      const tagNames = await db
        .select({ name: tags.name })
        .from(linkTags)
        .innerJoin(tags, eq(tags.id, linkTags.tagId))
        .where(eq(linkTags.linkId, l.id));
      expect(tagNames.map((t) => t.name).sort()).toEqual(["Reminder", "sms"]);
    }
    // Codes carry no tags of their own and are hidden from the link list.
    const codeIds = result.links.map((l) => l.codeId ?? "");
    expect(await db.select().from(linkTags).where(inArray(linkTags.linkId, codeIds))).toEqual([]);
    const list = (await (await call(linksGet, "GET", "/api/v1/links?limit=100", { headers: sunriseKey })).json()) as { items: { id: string }[] };
    const listed = new Set(list.items.map((i) => i.id));
    expect(result.links.every((l) => listed.has(l.id) && !listed.has(l.codeId ?? ""))).toBe(true);
  });

  it("mints codes that open the URL for the contact, and count against their link", async () => {
    const result = await shortened({ text: "Go https://example.com/landing?utm=x now", contactId: SUNRISE_CONTACT });
    const [only] = result.links;
    if (!only) throw new Error("no link");
    const res = await rawRequest(shortLinks.port, `/${slugOf(only.shortUrl)}?ref=sms`, { headers: { "user-agent": IPHONE } });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("https://example.com/landing?utm=x&ref=sms");
    await flushClicks();
    const [parent] = await db.select({ clicks: links.clicks }).from(links).where(eq(links.id, only.id));
    expect(parent?.clicks).toBe(1);
  });

  it("makes plain links when no contact is named", async () => {
    const result = await shortened({ text: "https://example.com/plain", contactId: "  " });
    expect(result.links).toHaveLength(1);
    const [l] = result.links;
    expect(l?.codeId).toBeNull();
    const [row] = await db.select().from(links).where(eq(links.id, l?.id ?? ""));
    expect(l?.shortUrl).toBe(`${env().shortBaseUrl}/${row?.slug}`);
    expect(result.text).toBe(l?.shortUrl);
  });

  it("answers a message without URLs unchanged, writing nothing", async () => {
    const before = await linkCount(sunriseWs);
    for (const text of ["", "No links, just www.example.com and mailto:x@example.com.", "  spaced \n"]) {
      expect(await shortened({ text, contactId: SUNRISE_CONTACT })).toEqual({ text, links: [], skipped: [] });
    }
    expect(await linkCount(sunriseWs)).toBe(before);
  });

  it("leaves URLs that cannot be destinations as they were, and says so", async () => {
    const text = "Log in: https://bank.example@evil.example/x and https://ok.example/y";
    const result = await shortened({ text });
    expect(result.links.map((l) => l.original)).toEqual(["https://ok.example/y"]);
    expect(result.skipped).toEqual([{ original: "https://bank.example@evil.example/x", reason: "URLs with a user name or password are not accepted" }]);
    expect(result.text).toBe(`Log in: https://bank.example@evil.example/x and ${result.links[0]?.shortUrl}`);
  });

  it("applies the workspace's campaign", async () => {
    const campaign = await createCampaign(db, sunriseWs, { name: "Recall SMS", tags: [] });
    const result = await shortened({ text: "https://example.com/recall", contactId: SUNRISE_CONTACT, campaignId: campaign.id });
    const [row] = await db.select().from(links).where(eq(links.id, result.links[0]?.id ?? ""));
    expect(row?.campaignId).toBe(campaign.id);
  });
});

describe("refusals write nothing", () => {
  it("refuses a contact of another location with 422 on contactId, and never mints for it", async () => {
    const before = await linkCount(sunriseWs);
    const res = await shorten({ text: "https://example.com/a https://example.com/b", contactId: HARBOR_CONTACT });
    const error = await expectError(res, 422, "invalid_input");
    expect(error.details).toEqual({ fieldErrors: { contactId: ["No contact with this id in this location"] } });
    expect(await linkCount(sunriseWs)).toBe(before);
    expect(await db.select().from(links).where(and(eq(links.contactId, HARBOR_CONTACT), isNotNull(links.parentLinkId)))).toEqual([]);
    // The answer is remembered: the CRM is asked once per contact.
    const [cached] = await db.select().from(crmContacts).where(and(eq(crmContacts.workspaceId, sunriseWs), eq(crmContacts.contactId, HARBOR_CONTACT)));
    expect(cached?.belongsToLocation).toBe(false);
  });

  it("refuses an unknown contact and a malformed contact id", async () => {
    await expectError(await shorten({ text: "https://example.com/a", contactId: "sbx_ct_nobody" }), 422, "invalid_input");
    const bad = await expectError(await shorten({ text: "https://example.com/a", contactId: "../../locations/x" }), 422, "invalid_input");
    expect(bad.details).toMatchObject({ fieldErrors: { contactId: [expect.any(String)] } });
  });

  it("refuses another workspace's campaign with 422 on campaignId", async () => {
    const theirs = await createCampaign(db, harborWs, { name: "Harbor only", tags: [] });
    const before = await linkCount(sunriseWs);
    const error = await expectError(await shorten({ text: "https://example.com/x", campaignId: theirs.id }), 422, "invalid_input");
    expect(error.details).toEqual({ fieldErrors: { campaignId: ["No such campaign in this workspace"] } });
    expect(await linkCount(sunriseWs)).toBe(before);
    expect(await db.select().from(campaigns).where(eq(campaigns.id, theirs.id))).toHaveLength(1);
  });

  it("answers 502 when the CRM cannot confirm the contact", async () => {
    const before = await linkCount(sunriseWs);
    await setFault(db, { mode: "down" });
    await expectError(await shorten({ text: "https://example.com/x", contactId: "sbx_ct_sunrise_07" }), 502, "crm_unavailable");
    expect(await linkCount(sunriseWs)).toBe(before);
    await setFault(db, { mode: "none" });
    expect((await shortened({ text: "https://example.com/x", contactId: "sbx_ct_sunrise_07" })).links).toHaveLength(1);
  });

  it("refuses past the plan's active-link limit, all or nothing", async () => {
    const existing = await linkCount(harborWs);
    const rows = Array.from({ length: 999 - existing }, (_, i) => ({ id: newId("lnk"), workspaceId: harborWs, slug: `fill-${i}-${newId("s").slice(2, 8)}`, url: "https://example.com" }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(links).values(rows.slice(i, i + 500));
    expect(await linkCount(harborWs)).toBe(999);
    const error = await expectError(await shorten({ text: "https://a.example https://b.example", contactId: HARBOR_CONTACT }, harborKey), 403, "plan_required");
    expect(error.details).toMatchObject({ feature: "maxActiveLinks", limit: 1000, active: 999 });
    expect(await linkCount(harborWs)).toBe(999);
    // One URL still fits; its code does not count as an active link.
    const one = await shortened({ text: "https://a.example", contactId: HARBOR_CONTACT }, harborKey);
    expect(one.links[0]?.codeId).toEqual(expect.any(String));
    await db.delete(links).where(inArray(links.id, rows.map((r) => r.id)));
  });

  it.each([
    [{}, "text"],
    [{ text: 42 }, "text"],
    [{ text: "x".repeat(20_001) }, "text"],
    [{ text: "hi", extra: true }, "_"],
    [{ text: "hi", tags: ["a;b"] }, "tags.0"],
    [{ text: Array.from({ length: 51 }, (_, i) => `https://example.com/${i}`).join(" ") }, "text"],
  ])("refuses bad input %#", async (body, field) => {
    const before = await linkCount(sunriseWs);
    const error = await expectError(await shorten(body), 422, "invalid_input");
    expect(Object.keys((error.details as { fieldErrors: Record<string, unknown> }).fieldErrors)).toContain(field);
    expect(await linkCount(sunriseWs)).toBe(before);
  });

  it("refuses a body that is not JSON", async () => {
    await expectError(await call(shortenPost, "POST", "/api/v1/messages/shorten", { headers: sunriseKey, rawBody: "{nope" }), 400, "invalid_json");
  });
});

describe("mintContactCodeForLink", () => {
  it("mints from the workspace's own top-level links only", async () => {
    const [parent] = (await shortened({ text: "https://example.com/mint" })).links;
    const code = await mintContactCodeForLink(db, sunriseWs, parent?.id ?? "", SUNRISE_CONTACT);
    expect(code).toMatchObject({ parentLinkId: parent?.id, contactId: SUNRISE_CONTACT, workspaceId: sunriseWs });
    await expect(mintContactCodeForLink(db, harborWs, parent?.id ?? "", HARBOR_CONTACT)).rejects.toMatchObject({ code: "not_found" });
    await expect(mintContactCodeForLink(db, sunriseWs, code.id, SUNRISE_CONTACT)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("authentication", () => {
  it("needs an API key or a session", async () => {
    await expectError(await shorten({ text: "https://example.com" }, {}), 401, "unauthorized");
    await expectError(await shorten({ text: "https://example.com" }, { authorization: "Bearer sl_live_not-a-real-key" }), 401, "unauthorized");
  });

  it("takes a session token too, recording the user who made the links", async () => {
    const userId = newId("usr");
    await db.insert(users).values({ id: userId, workspaceId: sunriseWs, crmUserId: `crm-${userId}`, name: "Maya" });
    const { token } = await signSessionToken(env().sessionSecret, { workspaceId: sunriseWs, userId, role: "admin" });
    const result = await shortened({ text: "https://example.com/session", contactId: SUNRISE_CONTACT }, { authorization: `Bearer ${token}` });
    const [row] = await db.select().from(links).where(eq(links.id, result.links[0]?.id ?? ""));
    expect(row?.createdByUserId).toBe(userId);
  });

  it("acts for the key's workspace only", async () => {
    const result = await shortened({ text: "https://example.com/harbor", contactId: HARBOR_CONTACT }, harborKey);
    const [row] = await db.select().from(links).where(eq(links.id, result.links[0]?.id ?? ""));
    expect(row?.workspaceId).toBe(harborWs);
  });
});
