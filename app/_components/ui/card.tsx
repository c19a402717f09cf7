import type { HTMLAttributes, ReactNode } from "react";

export type CardProps = HTMLAttributes<HTMLDivElement> & { children: ReactNode };

export function Card({ className, children, ...rest }: CardProps) {
  return (
    <div className={["card", className].filter(Boolean).join(" ")} {...rest}>
      {children}
    </div>
  );
}

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Shown next to the title (e.g. a "Pro" badge). */
  badge?: ReactNode;
  actions?: ReactNode;
  /** Heading level of the title; h2 by default. */
  as?: "h2" | "h3";
};

export function CardHeader({ title, description, badge, actions, as: Heading = "h2" }: CardHeaderProps) {
  return (
    <div className="card-header">
      <div className="card-header-text">
        <div className="section-title">
          <Heading style={{ fontSize: 15 }}>{title}</Heading>
          {badge}
        </div>
        {description ? (
          <p className="muted" style={{ fontSize: 13 }}>
            {description}
          </p>
        ) : null}
      </div>
      {actions ? <div className="row">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={["card-body", className].filter(Boolean).join(" ")}>{children}</div>;
}

export function CardFooter({ children }: { children: ReactNode }) {
  return <div className="card-footer">{children}</div>;
}
