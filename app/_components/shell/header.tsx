import Link from "next/link";
import { LinkIcon } from "@/app/_components/icons";
import { PlanBadge } from "@/app/_components/ui/badge";
import { Tooltip } from "@/app/_components/ui/tooltip";

export type HeaderWorkspace = { name: string; plan: "starter" | "pro"; whiteLabel: boolean; brandName: string | null };

export function ShellHeader({ workspace }: { workspace: HeaderWorkspace }) {
  // White-label: the agency's name only, never "Smart Links".
  const productName = workspace.whiteLabel ? (workspace.brandName ?? "Links") : "Smart Links";
  return (
    <header className="shell-header">
      <Link href="/app" className="brand" aria-label={`${productName} home`}>
        <span className="brand-mark">
          <LinkIcon size={16} strokeWidth={2.2} />
        </span>
        <span className="brand-name">{productName}</span>
      </Link>
      <span className="shell-divider" aria-hidden="true" />
      <div className="workspace">
        <span className="workspace-name" data-testid="workspace-name" title={workspace.name}>
          {workspace.name}
        </span>
        <Tooltip label={workspace.plan === "pro" ? "Your plan" : "Your plan: see what Pro adds"}>
          <Link href="/app/settings/plan" className="plan-link" aria-label={`Plan: ${workspace.plan === "pro" ? "Pro" : "Starter"}`}>
            <PlanBadge plan={workspace.plan} testId="plan-badge" />
          </Link>
        </Tooltip>
      </div>
    </header>
  );
}
