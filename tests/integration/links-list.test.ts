/**
 * GET /api/v1/links: keyset pagination returns every matching link exactly once, in order,
 * for every sort, order and filter — with ties on every sort key, minted per-contact codes
 * and another workspace's links in the same table.
 */
import { sql } from "drizzle-orm";
import { GET } from "@/app/api/v1/links/route";
import { campaigns, linkTags, links, tags, type NewLinkRow } from "@/db/schema";
import { getDb } from "@/lib/db";
import { newId } from "@/lib/ids";
import { linkStatusOf } from "@/lib/links/dto";
import { LINK_STATUSES, listLinksResultSchema, type LinkSort, type LinkStatusValue } from "@/lib/links/schemas";
import { useTestDatabase } from "@/tests/helpers/db";
import { call, expectError, installedWorkspace, type TestWorkspace } from "@/tests/integration/api-test-kit";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let ws: TestWorkspace;
let other: TestWorkspace;
const N = 250;
const NOW = Date.now();
type Fixture = { row: NewLinkRow & { id: string }; tags: string[] };
const fixtures: Fixture[] = [];
let campaignId = "";
let alphaId = "";

beforeAll(async () => {
  database = await useTestDatabase();
  ws = await installedWorkspace("pro");
  other = await installedWorkspace("pro");
  const db = await getDb();
  campaignId = newId("cmp");
  await db.insert(campaigns).values({ id: campaignId, workspaceId: ws.id, name: "C1" });
  alphaId = newId("tag");
  const betaId = newId("tag");
  await db.insert(tags).values([
    { id: alphaId, workspaceId: ws.id, name: "Alpha" },
    { id: betaId, workspaceId: ws.id, name: "Beta" },
  ]);
  const base = NOW - 10 * 86_400_000;
  for (let i = 0; i < N; i++) {
    const rowTags = i % 3 === 0 ? (i % 6 === 0 ? ["Alpha", "Beta"] : ["Alpha"]) : [];
    fixtures.push({
      tags: rowTags,
      row: {
        id: newId("lnk"),
        workspaceId: ws.id,
        slug: `s${i}-${ws.id.slice(-6)}`,
        url: `https://site${i % 3}.example/p/${i}`,
        title: i % 25 === 0 ? "Deal 50%_off" : i % 10 === 0 ? null : `Title ${i % 17}`,
        // Triplets share a timestamp: the id breaks the tie.
        createdAt: new Date(base + Math.floor(i / 3) * 1000),
        clicks: i % 5,
        status: i % 11 === 0 ? "archived" : "active",
        expiresAt: i % 13 === 0 ? new Date(NOW - 86_400_000) : i % 13 === 1 ? new Date(NOW + 86_400_000) : null,
        clickLimit: i % 7 === 0 ? 3 : null,
        humanClicks: i % 7 === 0 && i % 2 === 1 ? 3 : 0,
        campaignId: i % 4 === 0 ? campaignId : null,
      },
    });
  }
  await db.insert(links).values(fixtures.map((f) => f.row));
  // Sub-millisecond differences on some rows: cursors must keep PostgreSQL's microseconds.
  await db.execute(sql`update links set created_at = created_at + interval '1 microsecond' * (length(slug) % 3) where workspace_id = ${ws.id}`);
  const pairs = fixtures.flatMap((f) => f.tags.map((name) => ({ linkId: f.row.id, tagId: name === "Alpha" ? alphaId : betaId })));
  await db.insert(linkTags).values(pairs);
  // Minted per-contact codes and another workspace's links: never listed here.
  const parent = fixtures[0]?.row.id ?? "";
  await db.insert(links).values(
    Array.from({ length: 5 }, (_, i) => ({ id: newId("lnk"), workspaceId: ws.id, slug: `minted-s${i}-${ws.id.slice(-6)}`, url: "https://site0.example/m", title: "Title 1", parentLinkId: parent, contactId: `c${i}` })),
  );
  await db.insert(links).values(
    Array.from({ length: 20 }, (_, i) => ({ id: newId("lnk"), workspaceId: other.id, slug: `o${i}-${other.id.slice(-6)}`, url: "https://site0.example/o", title: "Title 1" })),
  );
});
afterAll(async () => {
  await database.close();
});

async function list(params: Record<string, string>, headers = ws.session) {
  const qs = new URLSearchParams(params).toString();
  return call(GET, "GET", `/api/v1/links?${qs}`, { headers });
}

