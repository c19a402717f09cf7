import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Button } from "@/app/_components/ui/button";
import { loadFormData } from "@/app/app/links/_components/form-page-data";
import { ArrowLeftIcon } from "@/app/app/links/_components/icons";
import { LinkForm } from "@/app/app/links/_components/link-form";
import { getDb } from "@/lib/db";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Create link" };

export default async function NewLinkPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const data = await loadFormData(await getDb(), workspace);
  return (
    <div className="page link-form-page">
      <Button href="/app/links" variant="ghost" size="sm" icon={<ArrowLeftIcon size={15} />} className="back-link">
        Links
      </Button>
      <PageHeader title="Create link" description="Paste a long URL; everything else is optional and can be changed later." />
      <LinkForm {...data} />
    </div>
  );
}
