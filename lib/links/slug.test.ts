import { randomSlug, RANDOM_SLUG_LENGTH, SLUG_ALPHABET } from "@/lib/links/slug";
import { isReservedSlug, slugSchema } from "@/lib/links/schemas";

describe("randomSlug", () => {
  it("is 7 unambiguous characters that pass the custom slug rules", () => {
    for (let i = 0; i < 2000; i++) {
      const slug = randomSlug();
      expect(slug).toHaveLength(RANDOM_SLUG_LENGTH);
      expect(slug).not.toMatch(/[0O1lI]/);
      expect(slugSchema.safeParse(slug).success).toBe(true);
    }
  });

  it("uses the whole alphabet, roughly evenly", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const c of randomSlug()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(SLUG_ALPHABET.length);
    const expected = (4000 * RANDOM_SLUG_LENGTH) / SLUG_ALPHABET.length;
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.3);
  });

  it("has no look-alike characters in the alphabet", () => {
    expect(SLUG_ALPHABET).not.toMatch(/[0O1lI]/);
    expect(new Set(SLUG_ALPHABET).size).toBe(SLUG_ALPHABET.length);
  });
});

describe("slug rules", () => {
  it.each(["app", "API", "Sandbox", "_next", "HEALTH", "p", "admin"])("refuses the reserved word %s", (slug) => {
    expect(isReservedSlug(slug)).toBe(true);
    const result = slugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/reserved/);
  });

  it.each(["has space", "a/b", "é", "a.b", "x".repeat(65), ""])("refuses %j", (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(false);
  });

  it("accepts letters, digits, - and _, up to 64, case kept", () => {
    expect(slugSchema.parse("Promo_2026-x")).toBe("Promo_2026-x");
    expect(slugSchema.parse("a".repeat(64))).toHaveLength(64);
    expect(slugSchema.safeParse("bad!").error?.issues[0]?.message).toMatch(/case-sensitive/);
  });
});
