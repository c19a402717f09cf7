import { cloneElement, useId, type ReactElement } from "react";

export type TooltipProps = {
  /** The text shown on hover and keyboard focus; also the trigger's accessible description. */
  label: string;
  /** One focusable element (button, link, or a Button with `unavailable`). */
  children: ReactElement<{ "aria-describedby"?: string }>;
  placement?: "top" | "bottom";
  /** Horizontal anchoring of the bubble: keep "start"/"end" near the edges of narrow iframes. */
  align?: "center" | "start" | "end";
};

/**
 * CSS-only tooltip (works in server components). The trigger gets `aria-describedby` pointing
 * at the bubble, so screen readers announce the label when it is focused. Natively `disabled`
 * buttons cannot be focused: use `<Button unavailable>` as the trigger instead.
 */
export function Tooltip({ label, children, placement = "top", align = "center" }: TooltipProps) {
  const id = useId();
  const describedBy = [children.props["aria-describedby"], id].filter(Boolean).join(" ");
  const classes = ["tooltip", `tooltip-${placement}`, align === "center" ? "" : `tooltip-${align}`].filter(Boolean).join(" ");
  return (
    <span className={classes}>
      {cloneElement(children, { "aria-describedby": describedBy })}
      <span role="tooltip" id={id} className="tooltip-bubble">
        {label}
      </span>
    </span>
  );
}
