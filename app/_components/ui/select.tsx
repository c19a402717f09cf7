import type { ComponentProps } from "react";

export type SelectOption = { value: string; label: string; disabled?: boolean };
export type SelectProps = ComponentProps<"select"> & {
  options: readonly SelectOption[];
  invalid?: boolean;
  /** An empty first option, e.g. "No campaign". */
  placeholder?: string;
};

export function Select({ options, invalid, placeholder, className, ...rest }: SelectProps) {
  return (
    <select className={["select", className].filter(Boolean).join(" ")} aria-invalid={invalid || undefined} {...rest}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
