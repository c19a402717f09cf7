/**
 * Smart Links' marketplace listing as the CRM shows it: the plans and what each includes, built
 * on the server from the app's plan table (which must not reach a browser bundle: it imports the
 * server's error module) and handed to the client pages as plain text.
 */
import { FEATURE_LABELS, PLAN_FEATURES, PLANS } from "@/lib/billing/plans";
import { PLAN_PRICES, type Plan } from "@/app/sandbox/_components/api";

export type PlanListing = { plan: Plan; name: string; price: string; highlights: string[] };

const count = new Intl.NumberFormat("en-US");

/** What every plan includes (product.md, "Plans"): listed once, under Starter. */
const EVERY_PLAN = ["Campaigns, tags, QR Studio and CSV export", "Tag-on-click and contact sync"];

export function listPlans(): PlanListing[] {
  return PLANS.map((plan) => {
    const f = PLAN_FEATURES[plan];
    const highlights = [
      Number.isFinite(f.maxActiveLinks) ? `${count.format(f.maxActiveLinks)} active short links` : "Unlimited active short links",
      `${f.historyDays} days of click and scan history`,
      `${f.maxLandingPages} landing pages`,
      ...(f.passwords ? [FEATURE_LABELS.passwords] : []),
      ...(f.targeting ? [FEATURE_LABELS.targeting] : []),
      ...(f.domains ? [FEATURE_LABELS.domains] : []),
      ...(f.prioritySupport ? ["Priority support"] : []),
      ...(plan === "starter" ? EVERY_PLAN : []),
    ];
    return { plan, name: f.label, price: PLAN_PRICES[plan], highlights };
  });
}
