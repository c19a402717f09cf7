import { hashLinkPassword, verifyLinkPassword } from "@/lib/gates/password";

describe("link password hashing", () => {
  it("stores scrypt$N$r$p$salt$hash and never the password", async () => {
    const hash = await hashLinkPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain("correct horse");
  });

  it("salts every hash", async () => {
    expect(await hashLinkPassword("same")).not.toBe(await hashLinkPassword("same"));
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashLinkPassword("s3cret-ünïcode");
    await expect(verifyLinkPassword("s3cret-ünïcode", hash)).resolves.toBe(true);
    await expect(verifyLinkPassword("s3cret-unicode", hash)).resolves.toBe(false);
    await expect(verifyLinkPassword("", hash)).resolves.toBe(false);
  });

  it("treats composed and decomposed forms of a character as the same password", async () => {
    const hash = await hashLinkPassword("caf\u00e9");
    await expect(verifyLinkPassword("cafe\u0301", hash)).resolves.toBe(true);
  });

  it.each([
    ["empty", ""],
    ["other scheme", "bcrypt$2b$10$abc"],
    ["missing parts", "scrypt$32768$8$1$c2FsdA=="],
    ["N not a power of two", "scrypt$1000$8$1$c2FsdA==$aGFzaA=="],
    ["N too large", `scrypt$${2 ** 24}$8$1$c2FsdA==$aGFzaA==`],
    ["empty salt", "scrypt$1024$8$1$$aGFzaA=="],
    ["not numbers", "scrypt$x$8$1$c2FsdA==$aGFzaA=="],
  ])("refuses a malformed hash (%s) without throwing", async (_name, hash) => {
    await expect(verifyLinkPassword("anything", hash)).resolves.toBe(false);
  });

  it("verifies hashes made with other cost parameters", async () => {
    const hash = await hashLinkPassword("pw");
    const cheap = hash.replace(/^scrypt\$32768\$/, "scrypt$1024$");
    // Same salt and key under another N no longer match: the parameters are part of the hash.
    await expect(verifyLinkPassword("pw", cheap)).resolves.toBe(false);
  });
});
