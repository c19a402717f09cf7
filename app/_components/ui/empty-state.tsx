import type { ReactNode } from "react";

export type EmptyStateProps = {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  /** The primary action (and at most one secondary one). */
  actions?: ReactNode;
  /** Small print under the actions, e.g. why an action is unavailable; give it an id to reference. */
  note?: ReactNode;
  /** Smaller padding and type, for empty states inside a section card. */
  compact?: boolean;
  /** Heading level of the title: h2 on a page, h3 inside a card that already has an h2. */
  headingLevel?: 2 | 3;
  children?: ReactNode;
};

export function EmptyState({ icon, title, description, actions, note, compact = false, headingLevel = 2, children }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className={compact ? "empty empty-compact" : "empty"}>
      <div className="empty-icon" aria-hidden="true">
        {icon}
      </div>
      <Heading className="empty-title">{title}</Heading>
      <p className="empty-description">{description}</p>
      {children}
      {actions ? <div className="empty-actions">{actions}</div> : null}
      {note ? <div className="empty-note">{note}</div> : null}
    </div>
  );
}
