/**
 * Random slugs retry on a collision (the unique index decides, inside the same transaction),
 * tested against lib functions with a fresh database and a scripted slug generator.
 */
import { links } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { activateWorkspace } from "@/lib/installs/install-app";
import { createLink } from "@/lib/links/create-link";
import { importLinksCsv } from "@/lib/links/import-links";
import { createLinkSchema } from "@/lib/links/schemas";
import type * as SlugModule from "@/lib/links/slug";
import { freshDb, type TestDatabase } from "@/tests/helpers/db";

const script: string[] = [];
jest.mock("@/lib/links/slug", () => {
  const actual = jest.requireActual<typeof SlugModule>("@/lib/links/slug");
  return { ...actual, randomSlug: () => script.shift() ?? actual.randomSlug() };
});

let database: TestDatabase;
let workspaceId = "";
beforeAll(async () => {
  database = await freshDb();
  workspaceId = (await activateWorkspace(database.db, { locationId: "loc-retry", plan: "pro" })).id;
});
afterAll(async () => {
  await database.close();
});

const actor = () => ({ workspaceId, userId: null });

describe("random slug collisions", () => {
  it("retries with a new random slug when the first one is taken", async () => {
    await createLink(database.db, actor(), createLinkSchema.parse({ url: "https://ok.example", slug: "Abc2345" }));
    script.push("Abc2345", "Abc2345", "Xyz6789");
    const link = await createLink(database.db, actor(), createLinkSchema.parse({ url: "https://ok.example", tags: ["t"] }));
    expect(link.row.slug).toBe("Xyz6789");
    expect(link.tags).toEqual(["t"]);
  });

  it("gives up with an internal error after too many collisions, writing nothing", async () => {
    script.push(...Array.from({ length: 8 }, () => "Abc2345"));
    const before = (await database.db.select().from(links)).length;
    await expect(createLink(database.db, actor(), createLinkSchema.parse({ url: "https://ok.example" }))).rejects.toMatchObject({ code: "internal" });
    expect((await database.db.select().from(links)).length).toBe(before);
  });

  it("retries colliding random slugs in a CSV import too", async () => {
    script.push("Abc2345", "Abc2345", "New2345", "New3456");
    const result = await importLinksCsv(database.db, actor(), "url\nhttps://ok.example/1\nhttps://ok.example/2\n");
    expect(result.imported).toBe(2);
    const slugs = (await database.db.select({ slug: links.slug }).from(links)).map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(expect.arrayContaining(["New2345", "New3456"]));
  });

  it("reports a taken custom slug as slug_taken", async () => {
    const err = await createLink(database.db, actor(), createLinkSchema.parse({ url: "https://ok.example", slug: "Abc2345" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "slug_taken", status: 409 });
  });
});
