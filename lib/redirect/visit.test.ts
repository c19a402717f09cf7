import type { GeoLookup } from "@/lib/redirect/geo";
import { type ClassifyConfig, classifyVisit, forwardedQuery, type VisitInput, visitorKeyOf } from "@/lib/redirect/visit";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const SECRET = "test-secret-test-secret-test-secret";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const WINDOWS_EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80";

/** A fake geo database: every address it knows is in Germany; records what it was asked. */
function fakeGeo(): GeoLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = (ip: string) => {
    asked.push(ip);
    return ip.startsWith("10.") ? { country: null, region: null, city: null } : { country: "DE", region: "BE", city: "Berlin" };
  };
  return Object.assign(lookup, { asked });
}

function input(overrides: Partial<VisitInput> & { path?: string } = {}): VisitInput {
  const { path = "/promo", ...rest } = overrides;
  return {
    method: "GET",
    url: new URL(`https://s.test${path}`),
    headers: { "user-agent": IPHONE },
    socketIp: "203.0.113.9",
    ...rest,
  };
}

function config(overrides: Partial<ClassifyConfig> = {}): ClassifyConfig {
  return { trustedProxyHops: 0, secret: SECRET, lookupGeo: fakeGeo(), ...overrides };
}

describe("classifyVisit", () => {
  it("classifies a plain iPhone visit", () => {
    const visit = classifyVisit(input(), config(), NOW);
    expect(visit).toEqual({
      method: "GET",
      ip: "203.0.113.9",
      country: "DE",
      region: "BE",
      city: "Berlin",
      deviceType: "mobile",
      osKey: "ios",
      os: "iOS",
      browser: "Mobile Safari",
      isBot: false,
      isPreview: false,
      referrer: null,
      referrerHost: null,
      source: "direct",
      contactId: null,
      isQr: false,
      visitorKey: visitorKeyOf(SECRET, "203.0.113.9", IPHONE, NOW),
      userAgent: IPHONE,
    });
  });

  it("reads fetch Headers as well as node:http headers", () => {
    const headers = new Headers({
      "User-Agent": WINDOWS_EDGE,
      "X-Forwarded-For": "198.51.100.7, 10.0.0.1",
      Referer: "https://www.linkedin.com/feed/",
    });
    const visit = classifyVisit(input({ headers }), config({ trustedProxyHops: 2 }), NOW);
    expect(visit).toMatchObject({
      ip: "198.51.100.7",
      deviceType: "desktop",
      osKey: "windows",
      os: "Windows",
      browser: "Edge",
      referrer: "https://www.linkedin.com/feed/",
      referrerHost: "linkedin.com",
      source: "linkedin",
    });
  });

  it.each([
    // [X-Forwarded-For, hops, client IP]
    [undefined, 1, "203.0.113.9"],
    ["198.51.100.7", 0, "203.0.113.9"],
    ["198.51.100.7", 1, "198.51.100.7"],
    ["6.6.6.6, 198.51.100.7", 1, "198.51.100.7"],
    ["6.6.6.6, 198.51.100.7, 10.0.0.1", 2, "198.51.100.7"],
    ["198.51.100.7, 10.0.0.1", 3, "198.51.100.7"],
    [["6.6.6.6", "198.51.100.7"], 1, "198.51.100.7"],
    ["::ffff:198.51.100.7", 1, "198.51.100.7"],
  ] as const)("X-Forwarded-For %j with %d hops → %s", (xff, hops, ip) => {
    const geo = fakeGeo();
    const headers = { "user-agent": IPHONE, "x-forwarded-for": xff === undefined ? undefined : [...[xff].flat()] };
    const visit = classifyVisit(input({ headers }), config({ trustedProxyHops: hops, lookupGeo: geo }), NOW);
    expect(visit.ip).toBe(ip);
    expect(geo.asked).toEqual([ip]);
  });

  it("unwraps an IPv4-mapped socket address", () => {
    expect(classifyVisit(input({ socketIp: "::ffff:203.0.113.9" }), config(), NOW).ip).toBe("203.0.113.9");
  });

  it("gives no location and asks no database when there is no client IP", () => {
    const geo = fakeGeo();
    const visit = classifyVisit(input({ socketIp: null }), config({ lookupGeo: geo }), NOW);
    expect(visit).toMatchObject({ ip: null, country: null, region: null, city: null });
    expect(geo.asked).toEqual([]);
  });

  it("uses geoip-lite's bundled data by default", () => {
    const { lookupGeo: _omit, ...withoutGeo } = config();
    expect(classifyVisit(input({ socketIp: "8.8.8.8" }), withoutGeo, NOW)).toMatchObject({ country: "US" });
    expect(classifyVisit(input({ socketIp: "127.0.0.1" }), withoutGeo, NOW)).toMatchObject({
      country: null,
      region: null,
      city: null,
    });
  });

  it.each([
    ["GET", "WhatsApp/2.23.20.0 A", true, true],
    ["GET", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", true, true],
    ["GET", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", true, true],
    ["GET", "curl/8.5.0", true, false],
    ["GET", "", true, false],
    ["HEAD", IPHONE, true, false],
    ["head", IPHONE, true, false],
    ["GET", IPHONE, false, false],
    ["POST", IPHONE, false, false],
  ])("%s with %j → bot %s, preview %s", (method, ua, isBot, isPreview) => {
    const visit = classifyVisit(input({ method, headers: { "user-agent": ua } }), config(), NOW);
    expect(visit).toMatchObject({ method: method.toUpperCase(), isBot, isPreview });
  });

  it("treats a missing User-Agent header as a bot", () => {
    expect(classifyVisit(input({ headers: {} }), config(), NOW)).toMatchObject({ isBot: true, userAgent: "" });
  });

  it("cuts a huge User-Agent to 512 characters", () => {
    const ua = `${IPHONE} ${"x".repeat(10_000)}`;
    expect(classifyVisit(input({ headers: { "user-agent": ua } }), config(), NOW).userAgent).toHaveLength(512);
  });

  it.each([
    ["Instagram", `${IPHONE} Instagram 326.0.3.30.91 (iPhone14,5; iOS 17_4; en_US)`, "instagram"],
    ["FBAV", `${IPHONE} [FBAN/FBIOS;FBAV/458.0.0.39.106;]`, "facebook"],
    ["TikTok", `${IPHONE} musical_ly_34.1.0 BytedanceWebview/d8a21c6`, "tiktok"],
    ["LinkedInApp", `${IPHONE} [LinkedInApp]/9.29.6535`, "linkedin"],
    ["Snapchat", `${IPHONE} Snapchat/12.80.0.41 (like Safari/8617.2.4.10.8, panda)`, "snapchat"],
    ["Line", `${IPHONE} Line/14.5.0`, "line"],
    ["MicroMessenger", `${IPHONE} MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI`, "wechat"],
  ])("in-app browser %s → %s, even with a Google referrer and qr=1", (_name, ua, source) => {
    const headers = { "user-agent": ua, referer: "https://www.google.com/" };
    const visit = classifyVisit(input({ headers, path: "/promo?qr=1" }), config(), NOW);
    expect(visit.source).toBe(source);
    expect(visit.isBot).toBe(false);
    expect(visit.isQr).toBe(true);
  });

  it.each([
    ["/promo", undefined, "direct"],
    ["/promo?qr=1", undefined, "qr"],
    ["/promo?qr=1", "https://www.google.com/", "qr"],
    ["/promo?qr=0", undefined, "direct"],
    ["/promo", "https://www.google.com/", "google"],
    ["/promo", "https://l.facebook.com/l.php?u=x", "facebook"],
    ["/promo", "https://mail.google.com/mail/u/0/", "email"],
    ["/promo", "android-app://com.google.android.gm/", "email"],
    ["/promo", "android-app://com.google.android.apps.messaging/", "sms"],
    ["/promo", "https://blog.example.com/", "other"],
    ["/promo?utm_medium=sms", undefined, "sms"],
    ["/promo?utm_source=email", undefined, "email"],
    ["/promo?utm_medium=sms", "https://t.co/x", "twitter"],
  ])("%s with Referer %j → %s", (path, referer, source) => {
    const visit = classifyVisit(input({ path, headers: { "user-agent": IPHONE, referer } }), config(), NOW);
    expect(visit.source).toBe(source);
  });

  it.each([
    ["/promo?c=abc123", "abc123"],
    ["/promo?c=AbC_12-x", "AbC_12-x"],
    ["/promo?c=%20abc%20", "abc"],
    [`/promo?c=${"a".repeat(64)}`, "a".repeat(64)],
    [`/promo?c=${"a".repeat(65)}`, null],
    ["/promo?c=", null],
    ["/promo?c=a%2Fb", null],
    ["/promo?c=a.b", null],
    ["/promo?c=%3Cscript%3E", null],
    ["/promo?c=first&c=second", "first"],
    ["/promo", null],
  ])("%s → contact %j", (path, contactId) => {
    expect(classifyVisit(input({ path }), config(), NOW).contactId).toBe(contactId);
  });

  it.each([
    ["/promo?qr=1", true],
    ["/promo?c=x&qr=1&utm_source=flyer", true],
    ["/promo?qr=true", false],
    ["/promo?qr=0", false],
    ["/promo?qr", false],
    ["/promo", false],
  ])("%s → QR %s", (path, isQr) => {
    expect(classifyVisit(input({ path }), config(), NOW).isQr).toBe(isQr);
  });
});

describe("forwardedQuery", () => {
  it.each([
    ["https://s.test/x", ""],
    ["https://s.test/x?", ""],
    ["https://s.test/x?c=123", ""],
    ["https://s.test/x?qr=1", ""],
    ["https://s.test/x?c=123&qr=1", ""],
    ["https://s.test/x?a=1&b=2", "?a=1&b=2"],
    ["https://s.test/x?b=2&a=1", "?b=2&a=1"],
    ["https://s.test/x?a=1&c=123&b=2&qr=1", "?a=1&b=2"],
    ["https://s.test/x?qr=1&a=1", "?a=1"],
    ["https://s.test/x?c&a=1", "?a=1"],
    ["https://s.test/x?%63=123&a=1", "?a=1"],
    ["https://s.test/x?cc=1&qrcode=2&xc=3", "?cc=1&qrcode=2&xc=3"],
    ["https://s.test/x?q=a%20b+c&x=%E2%9C%93", "?q=a%20b+c&x=%E2%9C%93"],
    ["https://s.test/x?redirect=https%3A%2F%2Fa.test%2F%3Fc%3D1", "?redirect=https%3A%2F%2Fa.test%2F%3Fc%3D1"],
    ["https://s.test/x?a=1&a=2", "?a=1&a=2"],
    ["https://s.test/x?flag&a=", "?flag&a="],
    ["https://s.test/x?a=1&&b=2", "?a=1&b=2"],
    ["https://s.test/x?a=%ZZ&c=1", "?a=%ZZ"],
    ["https://s.test/x?a=1#frag", "?a=1"],
  ])("%s → %j", (url, expected) => {
    expect(forwardedQuery(new URL(url))).toBe(expected);
  });
});

describe("visitor key", () => {
  const day1 = new Date("2026-03-10T00:00:00.000Z");
  const day1Late = new Date("2026-03-10T23:59:59.999Z");
  const day2 = new Date("2026-03-11T00:00:00.000Z");

  it("is 22 base64url characters", () => {
    expect(visitorKeyOf(SECRET, "203.0.113.9", IPHONE, day1)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("is stable within a UTC day", () => {
    expect(visitorKeyOf(SECRET, "203.0.113.9", IPHONE, day1Late)).toBe(visitorKeyOf(SECRET, "203.0.113.9", IPHONE, day1));
  });

  it("changes across days, IPs, User-Agents and secrets", () => {
    const base = visitorKeyOf(SECRET, "203.0.113.9", IPHONE, day1);
    const others = [
      visitorKeyOf(SECRET, "203.0.113.9", IPHONE, day2),
      visitorKeyOf(SECRET, "203.0.113.10", IPHONE, day1),
      visitorKeyOf(SECRET, "203.0.113.9", WINDOWS_EDGE, day1),
      visitorKeyOf(`${SECRET}!`, "203.0.113.9", IPHONE, day1),
      visitorKeyOf(SECRET, null, IPHONE, day1),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it("never contains the IP", () => {
    const visit = classifyVisit(input({ socketIp: "203.0.113.9" }), config(), NOW);
    for (const fragment of ["203.0.113.9", "203", "113"]) {
      expect(visit.visitorKey).not.toContain(fragment);
    }
    expect(visit.visitorKey).toBe(visitorKeyOf(SECRET, "203.0.113.9", IPHONE, NOW));
  });

  it("is the same for the same visitor whether the IP came from the socket or the proxy", () => {
    const direct = classifyVisit(input({ socketIp: "203.0.113.9" }), config(), NOW);
    const proxied = classifyVisit(
      input({ socketIp: "10.0.0.1", headers: { "user-agent": IPHONE, "x-forwarded-for": "203.0.113.9" } }),
      config({ trustedProxyHops: 1 }),
      NOW,
    );
    expect(proxied.visitorKey).toBe(direct.visitorKey);
  });
});
