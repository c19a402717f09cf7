import type { Metadata } from "next";
import { Suspense } from "react";
import { shellProductName } from "@/app/_components/shell/header";
import { PageHeader } from "@/app/_components/shell/page-header";
import { AnalyticsView } from "@/app/app/_components/analytics/analytics-view";
import { env } from "@/lib/env";
import { findShellWorkspace } from "@/lib/workspaces/current";

// A layout's title template applies to child segments only, so this page (same segment) builds its title.
export async function generateMetadata(): Promise<Metadata> {
  const workspace = await findShellWorkspace();
  if (!workspace) return { title: "Smart Links" };
  return { title: { absolute: `Dashboard · ${shellProductName(workspace) ?? workspace.name}` } };
}

export default async function DashboardPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const { crm, sandboxShellUrl } = env();
  return (
    // The window (`?window=`) is read with useSearchParams, which wants a Suspense boundary.
    <Suspense>
      <AnalyticsView
        scope={{ kind: "workspace" }}
        header={<PageHeader title="Dashboard" description="Every link in this workspace, live. Bots and link previews are never counted." />}
        contactLinks={{ config: { mode: crm.mode, sandboxShellUrl }, locationId: workspace.locationId }}
      />
    </Suspense>
  );
}
