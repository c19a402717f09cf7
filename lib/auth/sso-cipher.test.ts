import { createCipheriv, createHash } from "node:crypto";
import { decryptSsoPayload, encryptSsoPayload } from "@/lib/auth/sso-cipher";

// A fixture built independently of the module: OpenSSL's EVP_BytesToKey spelled out by hand.
function opensslEncrypt(plaintext: string, passphrase: string, salt: Buffer): string {
  const d1 = createHash("md5").update(Buffer.concat([Buffer.from(passphrase), salt])).digest();
  const d2 = createHash("md5").update(Buffer.concat([d1, Buffer.from(passphrase), salt])).digest();
  const d3 = createHash("md5").update(Buffer.concat([d2, Buffer.from(passphrase), salt])).digest();
  const key = Buffer.concat([d1, d2]);
  const cipher = createCipheriv("aes-256-cbc", key, d3);
  return Buffer.concat([Buffer.from("Salted__"), salt, cipher.update(plaintext), cipher.final()]).toString("base64");
}

const payload = JSON.stringify({ userId: "u1", companyId: "c1", role: "admin", type: "agency", activeLocation: "loc1" });

describe("SSO payload cipher", () => {
  it("decrypts a CryptoJS/OpenSSL passphrase-mode payload", () => {
    const blob = opensslEncrypt(payload, "shared-secret", Buffer.from("0011223344556677", "hex"));
    expect(blob.startsWith("U2FsdGVkX1")).toBe(true);
    expect(decryptSsoPayload(blob, "shared-secret")).toBe(payload);
  });

  it("round-trips what the sandbox encrypts, with a fresh salt each time", () => {
    const a = encryptSsoPayload(payload, "k");
    const b = encryptSsoPayload(payload, "k");
    expect(a).not.toBe(b);
    expect(decryptSsoPayload(a, "k")).toBe(payload);
  });

  it.each([
    ["the wrong key", () => encryptSsoPayload(payload, "other-key")],
    ["not base64 ciphertext", () => "hello"],
    ["a truncated payload", () => encryptSsoPayload(payload, "k").slice(0, 30)],
    ["an AES-GCM style object", () => JSON.stringify({ iv: "x", cipherText: "y", tag: "z" })],
  ])("fails closed on %s", (_label, make) => {
    const result = decryptSsoPayload(make(), "k");
    // A wrong key can, rarely, unpad to garbage: it must then not be the original payload.
    expect(result === null || result !== payload).toBe(true);
  });
});
