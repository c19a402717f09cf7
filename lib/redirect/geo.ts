/**
 * Country / region / city from geoip-lite's bundled offline database: no network call on the
 * click path. The database costs about 150 MB of memory and ~0.2 s to load, so it is loaded on
 * first use (or by `preloadGeo()` at start-up), once per process, never at import time.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-state";

export type GeoFacts = {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  /** geoip-lite's subdivision code (ISO 3166-2 suffix or FIPS), e.g. "CA", "ENG". */
  region: string | null;
  city: string | null;
};

/** A geo database: injected in tests, geoip-lite otherwise. */
export type GeoLookup = (ip: string) => GeoFacts;

export const UNKNOWN_GEO: GeoFacts = Object.freeze({ country: null, region: null, city: null });

type GeoipLite = { lookup(ip: string): { country: string; region: string; city: string } | null };

function isGeoipLite(value: unknown): value is GeoipLite {
  return typeof value === "object" && value !== null && "lookup" in value && typeof value.lookup === "function";
}

function loadGeoipLite(): GeoipLite | null {
  try {
    // createRequire, not `require`: dist/server.mjs is an ES module, and geoip-lite (CommonJS,
    // reading its data files next to itself) must be loaded from node_modules, never bundled.
    // The anchor is the working directory, the project root for `npm start` and Next alike.
    const load = createRequire(path.join(process.cwd(), "package.json"));
    const started = performance.now();
    const geoip: unknown = load("geoip-lite");
    if (!isGeoipLite(geoip)) throw new Error("geoip-lite has no lookup()");
    log.info("geo database loaded", { ms: Math.round(performance.now() - started) });
    return geoip;
  } catch (err) {
    // A redirect must never fail for want of geo: every visit gets unknown location instead.
    log.error("geo database unavailable; visits get no location", { err });
    return null;
  }
}

function geoipLite(): GeoipLite | null {
  return processSingleton("geoip-lite", () => ({ db: loadGeoipLite() })).db;
}

/**
 * geoip-lite takes ~10 µs a lookup; a visitor's repeat clicks and bursts from one IP hit this.
 * Keys are IPs held in this process's memory only, like the request itself; nothing persists them.
 */
export const GEO_CACHE_MAX_ENTRIES = 10_000;

function cache(): Map<string, GeoFacts> {
  return processSingleton("geo-cache", () => new Map<string, GeoFacts>());
}

/** Loads the geo database now (call at start-up so the first click does not wait for it). */
export function preloadGeo(): void {
  geoipLite();
}

function nonEmpty(value: string | undefined): string | null {
  return value ? value : null;
}

/** The location of a public IP address; all nulls for private, loopback or unknown addresses. */
export const lookupGeo: GeoLookup = (ip) => {
  const entries = cache();
  const cached = entries.get(ip);
  if (cached) return cached;
  const facts = locate(ip);
  if (entries.size >= GEO_CACHE_MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  entries.set(ip, facts);
  return facts;
};

function locate(ip: string): GeoFacts {
  const hit = geoipLite()?.lookup(ip);
  if (!hit) return UNKNOWN_GEO;
  return Object.freeze({
    country: nonEmpty(hit.country)?.toUpperCase() ?? null,
    region: nonEmpty(hit.region),
    city: nonEmpty(hit.city),
  });
}
