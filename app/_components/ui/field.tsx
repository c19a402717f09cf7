import type { ReactNode } from "react";

export type FieldProps = { id: string; label: string; hint?: ReactNode; error?: string | string[]; children: ReactNode };

/** Label + control + hint + inline error; the control is wired by `id` (and aria-describedby). */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const message = Array.isArray(error) ? error[0] : error;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
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

/** Props a control inside a Field needs to be announced with its hint or error. */
export function describedBy(id: string, error?: string | string[]): { "aria-describedby": string; "aria-invalid"?: true } {
  return error && error.length > 0 ? { "aria-describedby": `${id}-error`, "aria-invalid": true } : { "aria-describedby": `${id}-hint` };
}
