"use client";

import { useState, type DragEvent, type ReactNode } from "react";
import { CloseIcon } from "@/app/_components/icons";
import { ArrowDownIcon, ArrowUpIcon, GripIcon } from "@/app/app/links/_components/icons";

export type ReorderableListProps<T extends { key: string }> = {
  items: readonly T[];
  onChange: (items: T[]) => void;
  /** "country rule", "variant": used in button labels and announcements. */
  noun: string;
  renderItem: (item: T, index: number) => ReactNode;
  testId?: string;
};

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(to, 0, item);
  return next;
}

/**
 * Rows whose order matters (first match wins): drag a row by its handle (HTML5 drag and drop),
 * or use the up/down buttons from the keyboard. Moves are announced in a live region.
 */
export function ReorderableList<T extends { key: string }>({ items, onChange, noun, renderItem, testId }: ReorderableListProps<T>) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  // Only the handle starts a drag: a draggable row would swallow text selection in its inputs.
  const [armed, setArmed] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function moveTo(from: number, to: number, focusButton?: "up" | "down") {
    if (to < 0 || to >= items.length || from === to) return;
    const item = items[from];
    onChange(move(items, from, to));
    setAnnouncement(`${noun[0]?.toUpperCase()}${noun.slice(1)} ${from + 1} moved to position ${to + 1} of ${items.length}.`);
    if (item && focusButton) {
      // Keep the keyboard user on the row they moved.
      requestAnimationFrame(() => {
        const row = document.querySelector<HTMLElement>(`[data-row-key="${item.key}"]`);
        const button = row?.querySelector<HTMLButtonElement>(`[data-move="${focusButton}"]:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>("[data-move]:not(:disabled)");
        button?.focus();
      });
    }
  }

  const onDragOver = (index: number) => (e: DragEvent<HTMLLIElement>) => {
    if (dragging === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    if (over !== index) setOver(index);
  };

  return (
    <>
      <ol className="reorder-list" data-testid={testId}>
        {items.map((item, index) => (
          <li
            key={item.key}
            data-row-key={item.key}
            className={["reorder-row", dragging === index ? "is-dragging" : "", over === index && dragging !== null && dragging !== index ? "is-over" : ""]
              .filter(Boolean)
              .join(" ")}
            draggable={armed === index}
            onDragStart={(e) => {
              setDragging(index);
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", item.key);
            }}
            onDragOver={onDragOver(index)}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) moveTo(dragging, index);
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
              setArmed(null);
            }}
          >
            <div className="reorder-controls">
              <span
                className="reorder-handle"
                title="Drag to reorder"
                aria-hidden="true"
                onPointerDown={() => setArmed(index)}
                onPointerUp={() => setArmed(null)}
              >
                <GripIcon size={16} />
              </span>
              <span className="reorder-index" aria-hidden="true">
                {index + 1}
              </span>
            </div>
            <div className="reorder-body">{renderItem(item, index)}</div>
            <div className="reorder-buttons">
              <button
                type="button"
                className="btn btn-ghost btn-sm btn-icon"
                aria-label={`Move ${noun} ${index + 1} up`}
                data-move="up"
                disabled={index === 0}
                onClick={() => moveTo(index, index - 1, "up")}
              >
                <ArrowUpIcon size={15} />
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-sm btn-icon"
                aria-label={`Move ${noun} ${index + 1} down`}
                data-move="down"
                disabled={index === items.length - 1}
                onClick={() => moveTo(index, index + 1, "down")}
              >
                <ArrowDownIcon size={15} />
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-sm btn-icon"
                aria-label={`Remove ${noun} ${index + 1}`}
                onClick={() => {
                  onChange(items.filter((_, i) => i !== index));
                  setAnnouncement(`${noun[0]?.toUpperCase()}${noun.slice(1)} ${index + 1} removed.`);
                }}
              >
                <CloseIcon size={15} />
              </button>
            </div>
          </li>
        ))}
      </ol>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
