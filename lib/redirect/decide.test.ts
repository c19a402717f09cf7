import { type DecidableLink, type DecidableVisit, type Decision, decide, pickAbVariant, type VisitorState } from "@/lib/redirect/decide";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const PAST = new Date("2026-03-10T11:59:59.999Z");
const FUTURE = new Date("2026-03-10T12:00:00.001Z");

function link(overrides: Partial<DecidableLink> = {}): DecidableLink {
  return {
    status: "active",
    workspaceActive: true,
    url: "https://example.com/default",
    rules: {},
    hasPassword: false,
    expiresAt: null,
    expiredUrl: null,
    clickLimit: null,
    humanClicks: 0,
    limitUrl: null,
    leadCapture: null,
    ...overrides,
  };
}

const PERSON: DecidableVisit = { isBot: false, country: "US", deviceType: "desktop", osKey: "windows" };
const BOT: DecidableVisit = { ...PERSON, isBot: true };
const IPHONE: DecidableVisit = { isBot: false, country: "US", deviceType: "mobile", osKey: "ios" };
const IPAD: DecidableVisit = { isBot: false, country: "US", deviceType: "tablet", osKey: "ios" };
const PIXEL: DecidableVisit = { isBot: false, country: "US", deviceType: "mobile", osKey: "android" };
const ANDROID_TABLET: DecidableVisit = { isBot: false, country: "US", deviceType: "tablet", osKey: "android" };
const MAC: DecidableVisit = { isBot: false, country: "US", deviceType: "desktop", osKey: "macos" };
const LINUX: DecidableVisit = { isBot: false, country: "US", deviceType: "desktop", osKey: "linux" };
const CHROMEBOOK: DecidableVisit = { isBot: false, country: "US", deviceType: "desktop", osKey: null };
const FROM_DE: DecidableVisit = { ...PERSON, country: "DE" };
const NOWHERE: DecidableVisit = { ...PERSON, country: null };

const FRESH: VisitorState = { unlocked: false, leadCaptured: false, abVariant: null, roll: 0.5 };
const UNLOCKED: VisitorState = { ...FRESH, unlocked: true };

const toDefault: Decision = { kind: "redirect", status: 302, url: "https://example.com/default", rule: "default", abVariant: null };
const redirectTo = (url: string, rule: "country" | "device" | "ab" | "default", abVariant: number | null = null): Decision => ({
  kind: "redirect",
  status: 302,
  url,
  rule,
  abVariant,
});

const ROUTED = link({
  rules: {
    country: [
      { countries: ["DE", "AT", "CH"], url: "https://example.com/dach" },
      { countries: ["FR"], url: "https://example.com/fr" },
    ],
    device: [
      { devices: ["ios"], url: "https://apps.apple.com/app" },
      { devices: ["android"], url: "https://play.google.com/app" },
    ],
  },
});

const DEVICE_CLASSES = link({
  rules: {
    device: [
      { devices: ["tablet"], url: "https://example.com/tablet" },
      { devices: ["mobile"], url: "https://example.com/mobile" },
      { devices: ["desktop"], url: "https://example.com/desktop" },
    ],
  },
});

const AB = link({
  rules: {
    ab: [
      { url: "https://example.com/a", weight: 70 },
      { url: "https://example.com/b", weight: 30 },
    ],
  },
});

type Case = [name: string, link: DecidableLink | null, visit: DecidableVisit, visitor: VisitorState, expected: Decision];

