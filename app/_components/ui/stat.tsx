import type { ReactNode } from "react";
import { Card } from "@/app/_components/ui/card";

export type StatProps = {
  label: string;
  /** Already formatted ("1,204", "—"). */
  value: string;
  icon?: ReactNode;
  /** A short line under the number, e.g. what is counted. */
  hint?: ReactNode;
  testId?: string;
};

/** A headline number card for dashboards. */
export function Stat({ label, value, icon, hint, testId }: StatProps) {
  return (
    <Card className="stat">
      <div className="stat-top">
        <span className="stat-label">{label}</span>
        {icon ? (
          <span className="stat-icon" aria-hidden="true">
            {icon}
          </span>
        ) : null}
      </div>
      <span className="stat-value" data-testid={testId}>
        {value}
      </span>
      {hint ? <span className="stat-hint">{hint}</span> : null}
    </Card>
  );
}
