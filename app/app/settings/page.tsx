import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GlobeIcon, KeyIcon, PaletteIcon, SyncIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { PlanBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PLAN_FEATURES } from "@/lib/billing/plans";
import { getShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Settings" };

function Section({ title, description, icon, empty }: { title: string; description: string; icon: ReactNode; empty: string }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <EmptyState icon={icon} title={empty} description="" />
    </Card>
  );
}

export default async function SettingsPage() {
  const workspace = await getShellWorkspace();
  const plan = PLAN_FEATURES[workspace.plan];
  return (
    <div className="page">
      <PageHeader title="Settings" description="This workspace belongs to one CRM location; nothing here is shared with other locations." />
      <Card>
        <CardHeader
          title="General"
          actions={
            <Button href="/app/settings/plan" size="sm">
              Compare plans
            </Button>
          }
        />
        <CardBody>
          <dl className="dl">
            <dt>Workspace</dt>
            <dd>{workspace.name}</dd>
            <dt>Plan</dt>
            <dd>
              <PlanBadge plan={workspace.plan} /> <span className="muted">${plan.priceMonthlyUsd}/month</span>
            </dd>
            <dt>Active links</dt>
            <dd>{Number.isFinite(plan.maxActiveLinks) ? `Up to ${plan.maxActiveLinks.toLocaleString("en-US")}` : "Unlimited"}</dd>
            <dt>Click history</dt>
            <dd>{plan.historyDays} days</dd>
          </dl>
        </CardBody>
      </Card>
      <div className="settings-grid">
        <Section title="API keys" description="Keys for the REST API, shown once and stored hashed." icon={<KeyIcon size={22} />} empty="No API keys" />
        <Section title="Branding" description="Your name, logo and colours on public pages; white-label." icon={<PaletteIcon size={22} />} empty="Default Smart Links look" />
        <Section title="Domains" description="Custom branded short domains (Pro). Recommended for SMS." icon={<GlobeIcon size={22} />} empty="No custom domains" />
        <Section title="CRM sync" description="Tag-on-click, contact sync and the writeback queue." icon={<SyncIcon size={22} />} empty="Nothing synced yet" />
      </div>
    </div>
  );
}
