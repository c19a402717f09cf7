import type { Metadata } from "next";
import { LinkIcon, PlusIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { PendingAction } from "@/app/_components/shell/pending-action";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PLAN_FEATURES } from "@/lib/billing/plans";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Links" };

export default async function LinksPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const { maxActiveLinks, label } = PLAN_FEATURES[workspace.plan];
  const allowance = Number.isFinite(maxActiveLinks)
    ? `Your ${label} plan includes up to ${maxActiveLinks.toLocaleString("en-US")} active links.`
    : `Your ${label} plan includes unlimited active links.`;
  return (
    <div className="page">
      <PageHeader title="Links" description="Branded short links with smart routing, protection and CRM automation." />
      <Card className="hero-accent">
        <EmptyState
          icon={<LinkIcon size={24} />}
          title="No links yet"
          description="Paste a long URL and get a short one you can copy, share and turn into a QR code. Each link here will show its clicks, tags and campaign."
          actions={
            <PendingAction
              id="create-link-reason"
              label="Create link"
              icon={<PlusIcon size={16} />}
              reason={<>Creating links is not available in this version yet. {allowance}</>}
            />
          }
        >
          <ul className="feature-list">
            <li>Random or custom slugs, with UTM fields merged in</li>
            <li>Country, device and A/B routing (Pro)</li>
            <li>Expiry, click limits, passwords (Pro) and lead capture</li>
            <li>Tags added to the CRM contact who clicks</li>
            <li>Search, filters and bulk actions that scale to 100k links</li>
            <li>CSV import and export</li>
          </ul>
        </EmptyState>
      </Card>
    </div>
  );
}
