import type { ReactNode } from "react";

export type FieldProps = {
  /** The control's id: the label points at it, and hint/error ids derive from it. */
  id: string;
  label: string;
  hint?: ReactNode;
  /** One message or a list (zod's `fieldErrors[name]`); the first is shown. */
  error?: string | readonly string[];
  /** Appends "(optional)" to the label. */
  optional?: boolean;
  children: ReactNode;
};

function firstMessage(error: FieldProps["error"]): string | undefined {
  return typeof error === "string" ? error || undefined : error?.[0];
}

/** Label + control + hint + inline error. Spread `describedBy(id, error)` on the control to link them. */
export function Field({ id, label, hint, error, optional = false, children }: FieldProps) {
  const message = firstMessage(error);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
        {optional ? <span className="subtle" style={{ fontWeight: 400 }}> (optional)</span> : null}
      </label>
      {children}
      {hint && !message ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {message ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** Props a control inside a Field needs so its hint or error is announced, and invalid state set. */
export function describedBy(
  id: string,
  error?: FieldProps["error"],
  hasHint = true,
): { "aria-describedby"?: string; "aria-invalid"?: true } {
  if (firstMessage(error)) return { "aria-describedby": `${id}-error`, "aria-invalid": true };
  return hasHint ? { "aria-describedby": `${id}-hint` } : {};
}
