import type { TextareaHTMLAttributes } from "react";

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean };

export function Textarea({ className, invalid, ...rest }: TextareaProps) {
  return <textarea className={["textarea", className].filter(Boolean).join(" ")} aria-invalid={invalid || undefined} {...rest} />;
}
