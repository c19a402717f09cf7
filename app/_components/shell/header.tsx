import Link from "next/link";
import { LinkIcon } from "@/app/_components/icons";
import { PLAN_LABELS, PlanBadge } from "@/app/_components/ui/badge";
import { Tooltip } from "@/app/_components/ui/tooltip";

export type HeaderWorkspace = { name: string; plan: "starter" | "pro"; whiteLabel: boolean; brandName: string | null };

/** The product name the shell shows: under white-label, never "Smart Links". */
export function shellProductName(workspace: HeaderWorkspace): string | null {
  return workspace.whiteLabel ? workspace.brandName : "Smart Links";
}

export function ShellHeader({ workspace }: { workspace: HeaderWorkspace }) {
  const productName = shellProductName(workspace);
  // White-label: a neutral monogram of the agency's brand (or workspace) instead of our mark.
  const monogram = (workspace.brandName ?? workspace.name).trim().charAt(0).toUpperCase() || "•";
  const planLabel = PLAN_LABELS[workspace.plan];
  return (
    <header className="shell-header">
      <Link href="/app" className="brand" aria-label={`${productName ?? workspace.name}: dashboard`} data-testid="brand">
        {workspace.whiteLabel ? (
          <span className="brand-mark brand-mark-initial" aria-hidden="true">
            {monogram}
          </span>
        ) : (
          <span className="brand-mark" aria-hidden="true">
            <LinkIcon size={16} strokeWidth={2.2} />
          </span>
        )}
        {productName ? <span className="brand-name">{productName}</span> : null}
      </Link>
      <span className="shell-divider" aria-hidden="true" />
      <div className="workspace">
        <span className="workspace-name" data-testid="workspace-name" title={workspace.name}>
          {workspace.name}
        </span>
        <Tooltip
          label={workspace.plan === "pro" ? "Your plan: every feature included" : "Your plan: see what Pro adds"}
          placement="bottom"
        >
          <Link href="/app/settings/plan" className="plan-link" aria-label={`Plan: ${planLabel}. View plans`}>
            <PlanBadge plan={workspace.plan} testId="plan-badge" />
          </Link>
        </Tooltip>
      </div>
    </header>
  );
}
