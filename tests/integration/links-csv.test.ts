/** CSV export (streamed, RFC 4180, formula-guarded) and import (all or nothing), round trip. */
import { and, count, eq } from "drizzle-orm";
import { GET as EXPORT } from "@/app/api/v1/links/export/route";
import { POST as IMPORT } from "@/app/api/v1/links/import/route";
import { POST as BULK } from "@/app/api/v1/links/bulk/route";
import { GET as LIST, POST } from "@/app/api/v1/links/route";
import { campaigns, links, tags } from "@/db/schema";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { parseCsv, unguardCell } from "@/lib/links/csv";
import { linkDtoSchema, listLinksResultSchema, type LinkDto } from "@/lib/links/schemas";
import { cachedLink, rememberLink } from "@/lib/redirect/link-cache";
import { useTestDatabase } from "@/tests/helpers/db";
import { call, expectError, installedWorkspace, type TestWorkspace } from "@/tests/integration/api-test-kit";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let ws: TestWorkspace;

beforeAll(async () => {
  database = await useTestDatabase();
  ws = await installedWorkspace("pro");
});
afterAll(async () => {
  await database.close();
});

const HEADER = "slug,short_url,url,title,tags,campaign,status,clicks,created_at";

async function make(target: TestWorkspace, body: Record<string, unknown>): Promise<LinkDto> {
  const res = await call(POST, "POST", "/api/v1/links", { headers: target.session, body });
  expect(res.status).toBe(201);
  return linkDtoSchema.parse(await res.json());
}

const exportCsv = (target: TestWorkspace, query = "") => call(EXPORT, "GET", `/api/v1/links/export${query}`, { headers: target.apiKey });
const importCsv = (target: TestWorkspace, csv: string, headers: Record<string, string> = { "content-type": "text/csv" }) =>
  call(IMPORT, "POST", "/api/v1/links/import", { headers: { ...target.session, ...headers }, rawBody: csv });

async function linkCount(workspaceId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(links).where(eq(links.workspaceId, workspaceId));
  return row?.n ?? 0;
}

function rowsOf(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  return records.map((r) => Object.fromEntries((header?.cells ?? []).map((name, i) => [name, r.cells[i] ?? ""])));
}

describe("GET /api/v1/links/export", () => {
  it("streams RFC 4180 CSV with the contract's columns, ;-separated tags and a formula guard", async () => {
    const target = await installedWorkspace("pro");
    const cmp = newId("cmp");
    const db = await getDb();
    await db.insert(campaigns).values({ id: cmp, workspaceId: target.id, name: "Launch, \"2026\"" });
    const plain = await make(target, { url: "https://ok.example/a", slug: "plain", title: "Plain", tags: ["b", "A"], campaignId: cmp });
    const tricky = await make(target, {
      url: "https://ok.example/b?x=1",
      slug: "-dash",
      title: '=HYPERLINK("http://evil","click"), "quoted"\nline two',
      utm: { source: "csv" },
    });
    await make(target, { url: "https://ok.example/c", slug: "archived-one", title: "@mention" }).then((l) =>
      call(BULK, "POST", "/api/v1/links/bulk", { headers: target.session, body: { ids: [l.id], action: "archive" } }),
    );

    const res = await exportCsv(target);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="links-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""click""), ""quoted""\nline two"`);
    expect(text).toContain(`'-dash,`);
    expect(text).toContain(`,'@mention,`);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.slug).toBe("archived-one"); // newest first
    expect(rows.find((r) => r.slug === "plain")).toEqual({
      slug: "plain",
      short_url: `${env().shortBaseUrl}/plain`,
      url: "https://ok.example/a",
      title: "Plain",
      tags: "A;b",
      campaign: 'Launch, "2026"',
      status: "active",
      clicks: "0",
      created_at: plain.createdAt,
    });
    expect(rows.find((r) => unguardCell(r.slug ?? "") === "-dash")).toMatchObject({
      url: "https://ok.example/b?x=1&utm_source=csv",
      short_url: tricky.shortUrl,
    });
    expect(rows.find((r) => r.slug === "archived-one")?.status).toBe("archived");

    const filtered = rowsOf(await (await exportCsv(target, "?status=archived")).text());
    expect(filtered.map((r) => r.slug)).toEqual(["archived-one"]);
  });

  it("streams every link across many pages, once each", async () => {
    const target = await installedWorkspace("pro");
    const db = await getDb();
    const rows = Array.from({ length: 1234 }, (_, i) => ({ id: newId("lnk"), workspaceId: target.id, slug: `exp-${target.id.slice(-8)}-${i}`, url: `https://ok.example/${i}` }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(links).values(rows.slice(i, i + 500));
    const res = await exportCsv(target);
    const reader = res.body?.getReader();
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      chunks++;
      text += decoder.decode(next.value, { stream: true });
    }
    expect(chunks).toBeGreaterThanOrEqual(4); // header + 3 pages of ≤ 500
    const slugs = rowsOf(text).map((r) => r.slug);
    expect(slugs).toHaveLength(1234);
    expect(new Set(slugs).size).toBe(1234);
  });

  it("needs auth", async () => {
    await expectError(await call(EXPORT, "GET", "/api/v1/links/export"), 401, "unauthorized");
  });
});

