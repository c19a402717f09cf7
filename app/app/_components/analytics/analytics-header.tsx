import type { ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { ArrowLeftIcon } from "@/app/app/links/_components/icons";

export type AnalyticsHeaderProps = {
  /** The list this page was opened from. */
  back: { href: string; label: string };
  title: ReactNode;
  titleTestId?: string;
  /** Beside the title: the status or "Archived" badge. */
  badge?: ReactNode;
  /** The muted line under the title. */
  subtitle: ReactNode;
  actions: ReactNode;
};

/** Above a link's or a campaign's analytics: a way back, the title with its badge, a subtitle line and actions. */
export function AnalyticsHeader({ back, title, titleTestId, badge, subtitle, actions }: AnalyticsHeaderProps) {
  return (
    <>
      <Button href={back.href} variant="ghost" size="sm" icon={<ArrowLeftIcon size={15} />} className="back-link">
        {back.label}
      </Button>
      <div className="page-header">
        <div className="page-title">
          <div className="an-title-row">
            <h1 data-testid={titleTestId}>{title}</h1>
            {badge}
          </div>
          <div className="an-subtitle">{subtitle}</div>
        </div>
        <div className="page-actions">{actions}</div>
      </div>
    </>
  );
}
