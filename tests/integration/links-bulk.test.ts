/** POST /api/v1/links/bulk: every action, one transaction, only the caller's own links. */
import { eq, inArray } from "drizzle-orm";
import { POST as BULK } from "@/app/api/v1/links/bulk/route";
import { GET as GET_ONE } from "@/app/api/v1/links/[id]/route";
import { POST } from "@/app/api/v1/links/route";
import { POST as POST_CAMPAIGN } from "@/app/api/v1/campaigns/route";
import { links } from "@/db/schema";
import { getDb } from "@/lib/db";
import { newId } from "@/lib/ids";
import { linkDtoSchema, type LinkDto } from "@/lib/links/schemas";
import { cachedLink, rememberLink } from "@/lib/redirect/link-cache";
import { useTestDatabase } from "@/tests/helpers/db";
import { call, expectError, installedWorkspace, type TestWorkspace } from "@/tests/integration/api-test-kit";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let a: TestWorkspace;
let b: TestWorkspace;

beforeAll(async () => {
  database = await useTestDatabase();
  a = await installedWorkspace("pro");
  b = await installedWorkspace("pro");
});
afterAll(async () => {
  await database.close();
});

async function make(ws: TestWorkspace, body: Record<string, unknown> = {}): Promise<LinkDto> {
  const res = await call(POST, "POST", "/api/v1/links", { headers: ws.session, body: { url: "https://ok.example", ...body } });
  expect(res.status).toBe(201);
  return linkDtoSchema.parse(await res.json());
}

async function read(ws: TestWorkspace, id: string): Promise<LinkDto> {
  const res = await call(GET_ONE, "GET", `/api/v1/links/${id}`, { headers: ws.session, params: { id } });
  expect(res.status).toBe(200);
  return linkDtoSchema.parse(await res.json());
}

const bulk = (ws: TestWorkspace, body: unknown, auth: "session" | "apiKey" = "session") =>
  call(BULK, "POST", "/api/v1/links/bulk", { headers: ws[auth], body });

async function campaign(ws: TestWorkspace, name: string): Promise<string> {
  const res = await call(POST_CAMPAIGN, "POST", "/api/v1/campaigns", { headers: ws.session, body: { name } });
  return ((await res.json()) as { id: string }).id;
}

