/** REST API v1 analytics and CSV exports: auth, input errors, isolation, streaming pages. */
import { GET as GET_SUMMARY_CSV } from "@/app/api/v1/analytics.csv/route";
import { GET as GET_ANALYTICS } from "@/app/api/v1/analytics/route";
import { GET as GET_CLICKS_CSV } from "@/app/api/v1/clicks.csv/route";
import { POST as POST_CAMPAIGN } from "@/app/api/v1/campaigns/route";
import { POST as POST_LINK } from "@/app/api/v1/links/route";
import type { Analytics } from "@/lib/analytics/types";
import { writeClickEvents } from "@/lib/clicks/write-click-batch";
import { getDb } from "@/lib/db";
import { parseCsv } from "@/lib/links/csv";
import { linkDtoSchema, type LinkDto } from "@/lib/links/schemas";
import { clickEvent } from "@/tests/helpers/click-event";
import { useTestDatabase } from "@/tests/helpers/db";
import { call, expectError, installedWorkspace, type TestWorkspace } from "@/tests/integration/api-test-kit";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let a: TestWorkspace;
let b: TestWorkspace;
let linkA: LinkDto;
let linkB: LinkDto;
let campaignA: string;

const today = () => new Date();

beforeAll(async () => {
  database = await useTestDatabase();
  a = await installedWorkspace("pro");
  b = await installedWorkspace("starter");
  const campaign = await call(POST_CAMPAIGN, "POST", "/api/v1/campaigns", { headers: a.session, body: { name: "Autumn" } });
  campaignA = ((await campaign.json()) as { id: string }).id;
  const create = async (ws: TestWorkspace, body: Record<string, unknown>) =>
    linkDtoSchema.parse(await (await call(POST_LINK, "POST", "/api/v1/links", { headers: ws.session, body: { url: "https://ok.example", ...body } })).json());
  linkA = await create(a, { campaignId: campaignA, title: "Autumn offer" });
  linkB = await create(b, {});
  const db = await getDb();
  const now = today();
  // 12,000 clicks for A, half of them at the very same instant (the CSV's page boundary falls in a tie), 10 bots.
  const events = Array.from({ length: 12_000 }, (_, i) =>
    clickEvent(a.id, linkA.id, {
      occurredAt: i < 6_000 ? now : new Date(now.getTime() - (i % 50) * 1000),
      visitorKey: `v${i % 300}`,
      country: "NL",
      city: 'Den "Haag", NL',
      isBot: i < 10,
    }),
  );
  for (let i = 0; i < events.length; i += 3_000) await writeClickEvents(db, events.slice(i, i + 3_000));
  await writeClickEvents(db, [clickEvent(b.id, linkB.id, { occurredAt: now, country: "JP" })]);
});
afterAll(async () => {
  await database.close();
});

const get = (handler: unknown, ws: TestWorkspace | null, query: string, path = "/api/v1/analytics") =>
  call(handler, "GET", `${path}${query}`, { headers: ws ? ws.apiKey : {} });

