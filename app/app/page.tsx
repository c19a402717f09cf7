import type { Metadata } from "next";
import { ChartIcon, LinkIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { getWorkspaceOverview } from "@/lib/analytics/overview";
import { getDb } from "@/lib/db";
import { getShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Dashboard" };

const number = new Intl.NumberFormat("en-US");

export default async function DashboardPage() {
  const workspace = await getShellWorkspace();
  const overview = await getWorkspaceOverview(await getDb(), workspace.id);
  const stats = [
    { label: "Active links", value: overview.activeLinks },
    { label: "Clicks", value: overview.clicks },
    { label: "QR scans", value: overview.qrScans },
    { label: "Clicks from CRM contacts", value: overview.identifiedClicks },
  ];
  return (
    <div className="page">
      <PageHeader title="Dashboard" description="Every link in this workspace at a glance. Bots and link previews are never counted." />
      <div className="grid-stats">
        {stats.map((s) => (
          <Card key={s.label} className="stat">
            <span className="stat-label">{s.label}</span>
            <span className="stat-value" data-testid={`stat-${s.label.toLowerCase().replaceAll(" ", "-")}`}>
              {number.format(s.value)}
            </span>
          </Card>
        ))}
      </div>
      {overview.clicks === 0 ? (
        <Card>
          <EmptyState
            icon={<ChartIcon size={24} />}
            title="No clicks yet"
            description="Once your links are shared, clicks appear here live: clicks over time, busiest hours, countries and cities, devices, traffic sources and the CRM contacts who clicked."
            actions={
              <Button href="/app/links" variant="primary" icon={<LinkIcon size={16} />}>
                Go to your links
              </Button>
            }
          />
        </Card>
      ) : null}
    </div>
  );
}
