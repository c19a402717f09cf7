import { clientIp, normalizeIp } from "@/lib/redirect/client-ip";

describe("clientIp", () => {
  it.each([
    // [X-Forwarded-For, socket, hops, expected]
    ["203.0.113.7", "10.0.0.2", 0, "10.0.0.2"],
    [null, "10.0.0.2", 0, "10.0.0.2"],
    ["203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
    ["198.51.100.1, 203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
    ["198.51.100.1, 203.0.113.7", "10.0.0.2", 2, "198.51.100.1"],
    ["6.6.6.6, 198.51.100.1, 203.0.113.7", "10.0.0.2", 2, "198.51.100.1"],
    ["198.51.100.1,203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
    // Fewer entries than hops: the leftmost.
    ["198.51.100.1, 203.0.113.7", "10.0.0.2", 5, "198.51.100.1"],
    // No header at all: the socket (a request that reached us without the proxy).
    [null, "10.0.0.2", 1, "10.0.0.2"],
    ["", "10.0.0.2", 1, "10.0.0.2"],
    [" , ", "10.0.0.2", 1, "10.0.0.2"],
    // IPv6 and IPv4-mapped IPv6.
    ["2001:db8::1", "10.0.0.2", 1, "2001:db8::1"],
    ["203.0.113.7", "::ffff:10.0.0.2", 0, "10.0.0.2"],
    ["::ffff:203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
    ["::FFFF:203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
    ["2001:DB8::1", "10.0.0.2", 1, "2001:db8::1"],
    // What some proxies write: ports and brackets.
    ["203.0.113.7:51234", "10.0.0.2", 1, "203.0.113.7"],
    ["[2001:db8::1]:443", "10.0.0.2", 1, "2001:db8::1"],
    // A forged or broken entry is no address.
    ["not-an-ip", "10.0.0.2", 1, null],
    ["198.51.100.1, unknown", "10.0.0.2", 1, null],
    [null, null, 0, null],
  ] as const)("XFF %j socket %j hops %d → %j", (xff, socket, hops, expected) => {
    expect(clientIp(xff, socket, hops)).toBe(expected);
  });
});

describe("normalizeIp", () => {
  it.each([
    ["::ffff:8.8.8.8", "8.8.8.8"],
    ["::1", "::1"],
    [" 8.8.8.8 ", "8.8.8.8"],
    ["999.1.1.1", null],
    ["", null],
    [null, null],
  ] as const)("%j → %j", (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });
});
