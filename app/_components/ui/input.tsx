import type { ComponentProps, ReactNode } from "react";

export type InputProps = ComponentProps<"input"> & {
  invalid?: boolean;
  /** Decorative leading icon, e.g. a search glass. */
  icon?: ReactNode;
};

/** A text input (React 19: `ref` is a plain prop). */
export function Input({ className, invalid, icon, ...rest }: InputProps) {
  const input = (
    <input
      className={["input", icon ? "input-with-icon" : "", className].filter(Boolean).join(" ")}
      aria-invalid={invalid || undefined}
      {...rest}
    />
  );
  if (!icon) return input;
  return (
    <span className="input-wrap">
      <span className="input-icon" aria-hidden="true">
        {icon}
      </span>
      {input}
    </span>
  );
}