async function allPages(params: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const res = await list({ ...params, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    const body = listLinksResultSchema.parse(await res.json());
    ids.push(...body.items.map((l) => l.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error("pagination did not end");
}

const SORT_SQL: Record<LinkSort, string> = {
  created: "created_at",
  clicks: "clicks",
  title: "lower(coalesce(title, ''))",
};

/** The reference order, straight from SQL (titles sort by the database's collation). */
async function referenceOrder(ids: string[], sort: LinkSort, order: "asc" | "desc"): Promise<string[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const result = await db.execute<{ id: string }>(
    sql`select id from links where id in (${idList}) order by ${sql.raw(SORT_SQL[sort])} ${sql.raw(order)}, id ${sql.raw(order)}`,
  );
  const rows: unknown = Array.isArray(result) ? result : (result as { rows: unknown }).rows;
  return (rows as { id: string }[]).map((r) => r.id);
}

const now = () => new Date();
const statusOf = (f: Fixture): LinkStatusValue =>
  linkStatusOf(
    { status: f.row.status ?? "active", expiresAt: f.row.expiresAt ?? null, clickLimit: f.row.clickLimit ?? null, humanClicks: f.row.humanClicks ?? 0 },
    now(),
  );

const FILTERS: [string, Record<string, string>, (f: Fixture) => boolean][] = [
  ["no filter", {}, () => true],
  ["q=title 1", { q: "title 1" }, (f) => /title 1/i.test(f.row.title ?? "")],
  ["q=50%_ (escaped)", { q: "50%_" }, (f) => (f.row.title ?? "").includes("50%_")],
  ["q=site2 (url)", { q: "SITE2" }, (f) => f.row.url.includes("site2")],
  ["tag by name", { tag: "alpha" }, (f) => f.tags.includes("Alpha")],
  ["tag by id", { tag: "__alpha__" }, (f) => f.tags.includes("Alpha")],
  ["campaign", { campaignId: "__campaign__" }, (f) => f.row.campaignId === campaignId],
  ...LINK_STATUSES.map((status): [string, Record<string, string>, (f: Fixture) => boolean] => [`status=${status}`, { status }, (f) => statusOf(f) === status]),
  ["tag + status + q", { tag: "Beta", status: "active", q: "title" }, (f) => f.tags.includes("Beta") && statusOf(f) === "active" && /title/i.test(f.row.title ?? "")],
];

describe("GET /api/v1/links pagination", () => {
  const sorts: LinkSort[] = ["created", "clicks", "title"];
  for (const [name, params, predicate] of FILTERS) {
    for (const sort of sorts) {
      for (const order of ["desc", "asc"] as const) {
        it(`${name}, sort=${sort} ${order}: each link exactly once, in order`, async () => {
          const resolved = Object.fromEntries(
            Object.entries(params).map(([k, v]) => [k, v === "__alpha__" ? alphaId : v === "__campaign__" ? campaignId : v]),
          );
          const ids = await allPages({ ...resolved, sort, order, limit: name === "no filter" ? "17" : "9" });
          const expected = fixtures.filter(predicate).map((f) => f.row.id);
          expect(expected.length).toBeGreaterThan(0);
          expect(new Set(ids).size).toBe(ids.length);
          expect([...ids].sort()).toEqual([...expected].sort());
          expect(ids).toEqual(await referenceOrder(expected, sort, order));
        });
      }
    }
  }

  it("defaults to newest first, 50 per page, and fills DTO tags and campaign", async () => {
    const body = listLinksResultSchema.parse(await (await list({})).json());
    expect(body.items).toHaveLength(50);
    expect(body.nextCursor).toEqual(expect.any(String));
    const created = body.items.map((l) => l.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const withBoth = body.items.find((l) => l.tags.length === 2 && l.campaign);
    expect(withBoth).toMatchObject({ tags: ["Alpha", "Beta"], campaign: { id: campaignId, name: "C1" } });
  });

  it("sees only its own links (session and API key), never minted codes", async () => {
    const theirs = listLinksResultSchema.parse(await (await list({ limit: "100" }, other.apiKey)).json());
    expect(theirs.items).toHaveLength(20);
    const mine = await allPages({ q: "minted" });
    expect(mine).toEqual([]);
    const unknownTag = listLinksResultSchema.parse(await (await list({ tag: "no-such-tag" })).json());
    expect(unknownTag).toEqual({ items: [], nextCursor: null });
    const foreignCampaign = listLinksResultSchema.parse(await (await list({ campaignId }, other.session)).json());
    expect(foreignCampaign.items).toEqual([]);
  });

  it("refuses bad parameters with 422 invalid_input", async () => {
    const bad: Record<string, string>[] = [{ limit: "0" }, { limit: "101" }, { limit: "abc" }, { status: "deleted" }, { sort: "random" }, { order: "up" }];
    for (const params of bad) {
      const error = await expectError(await list(params), 422, "invalid_input");
      expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors)).toHaveLength(1);
    }
    const first = listLinksResultSchema.parse(await (await list({ sort: "clicks", limit: "5" })).json());
    const wrongSort = await expectError(await list({ sort: "title", cursor: first.nextCursor ?? "" }), 422, "invalid_input");
    expect((wrongSort.details as { fieldErrors: Record<string, string[]> }).fieldErrors.cursor).toBeDefined();
    await expectError(await list({ cursor: "not-a-cursor" }), 422, "invalid_input");
    await expectError(await list({ cursor: Buffer.from('["created","desc","x; drop table links","id"]').toString("base64url") }), 422, "invalid_input");
  });

  it("requires auth", async () => {
    await expectError(await call(GET, "GET", "/api/v1/links"), 401, "unauthorized");
  });
});
