import type { ClickEvent } from "@/lib/clicks/click-event";
import { parseReferrer } from "@/lib/redirect/sources";
import { generateClickBatches, type ClickModel, type SeedStats } from "@/lib/seed/clicks";
import { seedWindow, type SeedLink } from "@/lib/seed/fixtures";

const NOW = new Date("2026-11-20T15:30:00Z");
const WINDOW = seedWindow(30, NOW);

function link(i: number, overrides: Partial<SeedLink> = {}): SeedLink {
  return { id: `lnk_${i}`, url: `https://example.com/${i}`, rules: {}, birthDay: 0, campaignId: null, codes: [], ...overrides };
}

const MODEL: ClickModel = {
  workspaceId: "ws_1",
  seedKey: "loc_1",
  links: [
    link(0, {
      rules: {
        country: [{ countries: ["DE"], url: "https://example.de/" }],
        device: [{ devices: ["ios"], url: "https://apps.apple.com/app" }],
        ab: [{ url: "https://example.com/a", weight: 70 }, { url: "https://example.com/b", weight: 30 }],
      },
    }),
    link(1, { codes: Array.from({ length: 50 }, (_, j) => ({ id: `code_${j}`, contactId: `ct_${j}`, day: 10 })) }),
    link(2, { birthDay: 20 }),
    // A/B only (70/30), then plain links.
    ...Array.from({ length: 47 }, (_, i) => link(i + 3, { rules: { ab: [{ url: "https://example.com/a", weight: 70 }, { url: "https://example.com/b", weight: 30 }] } })),
    ...Array.from({ length: 50 }, (_, i) => link(i + 50)),
  ],
  contactIds: Array.from({ length: 200 }, (_, i) => `ct_${i}`),
};

function generate(clicks: number, seed = 1): { events: ClickEvent[]; stats: SeedStats } {
  const stats: SeedStats = { bots: 0, identified: 0, viaCodes: 0, qrScans: 0, repeats: 0 };
  const events = [...generateClickBatches(MODEL, { clicks, seed, window: WINDOW, batchSize: 7_000 }, stats)].flat();
  return { events, stats };
}

describe("generateClickBatches", () => {
  const { events, stats } = generate(50_000);
  const humans = events.filter((e) => !e.isBot);

  it("makes exactly the clicks asked for, oldest first, inside the window and never after now", () => {
    expect(events).toHaveLength(50_000);
    const times = events.map((e) => e.occurredAt.getTime());
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(WINDOW.startMs);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
  });

  it("batches at the asked size", () => {
    const sizes = [...generateClickBatches(MODEL, { clicks: 20_000, seed: 1, window: WINDOW, batchSize: 7_000 }, { ...stats })].map((b) => b.length);
    expect(sizes).toEqual([7_000, 7_000, 6_000]);
  });

  it("is repeatable: the same seed gives the same clicks, another seed others", () => {
    const again = generate(2_000).events;
    expect(again).toEqual(generate(2_000).events);
    expect(generate(2_000, 2).events).not.toEqual(again);
  });

  it("stores bots as the click path does: desktop, no OS or browser, no destination, source direct", () => {
    const bots = events.filter((e) => e.isBot);
    expect(bots.length / events.length).toBeCloseTo(0.07, 1);
    expect(bots.every((b) => b.deviceType === "desktop" && b.os === null && b.browser === null && b.destination === null && b.rule === null && b.source === "direct")).toBe(true);
  });

  it("gives referrers that classify as the click's source, and QR scans only from source qr", () => {
    for (const e of humans) {
      if (e.referrer !== null) {
        const parsed = parseReferrer(e.referrer);
        expect([parsed.referrerHost, parsed.source ?? "other"]).toEqual([e.referrerHost, e.source]);
      }
      expect(e.isQr).toBe(e.source === "qr");
    }
  });

  it("mixes devices about 60/35/5 and makes ~20% of human clicks same-day repeats", () => {
    const share = (d: string) => humans.filter((e) => e.deviceType === d).length / humans.length;
    expect(share("mobile")).toBeCloseTo(0.6, 1);
    expect(share("desktop")).toBeCloseTo(0.35, 1);
    const visitorDays = new Set(humans.map((e) => `${e.occurredAt.toISOString().slice(0, 10)} ${e.visitorKey}`));
    expect(visitorDays.size / humans.length).toBeGreaterThan(0.75);
    expect(visitorDays.size / humans.length).toBeLessThan(0.85);
  });

  it("identifies 5–10% of human clicks, codes' clicks counting for their parent from the blast day on", () => {
    expect(stats.identified / humans.length).toBeGreaterThan(0.04);
    expect(stats.identified / humans.length).toBeLessThan(0.12);
    const viaCodes = events.filter((e) => e.linkId.startsWith("code_"));
    expect(viaCodes.length).toBeGreaterThan(0);
    for (const e of viaCodes) {
      expect(e.rootLinkId).toBe("lnk_1");
      expect(e.contactId).toBe(`ct_${e.linkId.slice("code_".length)}`);
      expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(WINDOW.startMs + 10 * 86_400_000);
    }
  });

  it("never clicks a link before it exists", () => {
    const young = events.filter((e) => e.rootLinkId === "lnk_2");
    expect(young.every((e) => e.occurredAt.getTime() >= WINDOW.startMs + 20 * 86_400_000)).toBe(true);
  });

  it("routes by the link's rules in the click path's order: country, device, A/B", () => {
    for (const e of humans.filter((c) => c.rootLinkId === "lnk_0")) {
      if (e.country === "DE") expect([e.rule, e.destination]).toEqual(["country", "https://example.de/"]);
      else if (e.os === "iOS") expect([e.rule, e.destination]).toEqual(["device", "https://apps.apple.com/app"]);
      else expect(e.rule).toBe("ab");
    }
    const number = (e: ClickEvent) => Number(e.rootLinkId.slice("lnk_".length));
    const ab = humans.filter((e) => number(e) >= 3 && number(e) < 50);
    expect(ab.every((e) => e.rule === "ab")).toBe(true);
    expect(ab.filter((e) => e.destination === "https://example.com/a").length / ab.length).toBeCloseTo(0.7, 1);
    expect(humans.filter((e) => number(e) >= 50 || number(e) === 1 || number(e) === 2).every((e) => e.rule === "default")).toBe(true);
  });
});
