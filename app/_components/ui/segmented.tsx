"use client";

import { useState } from "react";

export type SegmentedOption<T extends string> = { value: T; label: string };

export type SegmentedProps<T extends string> = {
  /** Accessible name of the group, e.g. "Time window". */
  label: string;
  options: readonly SegmentedOption<T>[];
  /** Controlled value; leave out (with `defaultValue`) to let the control keep its own state. */
  value?: T;
  defaultValue?: T;
  onChange?: (value: T) => void;
};

/** A small toggle group (buttons with aria-pressed), e.g. the 7d / 30d / 90d / All window. */
export function Segmented<T extends string>({ label, options, value, defaultValue, onChange }: SegmentedProps<T>) {
  const [own, setOwn] = useState<T | undefined>(defaultValue ?? options[0]?.value);
  const current = value ?? own;
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === current}
          onClick={() => {
            setOwn(o.value);
            onChange?.(o.value);
          }}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
