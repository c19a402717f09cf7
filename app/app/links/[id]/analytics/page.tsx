import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AnalyticsView } from "@/app/app/_components/analytics/analytics-view";
import { LinkAnalyticsHeader } from "@/app/app/links/_components/link-analytics-header";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { toLinkDto } from "@/lib/links/dto";
import { getLinkRecordOrThrow } from "@/lib/links/queries";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Link analytics" };

export default async function LinkAnalyticsPage({ params }: { params: Promise<{ id: string }> }) {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const { id } = await params;
  const record = await getLinkRecordOrThrow(await getDb(), workspace.id, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const link = toLinkDto(record);
  const { crm, sandboxShellUrl } = env();
  return (
    <Suspense>
      <AnalyticsView
        scope={{ kind: "link", linkId: link.id }}
        header={<LinkAnalyticsHeader link={link} />}
        shortUrl={link.shortUrl}
        contactLinks={{ config: { mode: crm.mode, sandboxShellUrl }, locationId: workspace.locationId }}
      />
    </Suspense>
  );
}
