/**
 * Deterministic randomness for synthetic data: the same seed gives the same clicks, links and
 * contacts. Never for anything secret (ids and slugs made here are guessable by design).
 */

/** A seeded generator: `next()` in [0, 1), `uint32()` in [0, 2³²). */
export type Random = { next: () => number; uint32: () => number };

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): four 32-bit words of state,
 * passes PractRand, and costs a few integer operations a draw — seeding draws tens of millions.
 */
export function createRandom(seed: number): Random {
  // State in a typed array: 32-bit values kept in closure variables are boxed as heap numbers,
  // which made every draw allocate.
  const s = Int32Array.of(0x9e3779b9, 0x243f6a88, 0xb7e15162, seed | 0);
  const uint32 = (): number => {
    const a = s[0] ?? 0;
    const b = s[1] ?? 0;
    const c = s[2] ?? 0;
    const d = s[3] ?? 0;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  };
  // Mix the seed in before the first draw: nearby seeds must not give nearby streams.
  for (let i = 0; i < 15; i++) uint32();
  return { next: () => uint32() / 4_294_967_296, uint32 };
}

/** A 32-bit hash of strings and numbers (cyrb53's mixing, folded): seeds derived from names. */
export function hashSeed(...parts: (string | number)[]): number {
  const text = parts.join("\u0000");
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2_654_435_761);
    h2 = Math.imul(h2 ^ ch, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  return (h1 ^ h2) >>> 0;
}

/** Items drawn in proportion to their weights: a cumulative table and a binary search per draw. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error("Weighted needs at least one positive weight");
    this.items = kept.map(([item]) => item);
    this.cumulative = new Float64Array(kept.length);
    let total = 0;
    kept.forEach(([, w], i) => (this.cumulative[i] = total += w));
    for (let i = 0; i < kept.length; i++) this.cumulative[i] = (this.cumulative[i] ?? 0) / total;
  }

  /** The item whose share of [0, 1) holds `u`. */
  pick(u: number): T {
    return this.items[searchCumulative(this.cumulative, u, this.items.length)] as T;
  }
}

/** The first index whose cumulative value exceeds `u` (the last one for u ≥ the total). */
export function searchCumulative(cumulative: Float64Array, u: number, length: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Zipf weights 1/(rank+1)^s: with s ≈ 1 a handful of items take most draws and the tail still gets some. */
export function zipfWeights(n: number, s: number): Float64Array {
  const weights = new Float64Array(n);
  for (let r = 0; r < n; r++) weights[r] = 1 / Math.pow(r + 1, s);
  return weights;
}

/** A Fisher–Yates shuffle of 0..n-1. */
export function permutation(n: number, random: Random): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}

const BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** `prefix_` + 16 base62 characters, like `newId` (lib/ids.ts) but from the seeded stream. */
export function seededId(prefix: string, random: Random): string {
  let out = "";
  for (let i = 0; i < 16; i++) out += BASE62[random.uint32() % 62];
  return `${prefix}_${out}`;
}

/** `length` characters of `alphabet` from the seeded stream. */
export function seededString(alphabet: string, length: number, random: Random): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random.next() * alphabet.length)];
  return out;
}
