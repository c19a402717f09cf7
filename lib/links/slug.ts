/**
 * Random slugs: 7 characters over an alphabet without look-alikes (no 0/O, 1/l/I), from the
 * platform's secure generator, without modulo bias. 57^7 ≈ 1.95e12 slugs; collisions are
 * retried by the writer, which relies on the `(domain, slug)` unique index.
 */
import { isReservedSlug } from "@/lib/links/schemas";

export const SLUG_ALPHABET = "23456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
export const RANDOM_SLUG_LENGTH = 7;
/** Random slugs tried before giving up: a miss is ~1e-12 likely per link at today's scale. */
export const RANDOM_SLUG_ATTEMPTS = 8;

// Largest multiple of the alphabet size that fits a byte: bytes at or above it are redrawn.
const LIMIT = 256 - (256 % SLUG_ALPHABET.length);

export function randomSlug(length: number = RANDOM_SLUG_LENGTH): string {
  for (;;) {
    let out = "";
    while (out.length < length) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
      for (const byte of bytes) {
        if (byte >= LIMIT) continue;
        out += SLUG_ALPHABET[byte % SLUG_ALPHABET.length];
        if (out.length === length) break;
      }
    }
    // "sandbox" is 7 letters of the alphabet: never hand out a reserved word.
    if (!isReservedSlug(out)) return out;
  }
}
