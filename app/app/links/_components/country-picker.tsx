"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { CloseIcon } from "@/app/_components/icons";
import { COUNTRY_CODES } from "@/lib/links/countries";

const MAX_OPTIONS = 40;

let displayNames: Intl.DisplayNames | null = null;
/** "DE" → "Germany" (the browser's own ISO names; no data shipped). */
export function countryName(code: string): string {
  try {
    displayNames ??= new Intl.DisplayNames(["en"], { type: "region" });
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export type CountryPickerProps = {
  id: string;
  value: readonly string[];
  onChange: (codes: string[]) => void;
  describedBy?: string;
  invalid?: boolean;
};

/** Several ISO 3166 countries: type a name or a code, arrows + Enter pick, Backspace removes the last. */
export function CountryPicker({ id, value, onChange, describedBy, invalid }: CountryPickerProps) {
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const all = useMemo(() => COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name)), []);
  const options = useMemo(() => {
    const q = text.trim().toLowerCase();
    const free = all.filter((c) => !value.includes(c.code));
    if (!q) return free.slice(0, MAX_OPTIONS);
    const exact = free.filter((c) => c.code.toLowerCase() === q);
    const rest = free.filter((c) => c.code.toLowerCase() !== q && c.name.toLowerCase().includes(q));
    return [...exact, ...rest].slice(0, MAX_OPTIONS);
  }, [all, text, value]);

  function pick(code: string) {
    onChange([...value, code]);
    setText("");
    setActive(0);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter") {
      const option = options[active];
      if (open && option) {
        e.preventDefault();
        pick(option.code);
      }
    } else if (e.key === "Backspace" && !text && value.length > 0) {
      onChange(value.slice(0, -1));
    } else if (e.key === "Escape" && open) {
      e.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className="tag-input-wrap">
      <div className={`tag-input${invalid ? " is-invalid" : ""}`} onClick={() => document.getElementById(id)?.focus()}>
        {value.map((code) => (
          <span key={code} className="tag-chip">
            <span className="country-code">{code}</span>
            {/* Names come from the runtime's ICU data, which may differ between server and browser. */}
            <span className="country-name" suppressHydrationWarning>
              {countryName(code)}
            </span>
            <button type="button" className="tag-chip-remove" aria-label={`Remove ${code}`} onClick={() => onChange(value.filter((v) => v !== code))}>
              <CloseIcon size={12} strokeWidth={2.2} />
            </button>
          </span>
        ))}
        <input
          id={id}
          className="tag-input-field"
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          placeholder={value.length === 0 ? "Type a country" : ""}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {open && options.length > 0 ? (
        <ul className="combo-list" role="listbox" id={listId} aria-label="Countries">
          {options.map((c, i) => (
            <li
              key={c.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="combo-option"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c.code);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{c.name}</span>
              <span className="subtle" style={{ marginLeft: "auto", fontSize: 12 }}>
                {c.code}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
