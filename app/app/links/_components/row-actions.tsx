import { ChartIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { MoreIcon } from "@/app/app/links/_components/icons";
import { Menu, type MenuItem } from "@/app/app/links/_components/menu";

export type RowActionsProps = {
  /** What the row is called in the buttons' accessible names ("Analytics for …", "Actions for …"). */
  name: string;
  analyticsHref: string;
  analyticsTestId?: string;
  menuTestId: string;
  items: readonly MenuItem[];
};

/** A list row's last cell: the chart icon to its analytics, then the menu of everything else. */
export function RowActions({ name, analyticsHref, analyticsTestId, menuTestId, items }: RowActionsProps) {
  return (
    <div className="row-actions">
      <Button href={analyticsHref} variant="ghost" size="sm" iconOnly aria-label={`Analytics for ${name}`} data-testid={analyticsTestId}>
        <ChartIcon size={16} />
      </Button>
      <Menu label={`Actions for ${name}`} trigger={<MoreIcon size={16} />} testId={menuTestId} items={items} />
    </div>
  );
}
