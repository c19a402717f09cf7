import { decryptToken, encryptToken } from "@/lib/crm/token-cipher";

describe("CRM token encryption at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const stored = encryptToken("eyJhbGciOi.access.token", "key-1");
    expect(stored).not.toContain("access");
    expect(decryptToken(stored, "key-1")).toBe("eyJhbGciOi.access.token");
    expect(encryptToken("same", "key-1")).not.toBe(encryptToken("same", "key-1"));
  });

  it("refuses another key and a tampered value", () => {
    const stored = encryptToken("secret-token", "key-1");
    expect(() => decryptToken(stored, "key-2")).toThrow();
    const parts = stored.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    expect(() => decryptToken([parts[0], parts[1], parts[2], body.toString("base64url")].join("."), "key-1")).toThrow();
    expect(() => decryptToken("plain", "key-1")).toThrow("Unrecognised");
  });
});
