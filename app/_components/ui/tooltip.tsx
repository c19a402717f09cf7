import { useId, type ReactNode } from "react";

/** A hover/focus tooltip; the trigger is described by the bubble for screen readers. */
export function Tooltip({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <span className="tooltip" aria-describedby={id} tabIndex={-1}>
      {children}
      <span role="tooltip" id={id} className="tooltip-bubble">
        {label}
      </span>
    </span>
  );
}
