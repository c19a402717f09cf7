import { countLabel, parseCount } from "@/lib/seed/parse-count";

describe("parseCount", () => {
  it.each([
    ["1000000", 1_000_000],
    ["1_000_000", 1_000_000],
    ["1,000,000", 1_000_000],
    ["1e6", 1_000_000],
    ["1m", 1_000_000],
    ["10M", 10_000_000],
    ["2.5m", 2_500_000],
    ["500k", 500_000],
    ["0", 0],
  ])("%s → %d", (text, value) => expect(parseCount(text)).toBe(value));

  it.each(["", "abc", "-5", "1.5", "1x", "1e400"])("refuses %j", (text) => expect(() => parseCount(text)).toThrow("not a count"));
});

describe("countLabel", () => {
  it.each([
    [1_000_000, "1M"],
    [10_000_000, "10M"],
    [2_500_000, "2.5M"],
    [250_000, "250k"],
    [1_500, "1,500"],
    [1_234, "1,234"],
  ])("%d → %s", (n, label) => expect(countLabel(n)).toBe(label));
});
