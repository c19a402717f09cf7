/**
 * The click path with the database unreachable: a plain branded 503 page (no stack, no
 * connection details), and a click writer that logs and gives up instead of throwing.
 */
import { flushClicks, queuedClickCount, recordClick } from "@/lib/clicks/record-click";
import { rawRequest, startShortLinkServer, type ShortLinkServer } from "@/tests/helpers/short-link-server";
import { clickEvent } from "@/tests/helpers/click-event";

let server: ShortLinkServer;
let stderr: jest.SpyInstance;

beforeAll(async () => {
  // Nothing listens on port 9 (discard): the connection is refused at once.
  process.env.DATABASE_URL = "postgres://postgres:s3cret@127.0.0.1:9/smart_links";
  stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  server = await startShortLinkServer();
});
afterAll(async () => {
  await server.close();
  stderr.mockRestore();
});

describe("the short URL with the database down", () => {
  it("answers 503 with a branded page and logs the cause", async () => {
    const res = await rawRequest(server.port, "/promo", { headers: { "user-agent": "Mozilla/5.0 (iPhone)" } });
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.body).toContain("Something went wrong on our side");
    expect(res.body).not.toMatch(/127\.0\.0\.1|s3cret|ECONNREFUSED|at .+:\d+:\d+/);
    const logged = stderr.mock.calls.map(([line]) => String(line)).join("");
    expect(logged).toContain('"msg":"short link failed"');
  });

  it("keeps clicks queued and never throws when they cannot be written", async () => {
    recordClick(clickEvent("ws_1", "lnk_1", { occurredAt: new Date(), deviceType: "mobile", visitorKey: "k" }));
    await expect(flushClicks()).resolves.toBeUndefined();
    expect(queuedClickCount()).toBe(1);
    const logged = stderr.mock.calls.map(([line]) => String(line)).join("");
    expect(logged).toContain('"msg":"clicks not written"');
  });
});
