import type { ClickEvent } from "@/lib/clicks/click-event";
import type { ClickBatch } from "@/lib/clicks/write-click-batch";
import { clickEvent } from "@/tests/helpers/click-event";
import { BATCH_SIZE, COUNTER_INTERVAL_MS, FLUSH_INTERVAL_MS, MAX_BATCH_ROWS, MAX_QUEUED, flushClicks, queuedClickCount, recordClick, setClickStore } from "@/lib/clicks/record-click";

function click(n: number): ClickEvent {
  return clickEvent("ws_1", `lnk_${n}`, { occurredAt: new Date(1_700_000_000_000 + n) });
}

const dataError = Object.assign(new Error("insert violates foreign key constraint"), { code: "23503" });
const connectionError = Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" });

let batches: string[][];
const linkIds = (batch: ClickBatch) => batch.rows.map((row) => (JSON.parse(row) as { linkId: string }).linkId);
beforeEach(() => {
  batches = [];
  setClickStore(async (batch) => {
    if (batch.rows.length > 0) batches.push(linkIds(batch));
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
    setClickStore(async (batch) => {
      calls += 1;
      if (calls === 1) throw connectionError;
      if (batch.rows.length > 0) batches.push(linkIds(batch));
    });
    recordClick(click(1));
    recordClick(click(2));
    await flushClicks();
    expect(batches).toEqual([["lnk_1", "lnk_2"]]);
  });

  it("drops only the rows the database refuses for their data", async () => {
    setClickStore(async (batch) => {
      if (linkIds(batch).includes("lnk_bad")) throw dataError;
      if (batch.rows.length > 0) batches.push(linkIds(batch));
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
    setClickStore(async (batch) => {
      if (batch.rows.length > 0) batches.push(linkIds(batch));
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
    setClickStore(async (batch) => {
      if (batch.rows.length > 0) batches.push(linkIds(batch));
    });
    await flushClicks();
    const written = batches.flat();
    expect(written).toHaveLength(kept);
    expect(written.at(-1)).toBe(`lnk_${MAX_QUEUED}`); // the newest survive
    expect(written[0]).toBe(`lnk_${MAX_QUEUED + 1 - kept}`);
  });

  it("sums human clicks per link (a minted code's root too) and writes counters at most once per interval", async () => {
    const written: Record<string, number>[] = [];
    setClickStore(async (batch) => {
      if (batch.rows.length > 0) batches.push(linkIds(batch));
      if (batch.counters.size > 0) written.push(Object.fromEntries([...batch.counters].map(([id, c]) => [id, c.clicks])));
    });
    await new Promise((resolve) => setTimeout(resolve, COUNTER_INTERVAL_MS)); // since the last test's flush
    recordClick(click(1));
    recordClick(click(1));
    recordClick({ ...click(1), isBot: true });
    recordClick({ ...click(9), linkId: "lnk_code", rootLinkId: "lnk_1" });
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS + 100));
    expect(written).toEqual([{ lnk_1: 3, lnk_code: 1 }]);

    // Within the interval: the row is written at once, its counter later, by itself.
    recordClick(click(1));
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS + 100));
    expect(batches).toHaveLength(2);
    expect(written).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, COUNTER_INTERVAL_MS));
    expect(written).toEqual([{ lnk_1: 3, lnk_code: 1 }, { lnk_1: 1 }]);
  });

  it("gives batch hooks the identified human clicks only", async () => {
    const identified: string[] = [];
    setClickStore(async (batch) => {
      identified.push(...batch.identified.map((e) => e.linkId));
    });
    recordClick({ ...click(1), contactId: "ct_1" });
    recordClick({ ...click(2), contactId: "ct_2", isBot: true });
    recordClick(click(3));
    await flushClicks();
    expect(identified).toEqual(["lnk_1"]);
  });
});
