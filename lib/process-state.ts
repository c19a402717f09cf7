/**
 * Process-wide singletons. Next's server bundle and `server.ts` each load their own copy of
 * `lib/`, so module-level state would exist twice in one process. Everything that must exist
 * once (db client, caches, click writer, worker, geo data) is kept on `globalThis` under a
 * `Symbol.for("smart-links.<name>")` key, which both copies resolve to the same slot.
 */
const keys = new Map<string, symbol>();

function keyOf(name: string): symbol {
  let key = keys.get(name);
  if (!key) {
    key = Symbol.for(`smart-links.${name}`);
    keys.set(name, key);
  }
  return key;
}

export function processSingleton<T>(name: string, create: () => T): T {
  const key = keyOf(name);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  const existing = slots[key];
  if (existing !== undefined) return existing;
  const created = create();
  slots[key] = created;
  return created;
}

/** Forgets a singleton (tests and shutdown only). */
export function dropProcessSingleton(name: string): void {
  const slots = globalThis as unknown as Record<symbol, unknown>;
  delete slots[keyOf(name)];
}
