import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "brand" | "success" | "warning" | "danger";

export type BadgeProps = { tone?: BadgeTone; children: ReactNode; title?: string; className?: string; testId?: string };

export function Badge({ tone = "neutral", children, title, className, testId }: BadgeProps) {
  return (
    <span className={["badge", `badge-${tone}`, className].filter(Boolean).join(" ")} title={title} data-testid={testId}>
      {children}
    </span>
  );
}

export const PLAN_LABELS = { starter: "Starter", pro: "Pro" } as const;

/** The plan badge: Pro wears the brand gradient, Starter stays quiet. */
export function PlanBadge({ plan, testId }: { plan: "starter" | "pro"; testId?: string }) {
  return (
    <span className={`badge badge-plan${plan === "starter" ? " badge-plan-starter" : ""}`} data-testid={testId}>
      {PLAN_LABELS[plan]}
    </span>
  );
}
