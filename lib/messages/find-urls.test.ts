import { findUrls, replaceUrls, trimTrailing } from "@/lib/messages/find-urls";

const urlsOf = (text: string) => findUrls(text).urls.map((u) => u.url);

describe("findUrls", () => {
  it.each([
    ["Book now: https://example.com/book", ["https://example.com/book"]],
    ["two: http://a.example and HTTPS://B.EXAMPLE/x", ["http://a.example", "HTTPS://B.EXAMPLE/x"]],
    ["query and fragment https://x.com/p?a=1&b=two#top ok", ["https://x.com/p?a=1&b=two#top"]],
    ["ports and paths https://x.com:8443/a/b/c.html", ["https://x.com:8443/a/b/c.html"]],
    ["unicode host https://münchen.example/straße", ["https://münchen.example/straße"]],
    ["same twice https://x.com https://x.com", ["https://x.com", "https://x.com"]],
    ["https://x.com/a\nhttps://y.com/b\tend", ["https://x.com/a", "https://y.com/b"]],
  ])("finds %j", (text, expected) => {
    expect(urlsOf(text)).toEqual(expected);
  });

  it.each([
    ["See https://x.com.", "https://x.com"],
    ["See https://x.com/a, then", "https://x.com/a"],
    ["Wow https://x.com!", "https://x.com"],
    ["Really https://x.com/?", "https://x.com/"],
    ["Link: https://x.com/a: more", "https://x.com/a"],
    ["first https://x.com/a; second", "https://x.com/a"],
    ["Ends with ellipsis https://x.com/a…", "https://x.com/a"],
    ["(see https://x.com/a)", "https://x.com/a"],
    ["(see https://x.com/a).", "https://x.com/a"],
    ["[https://x.com/a]", "https://x.com/a"],
    ["{https://x.com/a}", "https://x.com/a"],
    ["wiki https://en.wikipedia.org/wiki/Mercury_(planet) ok", "https://en.wikipedia.org/wiki/Mercury_(planet)"],
    ["(https://en.wikipedia.org/wiki/Mercury_(planet))", "https://en.wikipedia.org/wiki/Mercury_(planet)"],
    ["quoted 'https://x.com/a'", "https://x.com/a"],
    ['quoted "https://x.com/a"', "https://x.com/a"],
    ["curly “https://x.com/a”", "https://x.com/a"],
    ["<https://x.com/a>", "https://x.com/a"],
    ["*https://x.com/a*", "https://x.com/a"],
    ["_https://x.com/a_", "https://x.com/a"],
    ["~https://x.com/a~", "https://x.com/a"],
    ["several https://x.com/a).!?", "https://x.com/a"],
    ["CJK 请访问https://x.com/a。谢谢", "https://x.com/a"],
    ["nbsp https://x.com/a\u00a0next", "https://x.com/a"],
    ["zero width https://x.com/a\u200bnext", "https://x.com/a"],
  ])("does not swallow trailing punctuation in %j", (text, expected) => {
    expect(urlsOf(text)).toEqual([expected]);
  });

  it.each([
    "no links here",
    "www.example.com without a scheme",
    "mailto:someone@example.com",
    "ftp://files.example.com/a",
    "tel:+15125550100",
    "just the scheme https:// and nothing",
    "glued xhttps://x.com/a and 2http://y.com",
    "",
  ])("leaves %j alone", (text) => {
    expect(findUrls(text)).toEqual({ urls: [], skipped: [] });
  });

  it("skips URL-like runs that cannot be link destinations, with the reason", () => {
    const text = `sign in at https://bank.example@evil.example/login and https://x.com/${"a".repeat(2100)} then https://ok.example`;
    const { urls, skipped } = findUrls(text);
    expect(urls.map((u) => u.url)).toEqual(["https://ok.example"]);
    expect(skipped.map((s) => s.reason)).toEqual(["URLs with a user name or password are not accepted", "URLs can be at most 2048 characters"]);
  });

  it("reports positions that slice back to the URL (UTF-16, after emoji)", () => {
    const text = "🎉🎉 Party at https://x.com/p?🎈=1, bring friends";
    const [found] = findUrls(text).urls;
    expect(found).toBeDefined();
    expect(text.slice(found?.start, found?.end)).toBe("https://x.com/p?🎈=1");
  });
});

describe("trimTrailing", () => {
  it("keeps balanced closers and drops the unbalanced ones", () => {
    expect(trimTrailing("https://x.com/a_(b)")).toBe("https://x.com/a_(b)");
    expect(trimTrailing("https://x.com/a)")).toBe("https://x.com/a");
    expect(trimTrailing("https://x.com/a_(b))")).toBe("https://x.com/a_(b)");
    expect(trimTrailing("https://x.com/a].")).toBe("https://x.com/a");
  });
});

describe("replaceUrls", () => {
  it("replaces each URL and keeps everything else byte for byte", () => {
    const text = "  Hi 👋\r\n(https://a.example/x), https://a.example/x!\tBye ";
    const { urls } = findUrls(text);
    expect(urls).toHaveLength(2);
    expect(replaceUrls(text, urls, (_u, i) => `S${i}`)).toBe("  Hi 👋\r\n(S0), S1!\tBye ");
  });

  it("returns the text unchanged without URLs", () => {
    expect(replaceUrls("nothing", [], () => "x")).toBe("nothing");
  });
});
