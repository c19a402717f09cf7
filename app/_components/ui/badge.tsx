import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "brand" | "success" | "warning" | "danger";

export function Badge({ tone = "neutral", children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

/** The plan badge: Pro wears the brand gradient, Starter stays quiet. */
export function PlanBadge({ plan, testId }: { plan: "starter" | "pro"; testId?: string }) {
  return (
    <span className={`badge badge-plan${plan === "starter" ? " badge-plan-starter" : ""}`} data-testid={testId}>
      {plan === "pro" ? "Pro" : "Starter"}
    </span>
  );
}
