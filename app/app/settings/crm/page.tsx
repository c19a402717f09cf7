import type { Metadata } from "next";
import { Button } from "@/app/_components/ui/button";
import "@/app/app/links/links.css";
import "@/app/app/settings/crm/crm-settings.css";
import { ArrowLeftIcon } from "@/app/app/links/_components/icons";
import { CrmSettingsView } from "@/app/app/settings/crm/_components/crm-settings-view";
import { env } from "@/lib/env";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "CRM sync" };

export default async function CrmSettingsPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const { crm, sandboxShellUrl } = env();
  return (
    <div className="page crm-page">
      <Button href="/app/settings" variant="ghost" size="sm" icon={<ArrowLeftIcon size={15} />} className="back-link">
        Settings
      </Button>
      <CrmSettingsView crm={{ mode: crm.mode, sandboxShellUrl }} />
    </div>
  );
}
