import { withForwardedQuery } from "@/lib/redirect/handle-short-link";

describe("withForwardedQuery", () => {
  it.each([
    ["https://e.com/p", "", "https://e.com/p"],
    ["https://e.com/p", "?a=1", "https://e.com/p?a=1"],
    ["https://e.com/p?x=1", "?a=1&b=2", "https://e.com/p?x=1&a=1&b=2"],
    ["https://e.com/p?", "?a=1", "https://e.com/p?a=1"],
    ["https://e.com/p#sec", "?a=1", "https://e.com/p?a=1#sec"],
    ["https://e.com/p?x=1#sec?no", "?a=1", "https://e.com/p?x=1&a=1#sec?no"],
  ])("%s + %s → %s", (destination, query, expected) => {
    expect(withForwardedQuery(destination, query)).toBe(expected);
  });
});
