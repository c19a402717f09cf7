import { readFileSync } from "node:fs";
import path from "node:path";
import { GET } from "@/app/api/health/route";
import { useTestDatabase } from "@/tests/helpers/db";

const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db/migrations/meta/_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};
const latestTag = journal.entries.at(-1)?.tag;

let database: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("GET /api/health", () => {
  it("says the database is up with every migration applied", async () => {
    const res = await GET(new Request("http://localhost/api/health"), {});
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      status: "ok",
      db: {
        driver: database.driver,
        ok: true,
        migration: latestTag,
        migrations: { applied: journal.entries.length, total: journal.entries.length, pending: 0 },
      },
    });
  });
});
