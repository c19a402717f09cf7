import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/app/_components/ui/button";

export type PendingActionProps = {
  /** A stable id for the explanation (the button is described by it). */
  id: string;
  label: string;
  icon?: ReactNode;
  /** Says plainly that the action is not available in this version, and what to do meanwhile. */
  reason: ReactNode;
  variant?: ButtonVariant;
};

/**
 * An action that is designed but not switched on yet: a clearly unavailable button plus the
 * reason in plain text (not hidden in a tooltip), so nobody is led to expect it to work.
 */
export function PendingAction({ id, label, icon, reason, variant = "primary" }: PendingActionProps) {
  return (
    <div className="pending-action">
      <Button variant={variant} icon={icon} unavailable aria-describedby={id}>
        {label}
      </Button>
      <p id={id} className="pending-action-reason">
        {reason}
      </p>
    </div>
  );
}