const cases: Case[] = [
  // Unknown slug and dead links: the same answer for people and bots.
  ["unknown slug → 404", null, PERSON, FRESH, { kind: "not_found", status: 404 }],
  ["unknown slug → 404 for bots too", null, BOT, FRESH, { kind: "not_found", status: 404 }],
  ["archived → 410", link({ status: "archived" }), PERSON, FRESH, { kind: "unavailable", status: 410 }],
  ["archived → 410 for bots too", link({ status: "archived" }), BOT, FRESH, { kind: "unavailable", status: 410 }],
  ["uninstalled workspace → 410", link({ workspaceActive: false }), PERSON, FRESH, { kind: "unavailable", status: 410 }],
  ["uninstalled workspace → 410 for bots", link({ workspaceActive: false }), BOT, FRESH, { kind: "unavailable", status: 410 }],
  [
    "archived beats expiry with a fallback",
    link({ status: "archived", expiresAt: PAST, expiredUrl: "https://example.com/expired" }),
    PERSON,
    FRESH,
    { kind: "unavailable", status: 410 },
  ],
  [
    "uninstalled beats a reached limit",
    link({ workspaceActive: false, clickLimit: 1, humanClicks: 5, limitUrl: "https://example.com/limit" }),
    PERSON,
    FRESH,
    { kind: "unavailable", status: 410 },
  ],
  [
    "expired with fallback → 302 to it",
    link({ expiresAt: PAST, expiredUrl: "https://example.com/expired" }),
    PERSON,
    FRESH,
    { kind: "expired", status: 302, url: "https://example.com/expired" },
  ],
  [
    "expired with fallback → same 302 for bots",
    link({ expiresAt: PAST, expiredUrl: "https://example.com/expired" }),
    BOT,
    FRESH,
    { kind: "expired", status: 302, url: "https://example.com/expired" },
  ],
  ["expired without fallback → 410", link({ expiresAt: PAST }), PERSON, FRESH, { kind: "expired", status: 410, url: null }],
  ["expired without fallback → 410 for bots", link({ expiresAt: PAST }), BOT, FRESH, { kind: "expired", status: 410, url: null }],
  ["expires exactly now → expired", link({ expiresAt: NOW }), PERSON, FRESH, { kind: "expired", status: 410, url: null }],
  ["expires a millisecond later → live", link({ expiresAt: FUTURE }), PERSON, FRESH, toDefault],
  [
    "expired beats the click limit",
    link({ expiresAt: PAST, clickLimit: 1, humanClicks: 1, limitUrl: "https://example.com/limit" }),
    PERSON,
    FRESH,
    { kind: "expired", status: 410, url: null },
  ],
  [
    "expired beats the password gate (unlocking a dead link is pointless)",
    link({ expiresAt: PAST, hasPassword: true }),
    PERSON,
    FRESH,
    { kind: "expired", status: 410, url: null },
  ],
  [
    "limit reached with fallback → 302 to it",
    link({ clickLimit: 100, humanClicks: 100, limitUrl: "https://example.com/limit" }),
    PERSON,
    FRESH,
    { kind: "limit_reached", status: 302, url: "https://example.com/limit" },
  ],
  [
    "limit reached with fallback → same for bots",
    link({ clickLimit: 100, humanClicks: 100, limitUrl: "https://example.com/limit" }),
    BOT,
    FRESH,
    { kind: "limit_reached", status: 302, url: "https://example.com/limit" },
  ],
  [
    "limit reached without fallback → 410",
    link({ clickLimit: 100, humanClicks: 100 }),
    PERSON,
    FRESH,
    { kind: "limit_reached", status: 410, url: null },
  ],
  [
    "limit reached without fallback → 410 for bots",
    link({ clickLimit: 100, humanClicks: 100 }),
    BOT,
    FRESH,
    { kind: "limit_reached", status: 410, url: null },
  ],
  [
    "limit overshot (concurrent clicks) → still reached",
    link({ clickLimit: 100, humanClicks: 103 }),
    PERSON,
    FRESH,
    { kind: "limit_reached", status: 410, url: null },
  ],
  ["one click left → live", link({ clickLimit: 100, humanClicks: 99 }), PERSON, FRESH, toDefault],
  [
    "limit reached beats password",
    link({ clickLimit: 1, humanClicks: 1, hasPassword: true }),
    PERSON,
    FRESH,
    { kind: "limit_reached", status: 410, url: null },
  ],

  // Live links: bots get the card, people get gates then routing.
  ["active → default for people", link(), PERSON, FRESH, toDefault],
  ["active → preview card for bots", link(), BOT, FRESH, { kind: "preview", status: 200 }],
  ["password → unlock page", link({ hasPassword: true }), PERSON, FRESH, { kind: "password", status: 200 }],
  ["password → preview card for bots", link({ hasPassword: true }), BOT, FRESH, { kind: "preview", status: 200 }],
  ["password, unlocked → default", link({ hasPassword: true }), PERSON, UNLOCKED, toDefault],
  [
    "password + country rule: bot → preview",
    link({ ...ROUTED, hasPassword: true }),
    { ...FROM_DE, isBot: true },
    FRESH,
    { kind: "preview", status: 200 },
  ],
  ["password + country rule: person → unlock page", link({ ...ROUTED, hasPassword: true }), FROM_DE, FRESH, { kind: "password", status: 200 }],
  [
    "password + country rule: unlocked person → country route",
    link({ ...ROUTED, hasPassword: true }),
    FROM_DE,
    UNLOCKED,
    redirectTo("https://example.com/dach", "country"),
  ],
  ["lead capture → form", link({ leadCapture: { enabled: true } }), PERSON, FRESH, { kind: "lead_capture", status: 200 }],
  ["lead capture → preview card for bots", link({ leadCapture: { enabled: true } }), BOT, FRESH, { kind: "preview", status: 200 }],
  ["lead capture disabled → default", link({ leadCapture: { enabled: false, headline: "Hi" } }), PERSON, FRESH, toDefault],
  ["lead captured already → default", link({ leadCapture: { enabled: true } }), PERSON, { ...FRESH, leadCaptured: true }, toDefault],
  [
    "password + lead capture: password first",
    link({ hasPassword: true, leadCapture: { enabled: true } }),
    PERSON,
    FRESH,
    { kind: "password", status: 200 },
  ],
  [
    "password + lead capture: unlocked → lead form next",
    link({ hasPassword: true, leadCapture: { enabled: true } }),
    PERSON,
    UNLOCKED,
    { kind: "lead_capture", status: 200 },
  ],
  [
    "password + lead capture: unlocked and captured → destination",
    link({ hasPassword: true, leadCapture: { enabled: true } }),
    PERSON,
    { ...UNLOCKED, leadCaptured: true },
    toDefault,
  ],
  [
    "lead captured but not unlocked → still the password page",
    link({ hasPassword: true, leadCapture: { enabled: true } }),
    PERSON,
    { ...FRESH, leadCaptured: true },
    { kind: "password", status: 200 },
  ],

  // Country rules.
  ["country rule matches", ROUTED, FROM_DE, FRESH, redirectTo("https://example.com/dach", "country")],
  ["second country rule matches", ROUTED, { ...PERSON, country: "FR" }, FRESH, redirectTo("https://example.com/fr", "country")],
  ["country matched case-insensitively", ROUTED, { ...PERSON, country: "ch" }, FRESH, redirectTo("https://example.com/dach", "country")],
  ["country rule precedes device rule", ROUTED, { ...IPHONE, country: "AT" }, FRESH, redirectTo("https://example.com/dach", "country")],
  ["no country rule matches → device rule", ROUTED, { ...IPHONE, country: "US" }, FRESH, redirectTo("https://apps.apple.com/app", "device")],
  ["unknown country → device rule", ROUTED, { ...PIXEL, country: null }, FRESH, redirectTo("https://play.google.com/app", "device")],
  ["unknown country, no device match → default", ROUTED, NOWHERE, FRESH, toDefault],
  [
    "first matching country rule wins",
    link({
      rules: {
        country: [
          { countries: ["US"], url: "https://example.com/us-1" },
          { countries: ["US", "CA"], url: "https://example.com/us-2" },
        ],
      },
    }),
    PERSON,
    FRESH,
    redirectTo("https://example.com/us-1", "country"),
  ],

  // Device rules: OS keys and classes.
  ["ios rule → iPhone", ROUTED, IPHONE, FRESH, redirectTo("https://apps.apple.com/app", "device")],
  ["ios rule → iPad (iPadOS is ios)", ROUTED, IPAD, FRESH, redirectTo("https://apps.apple.com/app", "device")],
  ["android rule → Pixel", ROUTED, PIXEL, FRESH, redirectTo("https://play.google.com/app", "device")],
  ["android rule → Android tablet", ROUTED, ANDROID_TABLET, FRESH, redirectTo("https://play.google.com/app", "device")],
  ["ios/android rules → desktop gets default", ROUTED, PERSON, FRESH, toDefault],
  ["tablet class → iPad", DEVICE_CLASSES, IPAD, FRESH, redirectTo("https://example.com/tablet", "device")],
  ["tablet class → Android tablet", DEVICE_CLASSES, ANDROID_TABLET, FRESH, redirectTo("https://example.com/tablet", "device")],
  ["mobile class → iPhone", DEVICE_CLASSES, IPHONE, FRESH, redirectTo("https://example.com/mobile", "device")],
  ["mobile class → Pixel", DEVICE_CLASSES, PIXEL, FRESH, redirectTo("https://example.com/mobile", "device")],
  ["desktop class → Windows", DEVICE_CLASSES, PERSON, FRESH, redirectTo("https://example.com/desktop", "device")],
  ["desktop class → Mac", DEVICE_CLASSES, MAC, FRESH, redirectTo("https://example.com/desktop", "device")],
  ["desktop class → Chromebook (no OS key)", DEVICE_CLASSES, CHROMEBOOK, FRESH, redirectTo("https://example.com/desktop", "device")],
  [
    "first matching device rule wins (OS listed after class)",
    link({
      rules: {
        device: [
          { devices: ["mobile"], url: "https://example.com/mobile" },
          { devices: ["ios"], url: "https://apps.apple.com/app" },
        ],
      },
    }),
    IPHONE,
    FRESH,
    redirectTo("https://example.com/mobile", "device"),
  ],
  [
    "one rule listing several devices",
    link({ rules: { device: [{ devices: ["windows", "macos", "linux"], url: "https://example.com/pc" }] } }),
    LINUX,
    FRESH,
    redirectTo("https://example.com/pc", "device"),
  ],
  [
    "macos rule does not catch iOS",
    link({ rules: { device: [{ devices: ["macos"], url: "https://example.com/mac" }] } }),
    IPHONE,
    FRESH,
    toDefault,
  ],
  [
    "device rule precedes A/B",
    link({ rules: { ...AB.rules, device: [{ devices: ["ios"], url: "https://apps.apple.com/app" }] } }),
    IPHONE,
    FRESH,
    redirectTo("https://apps.apple.com/app", "device"),
  ],
  [
    "country rule precedes A/B",
    link({ rules: { ...AB.rules, country: [{ countries: ["US"], url: "https://example.com/us" }] } }),
    PERSON,
    FRESH,
    redirectTo("https://example.com/us", "country"),
  ],

  // A/B.
  ["A/B roll 0 → first", AB, PERSON, { ...FRESH, roll: 0 }, redirectTo("https://example.com/a", "ab", 0)],
  ["A/B roll 0.6999 → first", AB, PERSON, { ...FRESH, roll: 0.6999 }, redirectTo("https://example.com/a", "ab", 0)],
  ["A/B roll 0.7 → second", AB, PERSON, { ...FRESH, roll: 0.7 }, redirectTo("https://example.com/b", "ab", 1)],
  ["A/B roll 0.9999 → second", AB, PERSON, { ...FRESH, roll: 0.9999 }, redirectTo("https://example.com/b", "ab", 1)],
  ["A/B sticky variant wins over the roll", AB, PERSON, { ...FRESH, abVariant: 1, roll: 0 }, redirectTo("https://example.com/b", "ab", 1)],
  ["A/B sticky variant out of range → new draw", AB, PERSON, { ...FRESH, abVariant: 2, roll: 0 }, redirectTo("https://example.com/a", "ab", 0)],
  ["A/B sticky variant negative → new draw", AB, PERSON, { ...FRESH, abVariant: -1, roll: 0.9 }, redirectTo("https://example.com/b", "ab", 1)],
  ["A/B sticky variant fractional → new draw", AB, PERSON, { ...FRESH, abVariant: 0.5, roll: 0.9 }, redirectTo("https://example.com/b", "ab", 1)],
  ["A/B bots still get the card", AB, BOT, FRESH, { kind: "preview", status: 200 }],
  [
    "A/B lists the link's own url only if listed",
    link({ rules: { ab: [{ url: "https://example.com/only", weight: 1 }] } }),
    PERSON,
    { ...FRESH, roll: 0.99 },
    redirectTo("https://example.com/only", "ab", 0),
  ],
  ["empty A/B list → default", link({ rules: { ab: [] } }), PERSON, FRESH, toDefault],
  [
    "A/B without a usable weight → default",
    link({ rules: { ab: [{ url: "https://example.com/a", weight: 0 }, { url: "https://example.com/b", weight: -3 }] } }),
    PERSON,
    FRESH,
    toDefault,
  ],
  [
    "A/B skips unusable weights",
    link({
      rules: {
        ab: [
          { url: "https://example.com/zero", weight: 0 },
          { url: "https://example.com/half", weight: 1.5 },
          { url: "https://example.com/real", weight: 2 },
        ],
      },
    }),
    PERSON,
    { ...FRESH, roll: 0 },
    redirectTo("https://example.com/real", "ab", 2),
  ],
  [
    "A/B sticky variant on an unusable weight → new draw",
    link({ rules: { ab: [{ url: "https://example.com/zero", weight: 0 }, { url: "https://example.com/b", weight: 1 }] } }),
    PERSON,
    { ...FRESH, abVariant: 0 },
    redirectTo("https://example.com/b", "ab", 1),
  ],
  ["A/B roll of 1 (out of range) → last usable", AB, PERSON, { ...FRESH, roll: 1 }, redirectTo("https://example.com/b", "ab", 1)],
  ["A/B roll NaN → first usable", AB, PERSON, { ...FRESH, roll: Number.NaN }, redirectTo("https://example.com/a", "ab", 0)],
  ["A/B negative roll → first usable", AB, PERSON, { ...FRESH, roll: -0.5 }, redirectTo("https://example.com/a", "ab", 0)],
  ["no rules → default", link({ rules: {} }), PERSON, FRESH, toDefault],
  [
    "empty rule lists → default",
    link({ rules: { country: [], device: [], ab: [] } }),
    PERSON,
    FRESH,
    toDefault,
  ],
];

