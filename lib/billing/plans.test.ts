import { AppError, toErrorPayload } from "@/lib/errors";
import { assertFeature, hasFeature, PLAN_FEATURES } from "@/lib/billing/plans";

describe("plan capabilities", () => {
  it.each([
    ["starter", "passwords", false],
    ["starter", "targeting", false],
    ["starter", "domains", false],
    ["pro", "passwords", true],
    ["pro", "targeting", true],
    ["pro", "domains", true],
  ] as const)("%s has %s: %s", (plan, feature, expected) => {
    expect(hasFeature(plan, feature)).toBe(expected);
  });

  it("limits Starter to 1,000 active links and 180 days of history; Pro is unlimited with 365 days", () => {
    expect(PLAN_FEATURES.starter.maxActiveLinks).toBe(1000);
    expect(PLAN_FEATURES.starter.historyDays).toBe(180);
    expect(PLAN_FEATURES.pro.maxActiveLinks).toBe(Number.POSITIVE_INFINITY);
    expect(PLAN_FEATURES.pro.historyDays).toBe(365);
  });

  it("refuses a Pro feature on Starter with a 403 plan_required body naming the feature", () => {
    let thrown: unknown;
    try {
      assertFeature("starter", "passwords");
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(toErrorPayload(thrown)).toEqual({
      status: 403,
      body: {
        error: {
          code: "plan_required",
          message: "Password protection needs the Pro plan",
          details: { feature: "passwords", plan: "starter" },
        },
      },
    });
    expect(() => assertFeature("pro", "passwords")).not.toThrow();
  });
});
