/**
 * What each plan includes: one table, read by the server (which refuses with `plan_required`)
 * and by the UI (which shows the upgrade prompt instead of failing silently).
 */
import { AppError } from "@/lib/errors";

export const PLANS = ["starter", "pro"] as const;
export type Plan = (typeof PLANS)[number];

export type Capabilities = {
  label: string;
  priceMonthlyUsd: number;
  maxActiveLinks: number;
  historyDays: number;
  maxLandingPages: number;
  passwords: boolean;
  targeting: boolean;
  domains: boolean;
  prioritySupport: boolean;
};

export const PLAN_FEATURES = {
  starter: {
    label: "Starter",
    priceMonthlyUsd: 29,
    maxActiveLinks: 1000,
    historyDays: 180,
    maxLandingPages: 50,
    passwords: false,
    targeting: false,
    domains: false,
    prioritySupport: false,
  },
  pro: {
    label: "Pro",
    priceMonthlyUsd: 49,
    maxActiveLinks: Number.POSITIVE_INFINITY,
    historyDays: 365,
    maxLandingPages: 250,
    passwords: true,
    targeting: true,
    domains: true,
    prioritySupport: true,
  },
} as const satisfies Record<Plan, Capabilities>;

export type Feature = "passwords" | "targeting" | "domains";

export const FEATURE_LABELS: Record<Feature, string> = {
  passwords: "Password protection",
  targeting: "Country and device targeting, A/B rotation",
  domains: "Custom branded domains",
};

export function hasFeature(plan: Plan, feature: Feature): boolean {
  return PLAN_FEATURES[plan][feature];
}

/** Throws `plan_required` (403) when the plan lacks the feature. */
export function assertFeature(plan: Plan, feature: Feature): void {
  if (!hasFeature(plan, feature)) {
    throw new AppError("plan_required", `${FEATURE_LABELS[feature]} needs the Pro plan`, { feature, plan });
  }
}