describe("decide", () => {
  it.each(cases)("%s", (_name, l, visit, visitor, expected) => {
    expect(decide(l, visit, visitor, NOW)).toEqual(expected);
  });

  it("is pure: the same inputs give the same answer and nothing is mutated", () => {
    const l = link({ ...ROUTED, hasPassword: true, rules: { ...ROUTED.rules, ...AB.rules } });
    const snapshot = structuredClone(l);
    const first = decide(l, PERSON, UNLOCKED, NOW);
    expect(decide(l, PERSON, UNLOCKED, NOW)).toEqual(first);
    expect(l).toEqual(snapshot);
  });

  it("does not read the clock or Math.random", () => {
    const now = jest.spyOn(Date, "now").mockImplementation(() => {
      throw new Error("Date.now called");
    });
    const random = jest.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random called");
    });
    try {
      expect(decide(link({ ...AB, expiresAt: FUTURE }), PERSON, FRESH, NOW).kind).toBe("redirect");
    } finally {
      now.mockRestore();
      random.mockRestore();
    }
  });
});

describe("pickAbVariant", () => {
  it("splits 70/30 over evenly spread rolls", () => {
    const counts = [0, 0];
    const draws = 10_000;
    for (let i = 0; i < draws; i++) {
      const variant = pickAbVariant(AB.rules.ab ?? [], { abVariant: null, roll: i / draws });
      if (variant === 0 || variant === 1) counts[variant] = (counts[variant] ?? 0) + 1;
    }
    expect(counts).toEqual([7_000, 3_000]);
  });

  it("splits three ways by shares", () => {
    const ab = [{ weight: 1 }, { weight: 2 }, { weight: 1 }];
    const draws = 4_000;
    const counts = [0, 0, 0];
    for (let i = 0; i < draws; i++) {
      const variant = pickAbVariant(ab, { abVariant: null, roll: i / draws });
      if (variant !== null) counts[variant] = (counts[variant] ?? 0) + 1;
    }
    expect(counts).toEqual([1_000, 2_000, 1_000]);
  });

  it("keeps the sticky variant whatever the roll", () => {
    for (const roll of [0, 0.3, 0.69, 0.7, 0.99]) {
      expect(pickAbVariant(AB.rules.ab ?? [], { abVariant: 0, roll })).toBe(0);
      expect(pickAbVariant(AB.rules.ab ?? [], { abVariant: 1, roll })).toBe(1);
    }
  });
});
