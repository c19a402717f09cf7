import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import "@/app/app/links/links.css";
import "@/app/app/campaigns/campaigns.css";
import { AnalyticsView } from "@/app/app/_components/analytics/analytics-view";
import { CampaignAnalyticsHeader } from "@/app/app/campaigns/_components/campaign-analytics-header";
import { getCampaignDtoOrThrow } from "@/lib/campaigns/queries";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listTags } from "@/lib/tags/queries";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Campaign analytics" };

export default async function CampaignAnalyticsPage({ params }: { params: Promise<{ id: string }> }) {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const { id } = await params;
  const db = await getDb();
  const [campaign, tags] = await Promise.all([
    getCampaignDtoOrThrow(db, workspace.id, id).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "not_found") notFound();
      throw err;
    }),
    listTags(db, workspace.id),
  ]);
  const { crm, sandboxShellUrl } = env();
  const linksHref = `/app/links?campaignId=${encodeURIComponent(campaign.id)}`;
  return (
    <Suspense>
      <AnalyticsView
        scope={{ kind: "campaign", campaignId: campaign.id }}
        header={<CampaignAnalyticsHeader campaign={campaign} tagColors={Object.fromEntries(tags.map((t) => [t.name.toLowerCase(), t.color]))} linksHref={linksHref} />}
        linksHref={linksHref}
        hasNoLinks={campaign.linkCount === 0}
        contactLinks={{ config: { mode: crm.mode, sandboxShellUrl }, locationId: workspace.locationId }}
      />
    </Suspense>
  );
}
