import golden from "@/lib/redirect/fixtures/user-agents.json";
import { classifyUserAgent, deviceTypeOf, MAX_USER_AGENT_LENGTH, osKeyOf, UA_CACHE_MAX_ENTRIES } from "@/lib/redirect/user-agent";
import { dropProcessSingleton } from "@/lib/process-state";

// Golden file: one reviewed row per User-Agent. A ua-parser-js or isbot upgrade that changes a row
// shows up here; fix the code or, if the new answer is better, the row.
describe("classifyUserAgent golden fixtures", () => {
  it.each(golden.map((row) => [row.name, row] as const))("%s", (_name, row) => {
    const { name: _n, ua, ...expected } = row;
    expect(classifyUserAgent(ua)).toEqual(expected);
  });

  it("covers the samples the contract names", () => {
    const names = new Set(golden.map((r) => r.name));
    for (const name of ["iPhone Safari", "Android Chrome", "iPad Safari", "Windows Edge", "macOS Safari", "Linux Firefox"]) {
      expect(names).toContain(name);
    }
    expect(golden.filter((r) => r.isPreview).length).toBeGreaterThanOrEqual(20);
  });
});

describe("classifyUserAgent", () => {
  beforeEach(() => dropProcessSingleton("ua-cache"));

  it("answers a repeated UA from the cache (same object)", () => {
    const ua = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    expect(classifyUserAgent(ua)).toBe(classifyUserAgent(ua));
  });

  it("keeps the cache bounded, dropping the oldest entry", () => {
    const first = classifyUserAgent("agent/0");
    for (let i = 1; i <= UA_CACHE_MAX_ENTRIES; i++) classifyUserAgent(`agent/${i}`);
    expect(classifyUserAgent(`agent/${UA_CACHE_MAX_ENTRIES}`)).toBe(classifyUserAgent(`agent/${UA_CACHE_MAX_ENTRIES}`));
    expect(classifyUserAgent("agent/0")).not.toBe(first);
  });

  it("cuts very long User-Agents before parsing and caching", () => {
    const base = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ";
    const long = base + "x".repeat(100_000);
    const facts = classifyUserAgent(long);
    expect(facts.deviceType).toBe("mobile");
    expect(classifyUserAgent(long.slice(0, MAX_USER_AGENT_LENGTH))).toBe(facts);
  });
});

describe("deviceTypeOf", () => {
  it.each([
    ["mobile", "mobile"],
    ["wearable", "mobile"],
    ["tablet", "tablet"],
    ["smarttv", "desktop"],
    ["console", "desktop"],
    ["embedded", "desktop"],
    [undefined, "desktop"],
  ] as const)("%s → %s", (input, expected) => {
    expect(deviceTypeOf(input)).toBe(expected);
  });
});

describe("osKeyOf", () => {
  it.each([
    ["iOS", "ios"],
    ["iPadOS", "ios"],
    ["Android", "android"],
    ["Windows", "windows"],
    ["Mac OS", "macos"],
    ["macOS", "macos"],
    ["Linux", "linux"],
    ["Ubuntu", "linux"],
    ["Debian", "linux"],
    ["Fedora", "linux"],
    ["Arch", "linux"],
    ["Mint", "linux"],
    ["Chromium OS", null],
    ["Windows Phone", null],
    ["Tizen", null],
    ["HarmonyOS", null],
    [null, null],
  ] as const)("%s → %s", (input, expected) => {
    expect(osKeyOf(input)).toBe(expected);
  });
});
