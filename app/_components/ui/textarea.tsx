import type { ComponentProps } from "react";

export type TextareaProps = ComponentProps<"textarea"> & { invalid?: boolean };

export function Textarea({ className, invalid, ...rest }: TextareaProps) {
  return <textarea className={["textarea", className].filter(Boolean).join(" ")} aria-invalid={invalid || undefined} {...rest} />;
}
