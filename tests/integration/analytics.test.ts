/**
 * Analytics figures, exactly: known clicks (bots, window edges, a click made in another time zone,
 * a returning visitor, a visitor on two links, minted per-contact codes) → every panel of the
 * answer for the workspace, one link and a campaign; another workspace's clicks never show up.
 * Then the rollups against the raw clicks on random data, link deletion, contact erasure and
 * retention.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { campaigns, clicks, crmContacts, links, users, workspaces } from "@/db/schema";
import { getAnalytics } from "@/lib/analytics/get-analytics";
import type { AnalyticsInput } from "@/lib/analytics/panels";
import { applyRetention } from "@/lib/analytics/retention";
import { usageByUser } from "@/lib/analytics/usage";
import type { Analytics, AnalyticsScope, AnalyticsWindow } from "@/lib/analytics/types";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { eraseContactFromClicks } from "@/lib/clicks/delete-clicks";
import { rollUpQueuedClicks } from "@/lib/clicks/rollups";
import { writeClickEvents } from "@/lib/clicks/write-click-batch";
import { deleteLink } from "@/lib/links/delete-link";
import { clickEvent } from "@/tests/helpers/click-event";
import { freshDb, type TestDatabase } from "@/tests/helpers/db";

const NOW = new Date("2026-11-23T15:00:00Z");
const at = (iso: string) => new Date(iso);

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDb();
});
afterAll(async () => {
  await database.close();
});

async function workspace(id: string, plan: "starter" | "pro"): Promise<void> {
  await database.db.insert(workspaces).values({ id, crmLocationId: `loc_${id}`, name: id, plan });
}

async function link(workspaceId: string, id: string, extra: Partial<typeof links.$inferInsert> = {}): Promise<void> {
  await database.db.insert(links).values({ id, workspaceId, slug: id, url: `https://example.com/${id}`, ...extra });
}

function analytics(workspaceId: string, scope: AnalyticsScope, window: AnalyticsWindow, plan: AnalyticsInput["plan"] = "pro"): Promise<Analytics> {
  return getAnalytics(database.db, { workspaceId, scope, window, plan, now: NOW });
}

const human = (ws: string, linkId: string, o: Partial<ClickEvent> = {}) => clickEvent(ws, linkId, { occurredAt: at("2026-11-23T10:00:00Z"), ...o });

describe("analytics figures", () => {
  beforeAll(async () => {
    await workspace("wa", "pro");
    await workspace("wb", "pro");
    await database.db.insert(campaigns).values({ id: "cmp_spring", workspaceId: "wa", name: "Spring" });
    await link("wa", "l1", { title: "Spring sale", campaignId: "cmp_spring" });
    await link("wa", "l2", { campaignId: "cmp_spring" });
    await link("wa", "l3");
    // Two codes minted from l1 today: one for ct_1 (clicked), one for ct_2 (never clicked).
    await link("wa", "m1", { parentLinkId: "l1", contactId: "ct_1", createdAt: at("2026-11-23T08:00:00Z") });
    await link("wa", "m2", { parentLinkId: "l1", contactId: "ct_2", createdAt: at("2026-11-23T08:00:00Z") });
    await link("wb", "b1");
    await database.db.insert(crmContacts).values({ workspaceId: "wa", contactId: "ct_1", name: "Ada Lovelace", email: "ada@example.com", belongsToLocation: true, verifiedAt: NOW });

    await writeClickEvents(database.db, [
      // l1 today: visitor va twice (one visitor), vb from the UK on an iPhone via WhatsApp, a QR scan by vc.
      human("wa", "l1", { visitorKey: "va", country: "US", city: "Austin", os: "Windows", browser: "Chrome", referrer: "https://www.google.com/", referrerHost: "google.com", source: "google" }),
      human("wa", "l1", { visitorKey: "va", country: "US", city: "Austin", os: "Windows", browser: "Chrome", occurredAt: at("2026-11-23T11:30:00Z") }),
      human("wa", "l1", { visitorKey: "vb", country: "GB", city: "London", deviceType: "mobile", os: "iOS", browser: "Mobile Safari", source: "whatsapp", rule: "country", destination: "https://example.co.uk/" }),
      human("wa", "l1", { visitorKey: "vc", country: "US", city: "Boston", deviceType: "mobile", os: "Android", browser: "Chrome Mobile", source: "qr", isQr: true }),
      // Made at 23:30 on the 22nd in New York = 04:30 UTC on the 23rd: today, hour 4.
      human("wa", "l1", { visitorKey: "vd", occurredAt: at("2026-11-22T23:30:00-05:00"), country: "US", city: "New York" }),
      // The contact's minted code: counts on l1 (its root).
      human("wa", "m1", { rootLinkId: "l1", visitorKey: "ve", contactId: "ct_1", source: "sms", country: "CA", city: "Toronto" }),
      // Bots: never counted except as filtered.
      human("wa", "l1", { visitorKey: "bot1", isBot: true, country: "US", source: "direct" }),
      human("wa", "l1", { visitorKey: "bot2", isBot: true, contactId: "ct_9" }),
      // Window edges: 6 days ago at 00:00:00 UTC is inside 7d; 7 days ago at 23:59:59.999 is not.
      human("wa", "l1", { visitorKey: "vf", occurredAt: at("2026-11-17T00:00:00.000Z"), country: "DE", city: "Berlin" }),
      human("wa", "l1", { visitorKey: "vg", occurredAt: at("2026-11-16T23:59:59.999Z"), country: "DE", city: "Berlin" }),
      // l2 today: va again (same visitor as on l1: one unique visitor for the workspace), A/B variants.
      human("wa", "l2", { visitorKey: "va", country: "US", city: "Austin", rule: "ab", destination: "https://example.com/a" }),
      human("wa", "l2", { visitorKey: "vh", country: "FR", city: "Paris", rule: "ab", destination: "https://example.com/b", contactId: "ct_3", source: "email" }),
      // l3: 200 days ago (inside Pro's 365 days, outside Starter's 180), and 400 days ago (outside both).
      human("wa", "l3", { visitorKey: "vi", occurredAt: at("2026-05-07T12:00:00Z"), country: "BR" }),
      human("wa", "l3", { visitorKey: "vj", occurredAt: at("2025-10-19T12:00:00Z"), country: "BR" }),
      // Workspace B: a lot of clicks that must never show in A.
      ...Array.from({ length: 25 }, (_, i) => human("wb", "b1", { visitorKey: `wb${i}`, country: "JP", city: "Tokyo", contactId: "ct_1", source: "line" })),
    ]);
  });

  it("answers the workspace dashboard over 7 days with every panel exact", async () => {
    const a = await analytics("wa", { kind: "workspace" }, "7d");
    expect(a).toMatchObject({ window: "7d", from: "2026-11-17", to: "2026-11-23", historyDays: 365, scope: { kind: "workspace" } });
    // Humans in 7d: l1 6 today + vf; l2 2. Unique visitors: today va vb vc vd ve vh = 6, the 17th vf = 1.
    expect(a.totals).toEqual({ clicks: 9, uniqueVisitors: 7, qrScans: 1, botsFiltered: 2, identifiedClicks: 2, uniqueContacts: 2 });
    expect(a.series).toEqual([
      { date: "2026-11-17", clicks: 1 },
      { date: "2026-11-18", clicks: 0 },
      { date: "2026-11-19", clicks: 0 },
      { date: "2026-11-20", clicks: 0 },
      { date: "2026-11-21", clicks: 0 },
      { date: "2026-11-22", clicks: 0 },
      { date: "2026-11-23", clicks: 8 },
    ]);
    const hours = new Array(24).fill(0);
    hours[0] = 1; // vf
    hours[4] = 1; // the New York evening click
    hours[10] = 6;
    hours[11] = 1;
    expect(a.hours).toEqual(hours);
    expect(a.countries).toEqual([
      { code: "US", clicks: 5 },
      { code: "CA", clicks: 1 },
      { code: "DE", clicks: 1 },
      { code: "FR", clicks: 1 },
      { code: "GB", clicks: 1 },
    ]);
    expect(a.cities).toEqual([
      // Ties in key order: country code, then city.
      { city: "Austin", country: "US", clicks: 3 },
      { city: "Toronto", country: "CA", clicks: 1 },
      { city: "Berlin", country: "DE", clicks: 1 },
      { city: "Paris", country: "FR", clicks: 1 },
      { city: "London", country: "GB", clicks: 1 },
      { city: "Boston", country: "US", clicks: 1 },
      { city: "New York", country: "US", clicks: 1 },
    ]);
    expect(a.devices).toEqual([
      { name: "desktop", clicks: 7 },
      { name: "mobile", clicks: 2 },
    ]);
    expect(a.os).toEqual([
      { name: "Windows", clicks: 2 },
      { name: "Android", clicks: 1 },
      { name: "iOS", clicks: 1 },
    ]);
    expect(a.browsers).toEqual([
      { name: "Chrome", clicks: 2 },
      { name: "Chrome Mobile", clicks: 1 },
      { name: "Mobile Safari", clicks: 1 },
    ]);
    expect(a.sources).toEqual([
      { name: "direct", clicks: 4 },
      { name: "email", clicks: 1 },
      { name: "google", clicks: 1 },
      { name: "qr", clicks: 1 },
      { name: "sms", clicks: 1 },
      { name: "whatsapp", clicks: 1 },
    ]);
    expect(a.referrers).toEqual([{ name: "google.com", clicks: 1 }]);
    expect(a.destinations).toEqual([]); // a link's and a campaign's panel
    expect(a.topLinks.map((l) => [l.linkId, l.clicks, l.title])).toEqual([
      ["l1", 7, "Spring sale"],
      ["l2", 2, null],
    ]);
    expect(a.topLinks[0]?.shortUrl).toMatch(/\/l1$/);
    expect(a.topContacts).toEqual([
      { contactId: "ct_1", name: "Ada Lovelace", clicks: 1 },
      { contactId: "ct_3", name: null, clicks: 1 },
    ]);
    expect(a.perContact).toEqual({ linksSent: 2, linksClicked: 1, contactsReached: 1, clickThroughRate: 0.5 });
  });

  it("counts the click 7 days ago in 30d, the one 200 days ago in Pro's All, and never the one 400 days ago", async () => {
    expect((await analytics("wa", { kind: "workspace" }, "30d")).totals.clicks).toBe(10);
    expect((await analytics("wa", { kind: "workspace" }, "90d")).totals.clicks).toBe(10);
    const all = await analytics("wa", { kind: "workspace" }, "all");
    expect(all).toMatchObject({ from: "2025-11-24", to: "2026-11-23", historyDays: 365 });
    expect(all.totals.clicks).toBe(11);
    expect(all.series).toHaveLength(365);
    expect(all.countries).toContainEqual({ code: "BR", clicks: 1 });
    // Starter keeps 180 days: All ends before the click 200 days ago.
    const starter = await analytics("wa", { kind: "workspace" }, "all", "starter");
    expect(starter).toMatchObject({ from: "2026-05-28", historyDays: 180 });
    expect(starter.totals.clicks).toBe(10);
  });

  it("answers one link's page: its minted codes' clicks, destinations served by rule, contact engagement", async () => {
    const a = await analytics("wa", { kind: "link", linkId: "l1" }, "7d");
    expect(a.totals).toEqual({ clicks: 7, uniqueVisitors: 6, qrScans: 1, botsFiltered: 2, identifiedClicks: 1, uniqueContacts: 1 });
    expect(a.destinations).toEqual([
      { url: "https://example.com/", rule: "default", clicks: 6 },
      { url: "https://example.co.uk/", rule: "country", clicks: 1 },
    ]);
    expect(a.topLinks).toEqual([]);
    expect(a.topContacts).toEqual([{ contactId: "ct_1", name: "Ada Lovelace", clicks: 1 }]);
    expect(a.perContact).toEqual({ linksSent: 2, linksClicked: 1, contactsReached: 1, clickThroughRate: 0.5 });
    expect(a.countries).toEqual([
      { code: "US", clicks: 4 },
      { code: "CA", clicks: 1 },
      { code: "DE", clicks: 1 },
      { code: "GB", clicks: 1 },
    ]);

    const l2 = await analytics("wa", { kind: "link", linkId: "l2" }, "7d");
    expect(l2.destinations).toEqual([
      { url: "https://example.com/a", rule: "ab", clicks: 1 },
      { url: "https://example.com/b", rule: "ab", clicks: 1 },
    ]);
    expect(l2.perContact).toEqual({ linksSent: 0, linksClicked: 0, contactsReached: 0, clickThroughRate: null });
  });

  it("adds a campaign's links up, counting a visitor who opened two of them once a day", async () => {
    const a = await analytics("wa", { kind: "campaign", campaignId: "cmp_spring" }, "7d");
    // l1 + l2: 9 clicks; visitors: l1 has 6 (va vb vc vd ve vf), l2 adds vh only (va is the same person that day).
    expect(a.totals).toEqual({ clicks: 9, uniqueVisitors: 7, qrScans: 1, botsFiltered: 2, identifiedClicks: 2, uniqueContacts: 2 });
    expect(a.topLinks.map((l) => [l.linkId, l.clicks])).toEqual([
      ["l1", 7],
      ["l2", 2],
    ]);
    expect(a.destinations).toHaveLength(4);
    expect(a.perContact).toMatchObject({ linksSent: 2, contactsReached: 1 });
    // l3 is in no campaign: its clicks are not the campaign's.
    expect((await analytics("wa", { kind: "campaign", campaignId: "cmp_spring" }, "all")).totals.clicks).toBe(10);
  });

  it("never shows workspace B's clicks in A, nor A's link or campaign to B", async () => {
    const b = await analytics("wb", { kind: "workspace" }, "7d");
    expect(b.totals).toEqual({ clicks: 25, uniqueVisitors: 25, qrScans: 0, botsFiltered: 0, identifiedClicks: 25, uniqueContacts: 1 });
    expect(b.topContacts).toEqual([{ contactId: "ct_1", name: null, clicks: 25 }]); // A's name cache is A's
    expect(b.countries).toEqual([{ code: "JP", clicks: 25 }]);
    const a = await analytics("wa", { kind: "workspace" }, "7d");
    expect(a.countries.find((c) => c.code === "JP")).toBeUndefined();
    await expect(analytics("wb", { kind: "link", linkId: "l1" }, "7d")).rejects.toMatchObject({ code: "not_found" });
    await expect(analytics("wb", { kind: "campaign", campaignId: "cmp_spring" }, "7d")).rejects.toMatchObject({ code: "not_found" });
    await expect(analytics("wa", { kind: "link", linkId: "m1" }, "7d")).rejects.toMatchObject({ code: "not_found" }); // a minted code is its parent's
  });

  it("lists usage per CRM user: links created, clicks in 30 days and all time, never bots", async () => {
    await database.db.insert(users).values([
      { id: "usr_ann", workspaceId: "wa", crmUserId: "crm_ann", name: "Ann Agent", email: "ann@example.com" },
      { id: "usr_bo", workspaceId: "wa", crmUserId: "crm_bo", name: "Bo Builder", email: "bo@example.com" },
    ]);
    await database.db.update(links).set({ createdByUserId: "usr_ann" }).where(inArray(links.id, ["l1", "l3"]));
    const usage = await usageByUser(database.db, "wa", "pro", NOW);
    expect(usage).toEqual([
      // l1: 8 human clicks in 30 days (its minted code's included); l3's two old clicks count all time only.
      { userId: "usr_ann", name: "Ann Agent", email: "ann@example.com", links: 2, clicks30d: 8, clicksAllTime: 10 },
      { userId: null, name: "Other (API keys, imports, removed users)", email: null, links: 1, clicks30d: 2, clicksAllTime: 2 },
      { userId: "usr_bo", name: "Bo Builder", email: "bo@example.com", links: 0, clicks30d: 0, clicksAllTime: 0 },
    ]);
  });

  it("counts the click writer's batches once the rollup step has taken them from the queue, exactly once", async () => {
    const before = (await analytics("wb", { kind: "workspace" }, "7d")).totals.clicks;
    await writeClickEvents(database.db, [human("wb", "b1", { visitorKey: "late1" }), human("wb", "b1", { visitorKey: "late2" })], [], { rollUp: false });
    expect((await analytics("wb", { kind: "workspace" }, "7d")).totals.clicks).toBe(before);
    expect(await rollUpQueuedClicks(database.db)).toBe(1);
    expect(await rollUpQueuedClicks(database.db)).toBe(0);
    expect((await analytics("wb", { kind: "workspace" }, "7d")).totals).toMatchObject({ clicks: before + 2, uniqueVisitors: 27 });
  });

  it("answers an empty workspace and an empty campaign with zeros, a full series and no errors", async () => {
    await workspace("wempty", "starter");
    await database.db.insert(campaigns).values({ id: "cmp_empty", workspaceId: "wempty", name: "Nothing yet" });
    for (const scope of [{ kind: "workspace" }, { kind: "campaign", campaignId: "cmp_empty" }] as const) {
      const a = await analytics("wempty", scope, "30d", "starter");
      expect(a.totals).toEqual({ clicks: 0, uniqueVisitors: 0, qrScans: 0, botsFiltered: 0, identifiedClicks: 0, uniqueContacts: 0 });
      expect(a.series).toHaveLength(30);
      expect(a.series.every((p) => p.clicks === 0)).toBe(true);
      expect(a.hours).toEqual(new Array(24).fill(0));
      expect([a.countries, a.cities, a.devices, a.sources, a.topLinks, a.topContacts]).toEqual([[], [], [], [], [], []]);
    }
  });
});

describe("rollups against the raw clicks", () => {
  const WS = "wr";
  const LINKS = ["r1", "r2", "r3", "r4"];
  const events: ClickEvent[] = [];

  beforeAll(async () => {
    await workspace(WS, "pro");
    await database.db.insert(campaigns).values({ id: "cmp_r", workspaceId: WS, name: "R" });
    for (const id of LINKS) await link(WS, id, id === "r1" || id === "r2" ? { campaignId: "cmp_r" } : {});
    // Deterministic pseudo-random clicks over 400 days, written in several batches like the writer does.
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    for (let i = 0; i < 3000; i++) {
      const occurredAt = new Date(NOW.getTime() - Math.floor(rand() ** 2 * 400 * 86_400_000));
      const day = occurredAt.toISOString().slice(0, 10);
      events.push(
        human(WS, pick(LINKS), {
          occurredAt,
          visitorKey: `${day}:${Math.floor(rand() * 40)}`,
          country: pick(["US", "GB", "DE", null]),
          city: pick(["A", "B", null]),
          deviceType: pick(["desktop", "mobile", "tablet"] as const),
          os: pick(["iOS", "Android", "Windows", null]),
          source: pick(["direct", "google", "sms", "qr"] as const),
          isQr: rand() < 0.1,
          isBot: rand() < 0.1,
          contactId: rand() < 0.2 ? pick(["c1", "c2", "c3", "c4", "c5"]) : null,
        }),
      );
    }
    for (let i = 0; i < events.length; i += 700) await writeClickEvents(database.db, events.slice(i, i + 700));
  });

  function expected(window: AnalyticsWindow, linkIds: readonly string[] | null) {
    const days = { "7d": 7, "30d": 30, "90d": 90, all: 365 }[window];
    const from = new Date(Date.UTC(2026, 10, 23) - (days - 1) * 86_400_000);
    const inWindow = events.filter((e) => e.occurredAt >= from && (linkIds === null || linkIds.includes(e.rootLinkId)));
    const humans = inWindow.filter((e) => !e.isBot);
    const count = (f: (e: ClickEvent) => string | null) => {
      const m = new Map<string, number>();
      for (const e of humans) {
        const k = f(e);
        if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
      }
      return m;
    };
    return {
      totals: {
        clicks: humans.length,
        uniqueVisitors: new Set(humans.map((e) => `${e.occurredAt.toISOString().slice(0, 10)}|${e.visitorKey}`)).size,
        qrScans: humans.filter((e) => e.isQr).length,
        botsFiltered: inWindow.length - humans.length,
        identifiedClicks: humans.filter((e) => e.contactId).length,
        uniqueContacts: new Set(humans.flatMap((e) => (e.contactId ? [e.contactId] : []))).size,
      },
      countries: count((e) => e.country),
      os: count((e) => e.os),
      days: count((e) => e.occurredAt.toISOString().slice(0, 10)),
      hours: count((e) => String(e.occurredAt.getUTCHours())),
    };
  }

  it.each(["7d", "30d", "90d", "all"] as const)("matches the raw clicks for the workspace, a link and a campaign over %s", async (window) => {
    const scopes: [AnalyticsScope, string[] | null][] = [
      [{ kind: "workspace" }, null],
      [{ kind: "link", linkId: "r3" }, ["r3"]],
      [{ kind: "campaign", campaignId: "cmp_r" }, ["r1", "r2"]],
    ];
    for (const [scope, linkIds] of scopes) {
      const a = await analytics(WS, scope, window);
      const e = expected(window, linkIds);
      expect(a.totals).toEqual(e.totals);
      expect(new Map(a.countries.map((c) => [c.code, c.clicks]))).toEqual(e.countries);
      expect(new Map(a.os.map((c) => [c.name, c.clicks]))).toEqual(e.os);
      expect(new Map(a.series.filter((p) => p.clicks > 0).map((p) => [p.date, p.clicks]))).toEqual(e.days);
      expect(new Map(a.hours.flatMap((n, h) => (n > 0 ? [[String(h), n] as const] : [])))).toEqual(e.hours);
    }
  });

  it("keeps the workspace's figures true when a link is deleted: its clicks leave, shared visitors stay", async () => {
    await deleteLink(database.db, WS, "r4");
    events.splice(0, events.length, ...events.filter((e) => e.rootLinkId !== "r4"));
    for (const window of ["7d", "all"] as const) {
      const a = await analytics(WS, { kind: "workspace" }, window);
      const e = expected(window, null);
      expect(a.totals).toEqual(e.totals);
      expect(new Map(a.countries.map((c) => [c.code, c.clicks]))).toEqual(e.countries);
      expect(a.topLinks.map((l) => l.linkId)).not.toContain("r4");
    }
  });

  it("forgets an erased contact in top contacts and unique contacts; their clicks still count as identified", async () => {
    const before = await analytics(WS, { kind: "workspace" }, "all");
    await eraseContactFromClicks(database.db, WS, "c1");
    const after = await analytics(WS, { kind: "workspace" }, "all");
    expect(after.topContacts.map((c) => c.contactId)).not.toContain("c1");
    expect(after.totals.uniqueContacts).toBe(before.totals.uniqueContacts - 1);
    expect(after.totals.identifiedClicks).toBe(before.totals.identifiedClicks);
    const left = await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(clicks).where(and(eq(clicks.workspaceId, WS), eq(clicks.contactId, "c1")));
    expect(left[0]?.n).toBe(0);
  });

  it("retention deletes clicks past the plan's history and nothing the windows still show", async () => {
    const before = await analytics(WS, { kind: "workspace" }, "all");
    const deleted = await applyRetention(database.db, NOW, { batchSize: 30 });
    const old = events.filter((e) => e.occurredAt < new Date("2025-11-24T00:00:00Z")).length;
    expect(old).toBeGreaterThan(60); // several batches
    expect(deleted.get(WS)).toBe(old);
    const remaining = await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(clicks).where(eq(clicks.workspaceId, WS));
    expect(remaining[0]?.n).toBe(events.length - old);
    const after = await analytics(WS, { kind: "workspace" }, "all");
    expect(after.totals).toEqual(before.totals);
    // Workspace A's click 400 days ago went too; its click 200 days ago stays (Pro).
    expect(deleted.get("wa")).toBe(1);
    // Downgraded to Starter: 180 days.
    await database.db.update(workspaces).set({ plan: "starter" }).where(eq(workspaces.id, WS));
    await applyRetention(database.db, NOW);
    const starter = await analytics(WS, { kind: "workspace" }, "all", "starter");
    const cutoff = new Date("2026-05-28T00:00:00Z");
    expect(starter.totals.clicks).toBe(events.filter((e) => !e.isBot && e.occurredAt >= cutoff).length);
    const older = await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(clicks).where(and(eq(clicks.workspaceId, WS), sql`${clicks.occurredAt} < ${cutoff.toISOString()}`));
    expect(older[0]?.n).toBe(0);
  });
});
