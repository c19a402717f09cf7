import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/app/_components/ui/button";
import { EditLinkHeader } from "@/app/app/links/_components/edit-link-header";
import { loadFormData } from "@/app/app/links/_components/form-page-data";
import { ArrowLeftIcon } from "@/app/app/links/_components/icons";
import { LinkAnalyticsButton } from "@/app/app/links/_components/link-analytics-header";
import { LinkForm } from "@/app/app/links/_components/link-form";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLinkDto } from "@/lib/links/dto";
import { getLinkRecordOrThrow } from "@/lib/links/queries";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Edit link" };

export default async function EditLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const { id } = await params;
  const db = await getDb();
  const record = await getLinkRecordOrThrow(db, workspace.id, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const link = toLinkDto(record);
  const data = await loadFormData(db, workspace, link.campaignId);
  return (
    <div className="page link-form-page">
      <Button href="/app/links" variant="ghost" size="sm" icon={<ArrowLeftIcon size={15} />} className="back-link">
        Links
      </Button>
      <div className="page-header">
        <div className="page-title">
          <h1>{link.title ?? "Edit link"}</h1>
          <EditLinkHeader link={link} />
        </div>
        <div className="page-actions">
          <LinkAnalyticsButton linkId={link.id} />
        </div>
      </div>
      <LinkForm key={link.updatedAt} link={link} {...data} />
    </div>
  );
}
