import type { ClickEvent } from "@/lib/clicks/click-event";
import { BATCH_SIZE, FLUSH_INTERVAL_MS, MAX_BATCH_ROWS, MAX_QUEUED, flushClicks, queuedClickCount, recordClick, setClickStore } from "@/lib/clicks/record-click";

function click(n: number): ClickEvent {
  return {
    workspaceId: "ws_1",
    linkId: `lnk_${n}`,
    rootLinkId: `lnk_${n}`,
    occurredAt: new Date(1_700_000_000_000 + n),
    destination: "https://example.com/",
    rule: "default",
    country: null,
    region: null,
    city: null,
    deviceType: "desktop",
    os: null,
    browser: null,
    referrer: null,
    referrerHost: null,
    source: "direct",
    isQr: false,
    isBot: false,
    contactId: null,
    visitorKey: "k",
  };
}

const dataError = Object.assign(new Error("insert violates foreign key constraint"), { code: "23503" });
const connectionError = Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" });

let batches: string[][];
beforeEach(() => {
  batches = [];
  setClickStore(async (events) => {
    batches.push(events.map((e) => e.linkId));
  });
  jest.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(async () => {
  await flushClicks();
  jest.restoreAllMocks();
});

describe("the click writer", () => {
  it("hands off synchronously and writes after the flush interval", async () => {
    recordClick(click(1));
    recordClick(click(2));
    expect(batches).toEqual([]);
    expect(queuedClickCount()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS + 100));
    expect(batches).toEqual([["lnk_1", "lnk_2"]]);
    expect(queuedClickCount()).toBe(0);
  });

  it("writes multi-row batches of at most MAX_BATCH_ROWS, in order", async () => {
    for (let i = 0; i < MAX_BATCH_ROWS * 2 + 7; i++) recordClick(click(i));
    await flushClicks();
    expect(batches.map((b) => b.length)).toEqual([MAX_BATCH_ROWS, MAX_BATCH_ROWS, 7]);
    expect(batches.flat()[0]).toBe("lnk_0");
    expect(batches.flat().at(-1)).toBe(`lnk_${MAX_BATCH_ROWS * 2 + 6}`);
  });

  it("starts a batch at once when BATCH_SIZE clicks are waiting", async () => {
    for (let i = 0; i < BATCH_SIZE; i++) recordClick(click(i));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(batches).toHaveLength(1);
  });

  it("retries a batch that failed for a connection reason, writing it once", async () => {
    let calls = 0;
    setClickStore(async (events) => {
      calls += 1;
      if (calls === 1) throw connectionError;
      batches.push(events.map((e) => e.linkId));
    });
    recordClick(click(1));
    recordClick(click(2));
    await flushClicks();
    expect(batches).toEqual([["lnk_1", "lnk_2"]]);
  });

  it("drops only the rows the database refuses for their data", async () => {
    setClickStore(async (events) => {
      if (events.some((e) => e.linkId === "lnk_bad")) throw dataError;
      batches.push(events.map((e) => e.linkId));
    });
    recordClick(click(1));
    recordClick({ ...click(2), linkId: "lnk_bad" });
    recordClick(click(3));
    await flushClicks();
    expect(batches.flat()).toEqual(["lnk_1", "lnk_3"]);
  });

  it("never throws at the caller, even when every write fails", async () => {
    setClickStore(async () => {
      throw connectionError;
    });
    expect(() => recordClick(click(1))).not.toThrow();
    await expect(flushClicks()).resolves.toBeUndefined();
    expect(queuedClickCount()).toBe(1);
    setClickStore(async (events) => {
      batches.push(events.map((e) => e.linkId));
    });
    await flushClicks();
    expect(batches).toEqual([["lnk_1"]]);
  });

  it("keeps at most MAX_QUEUED clicks while the database is away, dropping the oldest", async () => {
    setClickStore(async () => {
      throw connectionError;
    });
    for (let i = 0; i <= MAX_QUEUED; i++) recordClick(click(i));
    const kept = queuedClickCount();
    expect(kept).toBeLessThanOrEqual(MAX_QUEUED);
    expect(kept).toBeGreaterThan(MAX_QUEUED * 0.95);
    setClickStore(async (events) => {
      batches.push(events.map((e) => e.linkId));
    });
    await flushClicks();
    const written = batches.flat();
    expect(written).toHaveLength(kept);
    expect(written.at(-1)).toBe(`lnk_${MAX_QUEUED}`); // the newest survive
    expect(written[0]).toBe(`lnk_${MAX_QUEUED + 1 - kept}`);
  });
});
