import {
  createLinkSchema,
  domainSchema,
  expiresAtSchema,
  httpUrlProblem,
  importRowSchema,
  leadCaptureSchema,
  listLinksQuerySchema,
  previewSchema,
  rulesSchema,
  updateLinkSchema,
  utmSchema,
} from "@/lib/links/schemas";

describe("httpUrlProblem", () => {
  it.each([
    ["https://example.com", null],
    ["HTTP://Example.com/a?b=c#d", null],
    ["https://例え.jp/パス", null],
    ["http://localhost:3000/x", null],
    ["javascript:alert(1)", "Only http:// and https:// URLs are accepted"],
    ["JaVaScRiPt:alert(1)", "Only http:// and https:// URLs are accepted"],
    ["http:example.com", "Only http:// and https:// URLs are accepted"],
    ["//example.com", "Only http:// and https:// URLs are accepted"],
    ["https://a\tb.com", "URLs cannot contain spaces or control characters"],
    ["https://a.com/\u200bx", "URLs cannot contain spaces or control characters"],
    ["https://a.com/\nx", "URLs cannot contain spaces or control characters"],
    ["https://[::1", "This is not a valid URL"],
    ["https://me@a.com", "URLs with a user name or password are not accepted"],
  ])("%j → %j", (url, problem) => {
    expect(httpUrlProblem(url)).toBe(problem);
  });
});

describe("createLinkSchema", () => {
  it("treats blanks as absent and trims", () => {
    const v = createLinkSchema.parse({ url: "  https://a.example  ", slug: " ", title: "  ", password: "", expiredUrl: "", expiresAt: "" });
    expect(v).toMatchObject({ url: "https://a.example", slug: undefined, title: null, password: undefined, expiredUrl: null, expiresAt: null });
  });

  it("requires a url", () => {
    const r = createLinkSchema.safeParse({});
    expect(r.error?.issues[0]).toMatchObject({ path: ["url"], message: "Enter a URL" });
  });

  it("caps tags at 50 and passwords at 4–128", () => {
    expect(createLinkSchema.safeParse({ url: "https://a.example", tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }).success).toBe(false);
    expect(createLinkSchema.safeParse({ url: "https://a.example", password: "abc" }).success).toBe(false);
    expect(createLinkSchema.safeParse({ url: "https://a.example", password: "x".repeat(129) }).success).toBe(false);
  });
});

describe("updateLinkSchema", () => {
  it("keeps absent fields absent and null as null", () => {
    expect(updateLinkSchema.parse({ title: null, password: null })).toEqual({ title: null, password: null });
    expect(updateLinkSchema.parse({})).toEqual({});
    expect(updateLinkSchema.safeParse({ slug: "" }).success).toBe(false);
  });
});

describe("expiresAtSchema", () => {
  it.each([
    ["2026-12-31T23:59:00Z", "2026-12-31T23:59:00.000Z"],
    ["2026-12-31T23:59:00+02:00", "2026-12-31T21:59:00.000Z"],
    ["2026-12-31T23:59:00.123Z", "2026-12-31T23:59:00.123Z"],
    ["2026-12-31", "2026-12-31T00:00:00.000Z"],
  ])("reads %s", (text, iso) => {
    expect(expiresAtSchema.parse(text)?.toISOString()).toBe(iso);
  });

  it.each(["2026-12-31T23:59:00", "tomorrow", "2026-13-01", "31/12/2026"])("refuses %s", (text) => {
    expect(expiresAtSchema.safeParse(text).success).toBe(false);
  });
});

describe("domainSchema", () => {
  it("lower-cases, drops a trailing dot, allows the shared domain", () => {
    expect(domainSchema.parse("Go.Brand.COM.")).toBe("go.brand.com");
    expect(domainSchema.parse("")).toBe("");
    for (const bad of ["no_underscore.com", "localhost", "-a.com", "a..com", "https://a.com"]) {
      expect(domainSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("rules, UTM, lead capture and preview", () => {
  it("normalises rules: upper-case unique countries, empty lists dropped", () => {
    expect(rulesSchema.parse({ country: [{ countries: ["de", "DE", "fr"], url: "https://x.example" }], device: [], ab: [] })).toEqual({
      country: [{ countries: ["DE", "FR"], url: "https://x.example" }],
    });
    expect(rulesSchema.parse({})).toEqual({});
    expect(rulesSchema.safeParse({ ab: [{ url: "https://a.example", weight: -1 }, { url: "https://b.example", weight: 1 }] }).success).toBe(false);
  });

  it("drops blank UTM fields; none at all is null", () => {
    expect(utmSchema.parse({ source: " x ", medium: "" })).toEqual({ source: "x" });
    expect(utmSchema.parse({ source: "" })).toBeNull();
  });

  it("defaults lead fields and needs email or phone", () => {
    expect(leadCaptureSchema.parse({ enabled: true })).toEqual({ enabled: true, fields: ["name", "email"] });
    expect(leadCaptureSchema.parse({ enabled: true, fields: ["phone", "phone"], headline: " Hi " })).toEqual({ enabled: true, headline: "Hi", fields: ["phone"] });
    const r = leadCaptureSchema.safeParse({ enabled: true, fields: ["name", "company"] });
    expect(r.error?.issues[0]?.path).toEqual(["fields"]);
    expect(leadCaptureSchema.parse({ enabled: false, fields: ["name"] })).toEqual({ enabled: false, fields: ["name"] });
  });

  it("drops blank preview fields; none at all is null", () => {
    expect(previewSchema.parse({ title: "", image: "" })).toBeNull();
    expect(previewSchema.parse({ title: " T ", image: "https://i.example/x.png" })).toEqual({ title: "T", image: "https://i.example/x.png" });
  });
});

describe("listLinksQuerySchema and importRowSchema", () => {
  it("defaults the list query and coerces the limit", () => {
    expect(listLinksQuerySchema.parse({})).toEqual({ sort: "created", limit: 50 });
    expect(listLinksQuerySchema.parse({ limit: "7", sort: "title", order: "asc" })).toEqual({ sort: "title", order: "asc", limit: 7 });
  });

  it("splits ;-separated tags and reads blank cells as absent", () => {
    expect(importRowSchema.parse({ url: "https://a.example", slug: "", title: "", tags: " a ; b;;", campaign: " ", expires_at: "" })).toEqual({
      url: "https://a.example",
      slug: undefined,
      title: null,
      tags: ["a", "b"],
      campaign: null,
      expires_at: null,
    });
  });
});
