import { dropProcessSingleton } from "@/lib/process-state";

const SLOT = Symbol.for("smart-links.geoip-lite");

describe("lookupGeo (geoip-lite's bundled data)", () => {
  afterAll(() => {
    dropProcessSingleton("geoip-lite");
    dropProcessSingleton("geo-cache");
  });

  it("loads nothing at import time", async () => {
    await import("@/lib/redirect/geo");
    expect((globalThis as Record<symbol, unknown>)[SLOT]).toBeUndefined();
  });

  it("finds public addresses", async () => {
    const { lookupGeo } = await import("@/lib/redirect/geo");
    // The bundled GeoLite2 data places Google's resolver in the US, without a region or city.
    expect(lookupGeo("8.8.8.8")).toEqual({ country: "US", region: null, city: null });
    expect(lookupGeo("81.2.69.142")).toEqual({ country: "GB", region: "ENG", city: "St Albans" });
    expect(lookupGeo("2001:4860:4860::8888").country).toBe("US");
    expect((globalThis as Record<symbol, unknown>)[SLOT]).toBeDefined();
  });

  it.each(["127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.1", "::1", "fe80::1", "not-an-ip"])(
    "knows nothing about %s",
    async (ip) => {
      const { lookupGeo } = await import("@/lib/redirect/geo");
      expect(lookupGeo(ip)).toEqual({ country: null, region: null, city: null });
    },
  );

  it("answers a repeated address from its cache", async () => {
    const { lookupGeo } = await import("@/lib/redirect/geo");
    expect(lookupGeo("81.2.69.142")).toBe(lookupGeo("81.2.69.142"));
  });

  it("answers unknown (not an empty string) where the data has no country", async () => {
    const { lookupGeo } = await import("@/lib/redirect/geo");
    expect(lookupGeo("1.1.1.1").country).toBeNull();
  });
});
