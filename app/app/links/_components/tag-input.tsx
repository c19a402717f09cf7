"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { CloseIcon } from "@/app/_components/icons";

export type TagSuggestion = { name: string; color: string };

export type TagInputProps = {
  id: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  suggestions: readonly TagSuggestion[];
  /** Checks one name with the shared schema; returns a message when it is refused. */
  validate?: (name: string) => string | null;
  max?: number;
  describedBy?: string;
  invalid?: boolean;
};

const MAX_SUGGESTIONS = 8;
const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

/**
 * Tags by name: type to filter existing tags, Enter or comma adds (a new name is created on save),
 * Backspace on an empty box removes the last one. A combobox with a listbox, so arrow keys work.
 */
export function TagInput({ id, value, onChange, suggestions, validate, max = 50, describedBy, invalid }: TagInputProps) {
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const colorOf = useMemo(() => {
    const map = new Map(suggestions.map((s) => [s.name.toLowerCase(), s.color]));
    return (name: string) => map.get(name.toLowerCase());
  }, [suggestions]);

  const query = text.trim();
  const options = useMemo(() => {
    const q = query.toLowerCase();
    const free = suggestions.filter((s) => !value.some((v) => same(v, s.name)));
    const matches = q ? free.filter((s) => s.name.toLowerCase().includes(q)) : free;
    const list: { name: string; color?: string; isNew: boolean }[] = matches.slice(0, MAX_SUGGESTIONS).map((s) => ({ ...s, isNew: false }));
    if (q && !suggestions.some((s) => same(s.name, query)) && !value.some((v) => same(v, query))) {
      list.push({ name: query, isNew: true });
    }
    return list;
  }, [query, suggestions, value]);

  function add(name: string) {
    const clean = name.trim();
    if (!clean) return;
    if (value.some((v) => same(v, clean))) {
      setText("");
      return;
    }
    const message = validate?.(clean) ?? (value.length >= max ? `At most ${max} tags` : null);
    if (message) {
      setProblem(message);
      return;
    }
    const existing = suggestions.find((s) => same(s.name, clean));
    onChange([...value, existing?.name ?? clean]);
    setText("");
    setProblem(null);
    setActive(0);
    // Close the suggestions after a pick; typing or ArrowDown opens them again.
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
    } else if (e.key === "Enter" || e.key === ",") {
      if (!query && e.key === "Enter") return;
      e.preventDefault();
      const pick = open ? options[active] : undefined;
      add(pick?.name ?? query);
    } else if (e.key === "Backspace" && !text && value.length > 0) {
      onChange(value.slice(0, -1));
    } else if (e.key === "Escape" && open) {
      e.stopPropagation();
      setOpen(false);
    }
  }

  const activeId = open && options[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="tag-input-wrap">
      <div className={`tag-input${invalid || problem ? " is-invalid" : ""}`} onClick={() => document.getElementById(id)?.focus()}>
        {value.map((name) => (
          <span key={name.toLowerCase()} className="tag-chip">
            <span className="tag-dot" style={{ background: colorOf(name) ?? "var(--text-subtle)" }} aria-hidden="true" />
            {name}
            <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${name}`} onClick={() => onChange(value.filter((v) => v !== name))}>
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
          aria-activedescendant={activeId}
          aria-describedby={[describedBy, problem ? `${id}-problem` : null].filter(Boolean).join(" ") || undefined}
          aria-invalid={invalid || Boolean(problem) || undefined}
          placeholder={value.length === 0 ? "Type a tag and press Enter" : ""}
          value={text}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
            setProblem(null);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            if (query) add(query);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {open && options.length > 0 ? (
        <ul className="combo-list" role="listbox" id={listId} aria-label="Tag suggestions">
          {options.map((o, i) => (
            <li
              key={`${o.isNew ? "new" : "tag"}-${o.name}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="combo-option"
              // Keep focus in the input: a mousedown would blur it first.
              onMouseDown={(e) => {
                e.preventDefault();
                add(o.name);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {o.isNew ? (
                <span>
                  Create tag <strong>“{o.name}”</strong>
                </span>
              ) : (
                <>
                  <span className="tag-dot" style={{ background: o.color ?? "var(--text-subtle)" }} aria-hidden="true" />
                  {o.name}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <p className="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
