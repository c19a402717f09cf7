"use client";

export type SwitchProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  description?: string;
  disabled?: boolean;
  id?: string;
};

/** An on/off switch (role="switch"), labelled for screen readers. */
export function Switch({ checked, onChange, label, description, disabled, id }: SwitchProps) {
  return (
    <div className="switch">
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={label}
        className="switch-track"
        disabled={disabled}
        onClick={() => onChange(!checked)}
      />
      <span onClick={() => !disabled && onChange(!checked)}>
        <span style={{ fontWeight: 550 }}>{label}</span>
        {description ? <span className="subtle" style={{ display: "block", fontSize: 12.5 }}>{description}</span> : null}
      </span>
    </div>
  );
}
