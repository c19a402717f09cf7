import { parseAbVariant, parseCookieHeader, readLeadGrant, serializeCookie, signGrant, signLeadGrant, verifyGrant } from "@/lib/gates/visitor-cookies";

const SECRET = "x".repeat(40);
const NOW = 1_800_000_000;

describe("signed visitor grants", () => {
  const token = signGrant(SECRET, "unlock", "lnk_a", NOW, 3600);

  it("verify for the same purpose, link and secret until they expire", () => {
    expect(verifyGrant(SECRET, "unlock", "lnk_a", token, NOW + 3599)).toBe(true);
    expect(verifyGrant(SECRET, "unlock", "lnk_a", token, NOW + 3600)).toBe(false);
  });

  it("cannot be moved to another link or purpose, forged, or re-dated", () => {
    expect(verifyGrant(SECRET, "unlock", "lnk_b", token, NOW)).toBe(false);
    expect(verifyGrant(SECRET, "lead", "lnk_a", token, NOW)).toBe(false);
    expect(verifyGrant("y".repeat(40), "unlock", "lnk_a", token, NOW)).toBe(false);
    const [, mac] = token.split(".");
    expect(verifyGrant(SECRET, "unlock", "lnk_a", `${NOW + 999_999}.${mac}`, NOW)).toBe(false);
    for (const bad of [undefined, "", ".", "abc", `${NOW + 10}.`, `${NOW + 10}.AAAA`]) {
      expect(verifyGrant(SECRET, "unlock", "lnk_a", bad, NOW)).toBe(false);
    }
  });
});

describe("lead grants", () => {
  const token = signLeadGrant(SECRET, "lnk_a", "lead_abc", NOW, 3600);

  it("name the lead, for this link only, until they expire", () => {
    expect(readLeadGrant(SECRET, "lnk_a", token, NOW)).toEqual({ isValid: true, leadId: "lead_abc" });
    expect(readLeadGrant(SECRET, "lnk_a", token, NOW + 3600)).toEqual({ isValid: false, leadId: null });
    expect(readLeadGrant(SECRET, "lnk_b", token, NOW)).toEqual({ isValid: false, leadId: null });
    expect(readLeadGrant("y".repeat(40), "lnk_a", token, NOW).isValid).toBe(false);
  });

  it("cannot be pointed at another lead, and still accept grants that name none", () => {
    const [expiry, , mac] = token.split(".");
    expect(readLeadGrant(SECRET, "lnk_a", `${expiry}.lead_other.${mac}`, NOW)).toEqual({ isValid: false, leadId: null });
    expect(readLeadGrant(SECRET, "lnk_a", signGrant(SECRET, "lead", "lnk_a", NOW, 3600), NOW)).toEqual({ isValid: true, leadId: null });
    expect(verifyGrant(SECRET, "unlock", "lnk_a", token, NOW)).toBe(false);
    for (const bad of [undefined, "", "..", `${NOW + 10}.lead_abc.`, `${NOW + 10}.lead abc.${mac}`, `x.lead_abc.${mac}`, `${token}.more`]) {
      expect(readLeadGrant(SECRET, "lnk_a", bad, NOW)).toEqual({ isValid: false, leadId: null });
    }
    expect(() => signLeadGrant(SECRET, "lnk_a", "not.a.lead", NOW, 60)).toThrow();
  });
});

describe("cookies", () => {
  it("parses a Cookie header leniently", () => {
    const jar = parseCookieHeader(' a=1; b="two" ; broken; =x; a=3');
    expect([...jar]).toEqual([
      ["a", "1"],
      ["b", "two"],
    ]);
    expect(parseCookieHeader(undefined).size).toBe(0);
  });

  it("serializes HttpOnly, SameSite=Lax cookies scoped to a path", () => {
    expect(serializeCookie("sl_ab_x", "1", { maxAgeSeconds: 60, path: "/promo", secure: true })).toBe(
      "sl_ab_x=1; Max-Age=60; Path=/promo; HttpOnly; SameSite=Lax; Secure",
    );
  });

  it("reads only small non-negative A/B indexes", () => {
    expect(parseAbVariant("2")).toBe(2);
    for (const bad of [undefined, "", "-1", "1.5", "x", "12345"]) expect(parseAbVariant(bad)).toBeNull();
  });
});
