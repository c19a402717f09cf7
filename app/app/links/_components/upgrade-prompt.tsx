import { SparkIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";

export type UpgradePromptProps = {
  /** What the section would offer, e.g. "Country, device and A/B routing". */
  feature: string;
  testId?: string;
};

/**
 * Shown instead of a Pro-only section on Starter: the plan change itself happens in the CRM's
 * billing (the header's plan badge leads there too), so this only explains and points.
 */
export function UpgradePrompt({ feature, testId }: UpgradePromptProps) {
  return (
    <div className="upgrade-prompt" data-testid={testId}>
      <span className="upgrade-prompt-icon" aria-hidden="true">
        <SparkIcon size={16} />
      </span>
      <div className="upgrade-prompt-text">
        <strong>{feature}</strong>
        <span className="muted">Available on Pro — upgrade in your CRM&apos;s billing.</span>
      </div>
      <Button href="/app/settings/plan" size="sm">
        Compare plans
      </Button>
    </div>
  );
}
