/**
 * The CRM's SSO payload cipher: CryptoJS `AES.encrypt(json, passphrase)`, i.e. OpenSSL's
 * passphrase mode — base64 of "Salted__" + 8-byte salt + AES-256-CBC ciphertext, key and IV from
 * EVP_BytesToKey (MD5, one iteration). Done with Node's crypto so crypto-js is not needed.
 * Anything else fails closed.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const MAGIC = Buffer.from("Salted__", "latin1");

function evpBytesToKey(passphrase: Buffer, salt: Buffer): { key: Buffer; iv: Buffer } {
  const parts: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let length = 0;
  while (length < 48) {
    previous = createHash("md5").update(Buffer.concat([previous, passphrase, salt])).digest();
    parts.push(previous);
    length += previous.length;
  }
  const derived = Buffer.concat(parts);
  return { key: derived.subarray(0, 32), iv: derived.subarray(32, 48) };
}

/** Decrypts a payload to its UTF-8 text, or returns null when it is not a valid ciphertext for this key. */
export function decryptSsoPayload(payload: string, passphrase: string): string | null {
  if (typeof payload !== "string" || !payload.startsWith("U2FsdGVkX1")) return null;
  const raw = Buffer.from(payload, "base64");
  if (raw.length < 32 || !raw.subarray(0, 8).equals(MAGIC) || (raw.length - 16) % 16 !== 0) return null;
  const { key, iv } = evpBytesToKey(Buffer.from(passphrase, "utf8"), raw.subarray(8, 16));
  try {
    const decipher = createDecipheriv("aes-256-cbc", key, iv);
    return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Encrypts like CryptoJS does (the sandbox CRM uses it to build the payload it hands the iframe). */
export function encryptSsoPayload(plaintext: string, passphrase: string): string {
  const salt = randomBytes(8);
  const { key, iv } = evpBytesToKey(Buffer.from(passphrase, "utf8"), salt);
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([MAGIC, salt, body]).toString("base64");
}