describe("POST /api/v1/links/import", () => {
  it("round-trips an export: delete the links, import the file, get the same links back", async () => {
    const target = await installedWorkspace("pro");
    await make(target, { url: "https://ok.example/1", slug: "rt-one", title: "One, with comma", tags: ["x", "Y"] });
    await make(target, { url: "https://ok.example/2", slug: "-rt-two", title: "=SUM(A1)" });
    await make(target, { url: "https://ok.example/3", title: "random slug", utm: { medium: "csv" } });
    const before = listLinksResultSchema.parse(await (await call(LIST, "GET", "/api/v1/links", { headers: target.session })).json()).items;
    const csv = await (await exportCsv(target)).text();

    await call(BULK, "POST", "/api/v1/links/bulk", { headers: target.session, body: { ids: before.map((l) => l.id), action: "delete" } });
    expect(await linkCount(target.id)).toBe(0);
    rememberLink("", "rt-one", null);

    const res = await importCsv(target, csv);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { imported: number; links: string[] };
    expect(body.imported).toBe(3);
    expect(body.links).toHaveLength(3);
    expect(cachedLink("", "rt-one")).toBeUndefined();

    const after = listLinksResultSchema.parse(await (await call(LIST, "GET", "/api/v1/links", { headers: target.session })).json()).items;
    const shape = (l: LinkDto) => ({ slug: l.slug, destination: l.destination, title: l.title, tags: l.tags, campaign: l.campaign?.name ?? null });
    expect(after.map(shape).sort((p, q) => p.slug.localeCompare(q.slug))).toEqual(before.map(shape).sort((p, q) => p.slug.localeCompare(q.slug)));
    expect(new Set(after.map((l) => l.id))).toEqual(new Set(body.links));
  });

  it("creates campaigns and tags named in the file once (case-insensitive), and reads expires_at", async () => {
    const target = await installedWorkspace("pro");
    const csv = [
      "URL,Slug,Title,Tags,Campaign,Expires At,ignored",
      "https://ok.example/a,imp-a,A,Hot;VIP,Spring Sale,2030-01-01T00:00:00Z,x",
      "https://ok.example/b,,B,hot; vip ,spring sale,2020-06-01,y",
      "https://ok.example/c,,,,,,",
    ].join("\n");
    const res = await importCsv(target, csv);
    expect(res.status).toBe(201);
    const { links: ids } = (await res.json()) as { links: string[] };
    const db = await getDb();
    expect(await db.select().from(campaigns).where(eq(campaigns.workspaceId, target.id))).toHaveLength(1);
    expect((await db.select().from(tags).where(eq(tags.workspaceId, target.id))).map((t) => t.name).sort()).toEqual(["Hot", "VIP"]);
    const items = listLinksResultSchema.parse(await (await call(LIST, "GET", "/api/v1/links?sort=created&order=asc", { headers: target.session })).json()).items;
    expect(items.map((l) => l.id)).toEqual(ids); // file order
    expect(items[0]).toMatchObject({ slug: "imp-a", tags: ["Hot", "VIP"], campaign: { name: "Spring Sale" }, expiresAt: "2030-01-01T00:00:00.000Z", status: "active" });
    expect(items[1]).toMatchObject({ tags: ["Hot", "VIP"], campaign: { name: "Spring Sale" }, status: "expired" });
    expect(items[1]?.slug).toMatch(/^[2-9a-km-zA-HJ-NP-Z]{7}$/);
    expect(items[2]).toMatchObject({ title: null, tags: [], campaign: null, expiresAt: null });
  });

  it("imports nothing when one row is bad, and lists every bad row", async () => {
    const target = await installedWorkspace("pro");
    await make(target, { url: "https://ok.example", slug: "already-here" });
    const csv = [
      "url,slug,title,tags,campaign,expires_at",
      "https://ok.example/1,good-1,Fine,new-tag,New Campaign,",
      "javascript:alert(1),,Bad url,,,",
      "https://ok.example/3,app,Reserved,,,",
      "https://ok.example/4,good-1,Duplicate in file,,,",
      "https://ok.example/5,already-here,Taken,,,",
      "https://ok.example/6,,,,,next tuesday",
      '"https://ok.example/7",,"Multi',
      'line title",,,',
      "ftp://x.example,,,,,",
    ].join("\r\n");
    const before = await linkCount(target.id);
    const error = await expectError(await importCsv(target, csv), 422, "invalid_input");
    expect(error.message).toBe("6 rows have errors; nothing was imported");
    const details = error.details as { rows: { row: number; errors: Record<string, string[]> }[]; badRowCount: number };
    expect(details.badRowCount).toBe(6);
    expect(details.rows.map((r) => [r.row, Object.keys(r.errors)])).toEqual([
      [3, ["url"]],
      [4, ["slug"]],
      [5, ["slug"]],
      [6, ["slug"]],
      [7, ["expires_at"]],
      [10, ["url"]],
    ]);
    expect(details.rows[0]?.errors.url).toEqual(["Only http:// and https:// URLs are accepted"]);
    expect(details.rows[1]?.errors.slug?.[0]).toMatch(/reserved/);
    expect(details.rows[2]?.errors.slug?.[0]).toMatch(/line 2 of this file/);
    expect(details.rows[3]?.errors.slug?.[0]).toMatch(/already taken/);
    expect(await linkCount(target.id)).toBe(before);
    const db = await getDb();
    expect(await db.select().from(tags).where(eq(tags.workspaceId, target.id))).toEqual([]);
    expect(await db.select().from(campaigns).where(eq(campaigns.workspaceId, target.id))).toEqual([]);
  });

  it("refuses malformed files with 422 and says why", async () => {
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["url,slug\n", /no links/],
      ["link,slug\nhttps://ok.example,x\n", /url/],
      ['url,title\nhttps://ok.example,"never closed\n', /Line 2: A quoted cell is never closed/],
      ['url,url\nhttps://a.example,https://b.example\n', /twice/],
    ];
    for (const [csv, message] of cases) {
      const error = await expectError(await importCsv(ws, csv), 422, "invalid_input");
      expect(error.message).toMatch(message);
    }
    const latin1 = new Uint8Array([...new TextEncoder().encode("url,title\nhttps://ok.example,caf"), 0xe9, 0x0a]);
    const error = await expectError(await call(IMPORT, "POST", "/api/v1/links/import", { headers: { ...ws.session, "content-type": "text/csv" }, rawBody: latin1 }), 422, "invalid_input");
    expect(error.message).toMatch(/UTF-8/);
  });

  it("accepts a multipart upload with the file in the field `file`", async () => {
    const target = await installedWorkspace("pro");
    const form = new FormData();
    form.append("file", new Blob(["url,slug\nhttps://ok.example/m,multi-part\n"], { type: "text/csv" }), "links.csv");
    const res = await call(IMPORT, "POST", "/api/v1/links/import", { headers: target.apiKey, rawBody: form });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { imported: number }).imported).toBe(1);
    const empty = new FormData();
    empty.append("other", "x");
    await expectError(await call(IMPORT, "POST", "/api/v1/links/import", { headers: target.apiKey, rawBody: empty }), 422, "invalid_input");
  });

  it("refuses more than 10,000 rows or 5 MB with 413 payload_too_large, importing nothing", async () => {
    const target = await installedWorkspace("pro");
    const many = ["url", ...Array.from({ length: 10_001 }, (_, i) => `https://ok.example/${i}`)].join("\n");
    const rows = await expectError(await importCsv(target, many), 413, "payload_too_large");
    expect(rows.message).toMatch(/10,000/);
    const big = `url,title\n${`https://ok.example/x,${"t".repeat(150)}\n`.repeat(40_000)}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(5 * 1024 * 1024);
    await expectError(await importCsv(target, big), 413, "payload_too_large");
    expect(await linkCount(target.id)).toBe(0);
  });

  it("imports 10,000 rows in one go", async () => {
    const target = await installedWorkspace("pro");
    const csv = ["url,tags", ...Array.from({ length: 10_000 }, (_, i) => `https://ok.example/${i},bulk;n${i % 3}`)].join("\n");
    const res = await importCsv(target, csv);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { imported: number }).imported).toBe(10_000);
    expect(await linkCount(target.id)).toBe(10_000);
    const db = await getDb();
    expect(await db.select().from(tags).where(eq(tags.workspaceId, target.id))).toHaveLength(4);
  }, 120_000);

  it("counts imported links against the Starter limit (403 plan_required, nothing imported)", async () => {
    const starter = await installedWorkspace("starter");
    const db = await getDb();
    const rows = Array.from({ length: 999 }, (_, i) => ({ id: newId("lnk"), workspaceId: starter.id, slug: `imp-lim-${starter.id}-${i}`, url: "https://ok.example" }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(links).values(rows.slice(i, i + 500));
    await expectError(await importCsv(starter, "url,tags\nhttps://ok.example/1,t1\nhttps://ok.example/2,t2\n"), 403, "plan_required");
    expect(await linkCount(starter.id)).toBe(999);
    expect(await db.select().from(tags).where(and(eq(tags.workspaceId, starter.id)))).toEqual([]);
    expect((await importCsv(starter, "url\nhttps://ok.example/1\n")).status).toBe(201);
  });

  it("needs auth", async () => {
    await expectError(await call(IMPORT, "POST", "/api/v1/links/import", { rawBody: "url\nhttps://ok.example\n" }), 401, "unauthorized");
  });
});
