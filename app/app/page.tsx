import type { Metadata } from "next";
import { ChartIcon, ContactIcon, CursorIcon, LinkIcon, QrIcon, UsersIcon } from "@/app/_components/icons";
import { shellProductName } from "@/app/_components/shell/header";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Stat } from "@/app/_components/ui/stat";
import { getWorkspaceOverview } from "@/lib/analytics/overview";
import { getDb } from "@/lib/db";
import { findShellWorkspace } from "@/lib/workspaces/current";

// A layout's title template applies to child segments only, so this page (same segment) builds its title.
export async function generateMetadata(): Promise<Metadata> {
  const workspace = await findShellWorkspace();
  if (!workspace) return { title: "Smart Links" };
  return { title: { absolute: `Dashboard · ${shellProductName(workspace) ?? workspace.name}` } };
}

const formatNumber = new Intl.NumberFormat("en-US").format;

export default async function DashboardPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const overview = await getWorkspaceOverview(await getDb(), workspace.id);
  const hasClicks = overview.clicks > 0;
  const hasLinks = overview.activeLinks > 0;

  return (
    <div className="page">
      <PageHeader
        title="Dashboard"
        description="All-time numbers for every link in this workspace. Bots and link previews are never counted."
      />
      <div className="grid-stats">
        <Stat label="Clicks" value={formatNumber(overview.clicks)} icon={<CursorIcon size={16} />} hint="Human clicks and scans" testId="stat-clicks" />
        <Stat
          label="Unique visitors"
          value={formatNumber(overview.uniqueVisitors)}
          icon={<UsersIcon size={16} />}
          hint="One per visitor per day"
          testId="stat-unique-visitors"
        />
        <Stat label="QR scans" value={formatNumber(overview.qrScans)} icon={<QrIcon size={16} />} hint="Counted as clicks from “QR”" testId="stat-qr-scans" />
        <Stat
          label="Identified contacts"
          value={formatNumber(overview.uniqueContacts)}
          icon={<ContactIcon size={16} />}
          hint="CRM contacts who clicked"
          testId="stat-identified-contacts"
        />
      </div>
      {hasClicks ? (
        <Card>
          <EmptyState
            icon={<ChartIcon size={24} />}
            title="Charts are on their way"
            description="Clicks over time, top links, busiest hours, countries and cities, devices, traffic sources and the CRM contacts who clicked will be drawn here from the clicks above."
          />
        </Card>
      ) : (
        <Card className="hero-accent">
          <EmptyState
            icon={<ChartIcon size={24} />}
            title={hasLinks ? "No clicks yet — share one of your links" : "No clicks yet — create your first link"}
            description="Once a short link is shared by SMS, email, WhatsApp or a QR code, its clicks appear here live: clicks over time, busiest hours, countries and cities, devices, traffic sources and the CRM contacts who clicked."
            actions={
              <Button href="/app/links" variant="primary" icon={<LinkIcon size={16} />}>
                Go to Links
              </Button>
            }
          />
        </Card>
      )}
    </div>
  );
}
