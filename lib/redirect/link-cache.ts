/**
 * The click path's in-process cache of resolved short links, keyed by `(domain, slug)`.
 * One per process (Next's bundle and server.ts share it through `processSingleton`), so an edit
 * made through Next invalidates what the fast path reads. Other instances see edits within
 * `LINK_CACHE_TTL_MS`. Misses are cached too (as `null`), so a flood of unknown slugs costs
 * one query per slug per TTL.
 */
import { processSingleton } from "@/lib/process-state";

export const LINK_CACHE_TTL_MS = 5_000;
/** Entries kept at most; the oldest are dropped first (Map keeps insertion order). */
export const LINK_CACHE_MAX_ENTRIES = 50_000;

type Entry = { value: unknown; expiresAt: number };

function store(): Map<string, Entry> {
  return processSingleton("link-cache", () => new Map<string, Entry>());
}

function keyOf(domain: string, slug: string): string {
  return `${domain}\u0000${slug}`;
}

/** The cached value (a resolved link, or null for "no such link"), or undefined when not cached. */
export function cachedLink<T>(domain: string, slug: string, now: number = Date.now()): T | null | undefined {
  const entries = store();
  const key = keyOf(domain, slug);
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    entries.delete(key);
    return undefined;
  }
  return entry.value as T | null;
}

export function rememberLink<T>(domain: string, slug: string, value: T | null, now: number = Date.now()): void {
  const entries = store();
  if (entries.size >= LINK_CACHE_MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  entries.set(keyOf(domain, slug), { value, expiresAt: now + LINK_CACHE_TTL_MS });
}

/**
 * Forgets every cached link. Called after any change that can alter what a short URL answers
 * (link edit, archive, delete, slug/domain change, workspace uninstall or reinstall, plan change):
 * edits are rare next to clicks, so clearing everything is simpler than tracking keys and never wrong.
 */
export function invalidateLinkCache(): void {
  store().clear();
}
