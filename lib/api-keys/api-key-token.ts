/**
 * API key format: `sl_live_` + 32 base62 characters (~190 bits) from the secure generator.
 * Only the SHA-256 of the key is stored: a fast hash is right here (unlike passwords) because
 * the key is long and random, so there is nothing to guess, and lookups stay one indexed read.
 */
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "sl_live_";
const BODY_LENGTH = 32;
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LIMIT = 256 - (256 % ALPHABET.length);
/** Characters of the key kept in clear to tell keys apart (the prefix and 8 random ones). */
export const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${BODY_LENGTH}}$`);

export function generateApiKey(): string {
  let body = "";
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(BODY_LENGTH * 2)) {
      if (byte >= LIMIT) continue;
      body += ALPHABET[byte % ALPHABET.length];
      if (body.length === BODY_LENGTH) break;
    }
  }
  return `${API_KEY_PREFIX}${body}`;
}

/** Bearer tokens that are meant as API keys (anything else is tried as a session token). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

export function isWellFormedApiKey(token: string): boolean {
  return KEY_PATTERN.test(token);
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
