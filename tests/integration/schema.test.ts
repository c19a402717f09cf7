/**
 * The schema's guarantees, on the real migrations (PGlite, or a fresh server database when
 * DATABASE_URL is set): short URLs are unique per domain, tag and campaign names per workspace,
 * deleting a workspace takes its data with it and leaves other workspaces alone.
 */
import { eq, sql } from "drizzle-orm";
import { campaigns, clicks, jobs, links, linkTags, tags, workspaces } from "@/db/schema";
import { newId } from "@/lib/ids";
import { freshDb, type TestDatabase } from "@/tests/helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDb();
});
afterAll(async () => {
  await database.close();
});

async function workspace(name: string) {
  const id = newId("ws");
  await database.db.insert(workspaces).values({ id, crmLocationId: `loc-${id}`, name });
  return id;
}

async function link(workspaceId: string, slug: string, domain = "sl.test") {
  const id = newId("lnk");
  await database.db.insert(links).values({ id, workspaceId, domain, slug, url: "https://example.com" });
  return id;
}

async function pgErrorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    const seen = new Set<unknown>();
    let e: unknown = err;
    while (e && typeof e === "object" && !seen.has(e)) {
      seen.add(e);
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
      e = (e as { cause?: unknown }).cause;
    }
    throw err;
  }
  return undefined;
}

describe("schema", () => {
  it("refuses a second link with the same (domain, slug), and allows it on another domain", async () => {
    const a = await workspace("A");
    const b = await workspace("B");
    await link(a, "spring");
    expect(await pgErrorCode(link(b, "spring"))).toBe("23505");
    await expect(link(b, "spring", "go.brand.test")).resolves.toEqual(expect.any(String));
  });

  it("keeps tag and campaign names unique per workspace, case-insensitively", async () => {
    const a = await workspace("A");
    const b = await workspace("B");
    await database.db.insert(tags).values({ id: newId("tag"), workspaceId: a, name: "VIP" });
    expect(await pgErrorCode(database.db.insert(tags).values({ id: newId("tag"), workspaceId: a, name: "vip" }))).toBe("23505");
    await database.db.insert(tags).values({ id: newId("tag"), workspaceId: b, name: "vip" });
    await database.db.insert(campaigns).values({ id: newId("cmp"), workspaceId: a, name: "Black Friday" });
    expect(
      await pgErrorCode(database.db.insert(campaigns).values({ id: newId("cmp"), workspaceId: a, name: "black friday" })),
    ).toBe("23505");
  });

  it("applies each job's effect once: the idempotency key is unique", async () => {
    const a = await workspace("A");
    const job = { workspaceId: a, type: "crm.tag", idempotencyKey: `tag:${a}:c1` };
    await database.db.insert(jobs).values({ id: newId("job"), ...job });
    expect(await pgErrorCode(database.db.insert(jobs).values({ id: newId("job"), ...job }))).toBe("23505");
  });

  it("deletes a workspace's links and tags with it (its clicks are the purge's job), and nothing of another workspace", async () => {
    const a = await workspace("A");
    const b = await workspace("B");
    const la = await link(a, `a-${a}`);
    const lb = await link(b, `b-${b}`);
    const tagId = newId("tag");
    await database.db.insert(tags).values({ id: tagId, workspaceId: a, name: "t" });
    await database.db.insert(linkTags).values({ linkId: la, tagId });
    for (const [workspaceId, linkId] of [
      [a, la],
      [b, lb],
    ] as const) {
      await database.db.insert(clicks).values({ workspaceId, linkId, rootLinkId: linkId, visitorKey: "v" });
    }
    await database.db.delete(workspaces).where(eq(workspaces.id, a));
    // Clicks have no foreign keys (db/schema/clicks.ts): purgeExpiredWorkspaces deletes them
    // (tests/integration/clicks-deletion.test.ts); a bare row delete leaves them, B's included.
    const remaining = await database.db.select({ id: clicks.linkId }).from(clicks).where(sql`${clicks.workspaceId} in (${a}, ${b})`);
    expect(remaining.map((r) => r.id).sort()).toEqual([la, lb].sort());
    expect(await database.db.select().from(linkTags).where(eq(linkTags.linkId, la))).toEqual([]);
    expect(await database.db.select({ id: links.id }).from(links).where(eq(links.workspaceId, b))).toEqual([{ id: lb }]);
  });
});
