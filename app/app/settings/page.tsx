import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GlobeIcon, KeyIcon, PaletteIcon, SparkIcon, SyncIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Badge, PlanBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { UsageCard } from "@/app/app/settings/_components/usage-card";
import { usageByUser } from "@/lib/analytics/usage";
import { PLAN_FEATURES } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Settings" };

type SectionProps = {
  id: string;
  title: string;
  description: string;
  icon: ReactNode;
  emptyTitle: string;
  emptyDescription: ReactNode;
  badge?: ReactNode;
  actions?: ReactNode;
};

function PlaceholderSection({ id, title, description, icon, emptyTitle, emptyDescription, badge, actions }: SectionProps) {
  return (
    <Card id={id} aria-labelledby={`${id}-title`} role="region">
      <CardHeader title={<span id={`${id}-title`}>{title}</span>} description={description} badge={badge} />
      <EmptyState compact headingLevel={3} icon={icon} title={emptyTitle} description={emptyDescription} actions={actions} />
    </Card>
  );
}

export default async function SettingsPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const plan = PLAN_FEATURES[workspace.plan];
  const isPro = workspace.plan === "pro";
  const usage = await usageByUser(await getDb(), workspace.id, workspace.plan);
  return (
    <div className="page">
      <PageHeader title="Settings" description="This workspace belongs to one CRM location; nothing here is shared with other locations." />
      <Card id="general" role="region" aria-labelledby="general-title">
        <CardHeader
          title={<span id="general-title">General</span>}
          description="Your workspace’s name comes from the CRM location it is installed in."
          actions={
            <Button href="/app/settings/plan" size="sm" icon={isPro ? undefined : <SparkIcon size={14} />}>
              {isPro ? "Compare plans" : "See what Pro adds"}
            </Button>
          }
        />
        <CardBody>
          <dl className="dl">
            <dt>Workspace</dt>
            <dd data-testid="settings-workspace-name">{workspace.name}</dd>
            <dt>Plan</dt>
            <dd>
              <span className="row" style={{ gap: 8 }}>
                <PlanBadge plan={workspace.plan} /> <span className="muted">${plan.priceMonthlyUsd}/month, billed by your CRM</span>
              </span>
            </dd>
            <dt>Active links</dt>
            <dd>{Number.isFinite(plan.maxActiveLinks) ? `Up to ${plan.maxActiveLinks.toLocaleString("en-US")}` : "Unlimited"}</dd>
            <dt>Click history</dt>
            <dd>{plan.historyDays} days</dd>
            <dt>Landing pages</dt>
            <dd>Up to {plan.maxLandingPages}</dd>
          </dl>
        </CardBody>
      </Card>
      <UsageCard rows={usage} />
      <div className="settings-grid">
        <PlaceholderSection
          id="api-keys"
          title="API keys"
          description="Keys for the REST API, shown once and stored hashed."
          icon={<KeyIcon size={20} />}
          emptyTitle="REST API access"
          emptyDescription="Create keys for Zapier, your website or your own scripts, and revoke them when they are no longer used."
          actions={
            <Button href="/app/settings/api-keys" size="sm" icon={<KeyIcon size={14} />} data-testid="manage-api-keys">
              Manage API keys
            </Button>
          }
        />
        <PlaceholderSection
          id="branding"
          title="Branding"
          description="Your name, logo and colours on public pages, or full white-label."
          icon={<PaletteIcon size={20} />}
          emptyTitle={workspace.whiteLabel ? "White-label is on" : "Default look"}
          emptyDescription={
            workspace.whiteLabel
              ? "The app and its public pages show your brand instead of ours. Editing branding is not available in this version yet."
              : "Public pages (password, expired, lead capture) use the default look. Editing branding is not available in this version yet."
          }
        />
        <PlaceholderSection
          id="domains"
          title="Domains"
          description="Custom branded short domains. Recommended for SMS: carriers may filter shared domains."
          icon={<GlobeIcon size={20} />}
          badge={isPro ? undefined : <Badge tone="brand">Pro</Badge>}
          emptyTitle="No custom domains"
          emptyDescription={
            isPro
              ? "Links use the shared short domain. Adding a domain is not available in this version yet."
              : "Links use the shared short domain. Custom domains come with the Pro plan."
          }
        />
        <PlaceholderSection
          id="crm-sync"
          title="CRM sync"
          description="Tag-on-click, contact sync and the writeback queue."
          icon={<SyncIcon size={20} />}
          emptyTitle="Writeback to your CRM"
          emptyDescription="See the connection and the queue, test writeback end to end, and retry anything the CRM could not take."
          actions={
            <Button href="/app/settings/crm" size="sm" icon={<SyncIcon size={14} />} data-testid="open-crm-sync">
              Open CRM sync
            </Button>
          }
        />
      </div>
    </div>
  );
}
