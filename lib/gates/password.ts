/**
 * Link passwords: stored only as an scrypt hash, `scrypt$N$r$p$saltB64$hashB64`, so the cost
 * parameters travel with each hash and can be raised later without breaking old ones.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** 2^15: about 30 ms and 32 MiB per hash on this machine — slow for guessing, fine for one unlock. */
const COST = { N: 32_768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Refuse absurd parameters from a tampered or corrupt hash (they would pin the CPU or memory). */
const MAX_N = 1 << 20;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function memoryFor(N: number, r: number, p: number): number {
  // Node refuses when 128 * N * r * p exceeds maxmem (default 32 MiB); give it headroom.
  return 128 * N * r * p + 16 * 1024 * 1024;
}

/** Hashes a link password for `links.password_hash`. */
export async function hashLinkPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const { N, r, p } = COST;
  const key = await scryptAsync(password, salt, KEY_BYTES, { N, r, p, maxmem: memoryFor(N, r, p) });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** True when `password` matches `hash`; false for a wrong password or a malformed hash (never throws). */
export async function verifyLinkPassword(password: string, hash: string): Promise<boolean> {
  const parts = hash.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const valid = (n: number) => Number.isSafeInteger(n) && n > 0;
  if (!valid(N) || !valid(r) || !valid(p) || N > MAX_N || (N & (N - 1)) !== 0 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const expected = Buffer.from(parts[5] ?? "", "base64");
  if (salt.length === 0 || expected.length === 0) return false;
  try {
    const actual = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: memoryFor(N, r, p) });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
