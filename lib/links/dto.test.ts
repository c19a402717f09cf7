import type { LinkRow } from "@/db/schema";
import { linkStatusOf, shortUrlOf, toLinkDto } from "@/lib/links/dto";
import { linkDtoSchema } from "@/lib/links/schemas";

const NOW = new Date("2026-06-01T12:00:00Z");
const base = { status: "active" as const, expiresAt: null, clickLimit: null, humanClicks: 0 };

describe("linkStatusOf", () => {
  it.each([
    ["active", base, "active"],
    ["archived wins over everything", { ...base, status: "archived" as const, expiresAt: new Date(0), clickLimit: 1, humanClicks: 5 }, "archived"],
    ["expired at the instant", { ...base, expiresAt: NOW }, "expired"],
    ["not yet expired", { ...base, expiresAt: new Date(NOW.getTime() + 1) }, "active"],
    ["expired wins over limit", { ...base, expiresAt: new Date(0), clickLimit: 1, humanClicks: 1 }, "expired"],
    ["limit reached", { ...base, clickLimit: 3, humanClicks: 3 }, "limit_reached"],
    ["under the limit", { ...base, clickLimit: 3, humanClicks: 2 }, "active"],
  ])("%s", (_name, row, status) => {
    expect(linkStatusOf(row, NOW)).toBe(status);
  });
});

describe("toLinkDto", () => {
  const row: LinkRow = {
    id: "lnk_1",
    workspaceId: "ws_1",
    domain: "",
    slug: "Abc",
    url: "https://a.example/?x=1",
    title: null,
    description: null,
    utm: { source: "sms" },
    rules: {},
    passwordHash: "scrypt$secret",
    expiresAt: null,
    expiredUrl: null,
    clickLimit: null,
    limitUrl: null,
    leadCapture: null,
    crm: {},
    preview: null,
    qrStyle: null,
    status: "active",
    campaignId: null,
    createdByUserId: null,
    parentLinkId: null,
    contactId: null,
    clicks: 4,
    lastClickedAt: null,
    humanClicks: 4,
    createdAt: NOW,
    updatedAt: NOW,
  };

  it("derives the short URL, destination and hasPassword, and never leaks the hash", () => {
    const dto = toLinkDto({ row, tags: [], campaign: null }, { shortBaseUrl: "https://sl.test", now: NOW });
    expect(linkDtoSchema.parse(dto)).toEqual(dto);
    expect(dto).toMatchObject({ shortUrl: "https://sl.test/Abc", destination: "https://a.example/?x=1&utm_source=sms", hasPassword: true, status: "active" });
    expect(JSON.stringify(dto)).not.toContain("scrypt");
    expect(shortUrlOf("go.brand.test", "x", "https://sl.test")).toBe("https://go.brand.test/x");
  });
});
