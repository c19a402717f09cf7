import { mergeUtm } from "@/lib/links/utm";

describe("mergeUtm", () => {
  it.each([
    ["no utm", "https://a.test/x?y=1", null, "https://a.test/x?y=1"],
    ["empty utm", "https://a.test/x", {}, "https://a.test/x"],
    ["adds", "https://a.test/x", { source: "sms", medium: "text" }, "https://a.test/x?utm_source=sms&utm_medium=text"],
    ["keeps others", "https://a.test/x?ref=1", { campaign: "bf" }, "https://a.test/x?ref=1&utm_campaign=bf"],
    [
      "replaces same name in place",
      "https://a.test/x?utm_source=old&ref=1&utm_source=older",
      { source: "new" },
      "https://a.test/x?utm_source=new&ref=1",
    ],
    ["keeps the fragment", "https://a.test/x?a=1#top", { term: "t" }, "https://a.test/x?a=1&utm_term=t#top"],
    ["encodes values", "https://a.test/", { content: "a b&c" }, "https://a.test/?utm_content=a%20b%26c"],
    ["leaves other utm params", "https://a.test/?utm_medium=email", { source: "x" }, "https://a.test/?utm_medium=email&utm_source=x"],
  ])("%s", (_name, url, utm, expected) => {
    expect(mergeUtm(url, utm)).toBe(expected);
  });
});

describe("mergeUtm keeps other parameters byte for byte", () => {
  it("does not re-encode existing parameters", () => {
    expect(mergeUtm("https://a.test/p?q=a%20b&x=%2B&flag", { source: "s" })).toBe("https://a.test/p?q=a%20b&x=%2B&flag&utm_source=s");
  });
  it("handles a bare question mark and a URL without a path", () => {
    expect(mergeUtm("https://a.test?", { medium: "m" })).toBe("https://a.test?utm_medium=m");
    expect(mergeUtm("https://a.test", { medium: "m" })).toBe("https://a.test?utm_medium=m");
  });
  it("matches encoded parameter names", () => {
    expect(mergeUtm("https://a.test/?utm%5Fsource=old", { source: "new" })).toBe("https://a.test/?utm_source=new");
  });
});
