"use client";

import { useId } from "react";

export type SwitchProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  description?: string;
  disabled?: boolean;
  id?: string;
  name?: string;
};

/** An on/off switch (role="switch"); the visible label names it and toggles it when clicked. */
export function Switch({ checked, onChange, label, description, disabled, id, name }: SwitchProps) {
  const fallbackId = useId();
  const buttonId = id ?? fallbackId;
  const descriptionId = `${buttonId}-description`;
  return (
    <div className="switch">
      <button
        id={buttonId}
        name={name}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={description ? descriptionId : undefined}
        className="switch-track"
        disabled={disabled}
        onClick={() => onChange(!checked)}
      />
      <span>
        <label className="switch-label" htmlFor={buttonId}>
          {label}
        </label>
        {description ? (
          <span className="switch-description" id={descriptionId}>
            {description}
          </span>
        ) : null}
      </span>
    </div>
  );
}