describe("POST /api/v1/links/bulk", () => {
  it("tags and untags (names created on the fly, case-insensitive), only the workspace's links", async () => {
    const mine = [await make(a, { tags: ["keep"] }), await make(a)];
    const theirs = await make(b, { tags: ["keep"] });
    const ids = [...mine.map((l) => l.id), theirs.id, "lnk_unknown"];
    const res = await bulk(a, { ids, action: "tag", tags: ["Hot", "hot", "Keep"] }, "apiKey");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ action: "tag", count: 2, ids: mine.map((l) => l.id) });
    expect((await read(a, mine[0]?.id ?? "")).tags).toEqual(["Hot", "keep"]);
    expect((await read(a, mine[1]?.id ?? "")).tags).toEqual(["Hot", "keep"]);
    expect((await read(b, theirs.id)).tags).toEqual(["keep"]);

    const untag = await bulk(a, { ids, action: "untag", tags: ["HOT", "never-existed"] });
    expect(((await untag.json()) as { count: number }).count).toBe(2);
    expect((await read(a, mine[0]?.id ?? "")).tags).toEqual(["keep"]);
    expect((await read(b, theirs.id)).tags).toEqual(["keep"]);
  });

  it("moves into and out of a campaign; another workspace's campaign is 422", async () => {
    const link = await make(a);
    const theirs = await make(b);
    const cmp = await campaign(a, "Spring");
    await bulk(a, { ids: [link.id, theirs.id], action: "move", campaignId: cmp });
    expect((await read(a, link.id)).campaign).toEqual({ id: cmp, name: "Spring" });
    expect((await read(b, theirs.id)).campaignId).toBeNull();
    await bulk(a, { ids: [link.id], action: "move", campaignId: null });
    expect((await read(a, link.id)).campaignId).toBeNull();
    const foreign = await campaign(b, "Theirs");
    await expectError(await bulk(a, { ids: [link.id], action: "move", campaignId: foreign }), 422, "invalid_input");
    await expectError(await bulk(a, { ids: [link.id], action: "move" }), 422, "invalid_input");
  });

  it("archives, unarchives and deletes only the workspace's links, and invalidates the redirect cache", async () => {
    const mine = await make(a);
    const theirs = await make(b);
    rememberLink("", mine.slug, { cached: true });
    expect((await (await bulk(a, { ids: [mine.id, theirs.id], action: "archive" })).json()) as object).toMatchObject({ count: 1 });
    expect(cachedLink("", mine.slug)).toBeUndefined();
    expect((await read(a, mine.id)).status).toBe("archived");
    expect((await read(b, theirs.id)).status).toBe("active");
    await bulk(a, { ids: [mine.id], action: "unarchive" });
    expect((await read(a, mine.id)).status).toBe("active");

    // B cannot archive or delete A's link, even knowing its id.
    expect(await (await bulk(b, { ids: [mine.id], action: "delete" })).json()).toEqual({ action: "delete", count: 0, ids: [] });
    expect((await read(a, mine.id)).status).toBe("active");
    const deleted = await bulk(a, { ids: [mine.id, theirs.id], action: "delete" });
    expect(await deleted.json()).toEqual({ action: "delete", count: 1, ids: [mine.id] });
    const db = await getDb();
    expect(await db.select().from(links).where(eq(links.id, mine.id))).toEqual([]);
    expect(await db.select().from(links).where(eq(links.id, theirs.id))).toHaveLength(1);
  });

  it("respects the Starter active-link limit on unarchive, all or nothing", async () => {
    const starter = await installedWorkspace("starter");
    const db = await getDb();
    // 999 active, 3 archived: one slot left.
    const rows = Array.from({ length: 1002 }, (_, i) => ({
      id: newId("lnk"),
      workspaceId: starter.id,
      slug: `bulk-${starter.id}-${i}`,
      url: "https://ok.example",
      status: i < 3 ? ("archived" as const) : ("active" as const),
    }));
    for (let i = 0; i < rows.length; i += 250) await db.insert(links).values(rows.slice(i, i + 250));
    const archived = rows.slice(0, 3).map((r) => r.id);
    await expectError(await bulk(starter, { ids: archived, action: "unarchive" }), 403, "plan_required");
    const still = await db.select({ status: links.status }).from(links).where(inArray(links.id, archived));
    expect(still.every((r) => r.status === "archived")).toBe(true);
    expect(((await (await bulk(starter, { ids: archived.slice(0, 1), action: "unarchive" })).json()) as { count: number }).count).toBe(1);
    await expectError(await bulk(starter, { ids: archived.slice(1, 2), action: "unarchive" }), 403, "plan_required");
  });

  it("validates the body", async () => {
    await expectError(await bulk(a, { ids: [], action: "archive" }), 422, "invalid_input");
    await expectError(await bulk(a, { ids: ["x"], action: "explode" }), 422, "invalid_input");
    const noTags = await expectError(await bulk(a, { ids: ["x"], action: "tag" }), 422, "invalid_input");
    expect((noTags.details as { fieldErrors: Record<string, string[]> }).fieldErrors.tags).toEqual(["Name at least one tag"]);
    await expectError(await call(BULK, "POST", "/api/v1/links/bulk", { headers: { ...a.session, "content-type": "application/json" }, rawBody: "[" }), 400, "invalid_json");
    await expectError(await call(BULK, "POST", "/api/v1/links/bulk", { body: { ids: ["x"], action: "archive" } }), 401, "unauthorized");
  });
});
