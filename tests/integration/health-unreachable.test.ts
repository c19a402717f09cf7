import { GET } from "@/app/api/health/route";

// Nothing listens on port 9 (discard): the connection is refused at once.
beforeAll(() => {
  process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/smart_links";
  jest.spyOn(process.stderr, "write").mockImplementation(() => true);
});

describe("GET /api/health with the database down", () => {
  it("answers 503 with ok: false and no connection details", async () => {
    const res = await GET(new Request("http://localhost/api/health"), {});
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; db: Record<string, unknown> };
    expect(body.status).toBe("error");
    expect(body.db).toMatchObject({ driver: "postgres", ok: false, migration: null, error: "database unreachable" });
    expect(JSON.stringify(body)).not.toContain("127.0.0.1");
  });
});
