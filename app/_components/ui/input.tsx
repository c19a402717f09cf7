import type { InputHTMLAttributes } from "react";

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean };

export function Input({ className, invalid, ...rest }: InputProps) {
  return <input className={["input", className].filter(Boolean).join(" ")} aria-invalid={invalid || undefined} {...rest} />;
}
