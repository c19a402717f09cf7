import { generateApiKey, hashApiKey, isWellFormedApiKey, looksLikeApiKey } from "@/lib/api-keys/api-key-token";

describe("API key tokens", () => {
  it("are sl_live_ + 32 base62 characters, unique, and hash to SHA-256 hex", () => {
    const keys = new Set(Array.from({ length: 500 }, generateApiKey));
    expect(keys.size).toBe(500);
    for (const key of keys) {
      expect(key).toMatch(/^sl_live_[0-9A-Za-z]{32}$/);
      expect(isWellFormedApiKey(key)).toBe(true);
      expect(looksLikeApiKey(key)).toBe(true);
    }
    expect(hashApiKey("sl_live_x")).toMatch(/^[0-9a-f]{64}$/);
    expect(isWellFormedApiKey("sl_live_short")).toBe(false);
    expect(looksLikeApiKey("eyJhbGciOi")).toBe(false);
  });
});
