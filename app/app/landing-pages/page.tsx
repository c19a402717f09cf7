import type { Metadata } from "next";
import { PageIcon, PlusIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { PendingAction } from "@/app/_components/shell/pending-action";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PLAN_FEATURES } from "@/lib/billing/plans";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Landing pages" };

export default async function LandingPagesPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const { maxLandingPages, label } = PLAN_FEATURES[workspace.plan];
  return (
    <div className="page">
      <PageHeader title="Landing pages" description="Link-in-bio pages with tracked buttons, published at their own URL." />
      <Card className="hero-accent">
        <EmptyState
          icon={<PageIcon size={24} />}
          title="No landing pages yet"
          description="Pick a template, add a title, avatar, text, images, link buttons and social icons, preview it, and publish. Every button click is tracked like a link click."
          actions={
            <PendingAction
              id="create-page-reason"
              label="Create landing page"
              icon={<PlusIcon size={16} />}
              reason={`Creating landing pages is not available in this version yet. Your ${label} plan includes up to ${maxLandingPages} pages.`}
            />
          }
        />
      </Card>
    </div>
  );
}
