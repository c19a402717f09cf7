import { matchesFilters, parseTriggerFilters, type ClickedLinkFacts } from "@/lib/workflows/filters";

const link: ClickedLinkFacts = {
  id: "lnk_1",
  workspaceId: "ws_1",
  domain: "",
  slug: "abc",
  url: "https://example.com",
  title: null,
  tags: ["Spring", "vip"],
  campaign: { id: "cmp_1", name: "Spring sale" },
  campaignTags: ["promo"],
};

const f = (field: string, value: unknown) => ({ field, id: "f1", operator: "==", title: field, type: "select", value });

describe("trigger filters", () => {
  it.each([
    [[], true],
    [[f("link", "lnk_1")], true],
    [[f("link", ["lnk_2", "lnk_1"])], true],
    [[f("link", "lnk_2")], false],
    [[f("tag", "SPRING")], true],
    [[f("tag", "promo")], true], // a campaign tag counts
    [[f("tag", ["other", "nope"])], false],
    [[f("campaign", "cmp_1")], true],
    [[f("campaign", "cmp_2")], false],
    [[f("campaign", "cmp_1"), f("tag", "vip")], true],
    [[f("campaign", "cmp_1"), f("tag", "nope")], false],
    [[f("link", ""), f("tag", [])], true], // empty values match everything
    [[f("link", null)], true],
  ])("%j → %s", (filters, expected) => {
    expect(matchesFilters(parseTriggerFilters(filters), link)).toBe(expected);
  });

  it("matches nothing when a stored filter no longer parses", () => {
    expect(parseTriggerFilters([f("country", "US")])).toBeNull();
    expect(matchesFilters(parseTriggerFilters([f("tag", "vip"), { field: "tag", operator: "!=", value: "x" }]), link)).toBe(false);
  });

  it("a link without a campaign never matches a campaign filter", () => {
    expect(matchesFilters(parseTriggerFilters([f("campaign", "cmp_1")]), { ...link, campaign: null, campaignTags: [] })).toBe(false);
  });
});
