/**
 * The click path's in-process cache of resolved short links, keyed by `(domain, slug)`.
 * One per process (Next's bundle and server.ts share it through `processSingleton`), so an edit
 * made through Next invalidates what the fast path reads. Other instances see edits within
 * `LINK_CACHE_TTL_MS` (plus `LINK_CACHE_STALE_MS` at most, below). Misses are cached too (as
 * `null`), so a flood of unknown slugs costs one query per slug per TTL.
 *
 * `readThroughLink` adds what a busy link needs:
 * - single flight: concurrent misses of one key share one query;
 * - stale-while-revalidate: for `LINK_CACHE_STALE_MS` after expiry the old value is still
 *   served while one background query refreshes it, so a hot link never makes a visitor wait
 *   for the database once it is cached;
 * - a generation guard: a query that started before `invalidateLinkCache()` never stores its
 *   (possibly pre-edit) answer.
 */
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-state";

export const LINK_CACHE_TTL_MS = 5_000;
/**
 * With PGlite one process owns the database, so there are no other instances whose edits could
 * go unseen: every edit invalidates this cache directly, and the TTL only heals an invalidation
 * that some code path forgot. A long one spares the embedded database (which runs on the server's
 * own thread) from re-reading every link every few seconds.
 */
export const SINGLE_PROCESS_LINK_CACHE_TTL_MS = 60_000;
/** How long past its TTL an entry may still be served while it is being refreshed. */
export const LINK_CACHE_STALE_MS = 5_000;
/** Entries kept at most; the oldest are dropped first (Map keeps insertion order). */
export const LINK_CACHE_MAX_ENTRIES = 50_000;

type Entry = { value: unknown; expiresAt: number };
type Store = { entries: Map<string, Entry>; loading: Map<string, Promise<unknown>>; generation: number };

function store(): Store {
  return processSingleton<Store>("link-cache.v2", () => ({ entries: new Map(), loading: new Map(), generation: 0 }));
}

function keyOf(domain: string, slug: string): string {
  return `${domain}\u0000${slug}`;
}

/** The cached value (a resolved link, or null for "no such link"), or undefined when not cached. */
export function cachedLink<T>(domain: string, slug: string, now: number = Date.now()): T | null | undefined {
  const entry = store().entries.get(keyOf(domain, slug));
  if (!entry || entry.expiresAt <= now) return undefined;
  return entry.value as T | null;
}

function put(s: Store, key: string, value: unknown, now: number, ttlMs: number): void {
  if (!s.entries.has(key) && s.entries.size >= LINK_CACHE_MAX_ENTRIES) {
    const oldest = s.entries.keys().next();
    if (!oldest.done) s.entries.delete(oldest.value);
  }
  s.entries.delete(key); // re-insert: the Map's order is the eviction order
  s.entries.set(key, { value, expiresAt: now + ttlMs });
}

export function rememberLink<T>(domain: string, slug: string, value: T | null, now: number = Date.now()): void {
  put(store(), keyOf(domain, slug), value, now, LINK_CACHE_TTL_MS);
}

function load<T>(s: Store, key: string, loader: () => Promise<T | null>, ttlMs: number): Promise<T | null> {
  const running = s.loading.get(key);
  if (running) return running as Promise<T | null>;
  const generation = s.generation;
  const promise = loader().then(
    (value) => {
      if (s.generation === generation) put(s, key, value, Date.now(), ttlMs);
      return value;
    },
  );
  const settled = () => {
    if (s.loading.get(key) === promise) s.loading.delete(key);
  };
  promise.then(settled, settled);
  s.loading.set(key, promise);
  return promise;
}

/**
 * The value for `(domain, slug)` from the cache, or from `loader` on a miss (see the header for
 * single flight and stale-while-revalidate). A loader failure rejects only callers that had no
 * usable cached value; a failed background refresh is logged and retried by the next visitor.
 */
export function readThroughLink<T>(
  domain: string,
  slug: string,
  loader: () => Promise<T | null>,
  now: number = Date.now(),
  ttlMs: number = LINK_CACHE_TTL_MS,
): T | null | Promise<T | null> {
  const s = store();
  const key = keyOf(domain, slug);
  const entry = s.entries.get(key);
  if (entry && entry.expiresAt > now) return entry.value as T | null;
  if (entry && entry.expiresAt + LINK_CACHE_STALE_MS > now) {
    load(s, key, loader, ttlMs).catch((err: unknown) => log.warn("link cache refresh failed", { err }));
    return entry.value as T | null;
  }
  return load(s, key, loader, ttlMs);
}

/**
 * Forgets every cached link. Called after any change that can alter what a short URL answers
 * (link edit, archive, delete, slug/domain change, workspace uninstall or reinstall, plan change):
 * edits are rare next to clicks, so clearing everything is simpler than tracking keys and never wrong.
 */
export function invalidateLinkCache(): void {
  const s = store();
  s.generation += 1;
  s.entries.clear();
  s.loading.clear();
}
