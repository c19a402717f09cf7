import { isReservedSlug, shortLinkSlugOf } from "@/lib/redirect/short-link-path";

describe("shortLinkSlugOf", () => {
  it.each([
    ["/abc", "abc"],
    ["/abc?c=1&qr=1", "abc"],
    ["/Promo-2026_x", "Promo-2026_x"],
    ["/caf%C3%A9", "café"],
    ["/abc#frag", "abc"],
    ["/application", "application"],
    ["/iconic", "iconic"],
  ])("%s is the short link %s", (target, slug) => {
    expect(shortLinkSlugOf(target)).toBe(slug);
  });

  it.each([
    "/",
    "",
    "?x=1",
    "/app",
    "/api",
    "/p",
    "/sandbox",
    "/APP",
    "/_next",
    "/_not-found",
    "/icon",
    "/icon1",
    "/apple-icon",
    "/apple-touch-icon-precomposed",
    "/opengraph-image",
    "/favicon.ico",
    "/robots.txt",
    "/sitemap.xml",
    "/manifest.json",
    "/a.b",
    "/a%2Eb",
    "/a%2Fb",
    "/app/links",
    "/abc/",
    "/%E0%A4%A",
    "http://evil.example/abc",
  ])("%s goes to Next", (target) => {
    expect(shortLinkSlugOf(target)).toBeNull();
  });
});

describe("isReservedSlug", () => {
  it("refuses the app's words in any case, and allows ordinary ones", () => {
    expect(["app", "Api", "SANDBOX", "p", "_x", "icon", "twitter-image"].every(isReservedSlug)).toBe(true);
    expect(["apps", "pp", "promo", "icons-sale"].some(isReservedSlug)).toBe(false);
  });
});