describe("GET /api/v1/analytics", () => {
  it("answers the workspace over 30 days by default, with a session or an API key", async () => {
    const res = await call(GET_ANALYTICS, "GET", "/api/v1/analytics", { headers: a.session });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const body = (await res.json()) as Analytics;
    expect(body.window).toBe("30d");
    expect(body.series).toHaveLength(30);
    expect(body.totals).toMatchObject({ clicks: 11_990, botsFiltered: 10, uniqueVisitors: 300 });
    expect(body.cities).toEqual([{ city: 'Den "Haag", NL', country: "NL", clicks: 11_990 }]);
    const viaKey = (await (await get(GET_ANALYTICS, a, "?window=7d")).json()) as Analytics;
    expect(viaKey.totals.clicks).toBe(11_990);
  });

  it("answers a link and a campaign of the workspace", async () => {
    const byLink = (await (await get(GET_ANALYTICS, a, `?window=90d&linkId=${linkA.id}`)).json()) as Analytics;
    expect(byLink.scope).toEqual({ kind: "link", linkId: linkA.id });
    expect(byLink.destinations).toEqual([{ url: "https://example.com/", rule: "default", clicks: 11_990 }]);
    const byCampaign = (await (await get(GET_ANALYTICS, a, `?window=all&campaignId=${campaignA}`)).json()) as Analytics;
    expect(byCampaign).toMatchObject({ historyDays: 365, totals: { clicks: 11_990 } });
    expect(byCampaign.topLinks.map((l) => [l.linkId, l.title, l.clicks])).toEqual([[linkA.id, "Autumn offer", 11_990]]);
  });

  it("refuses without credentials, and bad input with 422 and the field", async () => {
    await expectError(await get(GET_ANALYTICS, null, ""), 401, "unauthorized");
    const badWindow = await expectError(await get(GET_ANALYTICS, a, "?window=1y"), 422, "invalid_input");
    expect(badWindow.details?.fieldErrors).toHaveProperty("window");
    await expectError(await get(GET_ANALYTICS, a, `?linkId=${linkA.id}&campaignId=${campaignA}`), 422, "invalid_input");
    await expectError(await get(GET_ANALYTICS, a, "?tag=x"), 422, "invalid_input");
  });

  it("never shows another workspace's link, campaign or clicks", async () => {
    await expectError(await get(GET_ANALYTICS, b, `?linkId=${linkA.id}`), 404, "not_found");
    await expectError(await get(GET_ANALYTICS, b, `?campaignId=${campaignA}`), 404, "not_found");
    await expectError(await get(GET_CLICKS_CSV, b, `?linkId=${linkA.id}`, "/api/v1/clicks.csv"), 404, "not_found");
    const body = (await (await get(GET_ANALYTICS, b, "?window=7d")).json()) as Analytics;
    expect(body.totals).toMatchObject({ clicks: 1, botsFiltered: 0 });
    expect(body.countries).toEqual([{ code: "JP", clicks: 1 }]);
  });
});

describe("CSV exports", () => {
  it("streams every click of the window once, oldest first, bots flagged, across page boundaries", async () => {
    const res = await get(GET_CLICKS_CSV, a, `?window=7d&linkId=${linkA.id}`, "/api/v1/clicks.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="smart-links-clicks-link-7d-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...records] = parseCsv(await res.text()).map((r) => r.cells);
    expect(header).toEqual(["time", "link_id", "short_url", "destination", "rule", "country", "region", "city", "device", "os", "browser", "referrer", "source", "qr", "bot", "contact_id"]);
    expect(records).toHaveLength(12_000);
    expect(records.filter((r) => r[14] === "true")).toHaveLength(10);
    const times = records.map((r) => r[0] ?? "");
    expect([...times].sort()).toEqual(times);
    expect(records[0]).toEqual(expect.arrayContaining([linkA.id, linkA.shortUrl, "NL", 'Den "Haag", NL', "desktop", "direct"]));
  });

  it("exports only the asking workspace's clicks", async () => {
    const text = await (await get(GET_CLICKS_CSV, b, "?window=30d", "/api/v1/clicks.csv")).text();
    const records = parseCsv(text).slice(1);
    expect(records).toHaveLength(1);
    expect(records[0]?.cells[5]).toBe("JP");
  });

  it("exports a summary of every panel", async () => {
    const res = await get(GET_SUMMARY_CSV, a, `?window=30d&campaignId=${campaignA}`, "/api/v1/analytics.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("smart-links-summary-campaign-30d-");
    const rows = parseCsv(await res.text()).map((r) => r.cells);
    expect(rows[0]).toEqual(["panel", "name", "detail", "clicks"]);
    expect(rows).toContainEqual(["totals", "clicks", "", "11990"]);
    expect(rows).toContainEqual(["totals", "botsFiltered", "", "10"]);
    expect(rows).toContainEqual(["cities", 'Den "Haag", NL', "NL", "11990"]);
    expect(rows.filter((r) => r[0] === "series")).toHaveLength(30);
    expect(rows.filter((r) => r[0] === "hours")).toHaveLength(24);
  });
});
