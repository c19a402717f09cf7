import type { ReactNode } from "react";

export type EmptyStateProps = { icon: ReactNode; title: string; description: ReactNode; actions?: ReactNode; children?: ReactNode };

export function EmptyState({ icon, title, description, actions, children }: EmptyStateProps) {
  return (
    <div className="empty">
      <div className="empty-icon">{icon}</div>
      <h2 className="empty-title">{title}</h2>
      <p className="empty-description">{description}</p>
      {children}
      {actions ? <div className="empty-actions">{actions}</div> : null}
    </div>
  );
}
