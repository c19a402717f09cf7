import type { Metadata } from "next";
import { Button } from "@/app/_components/ui/button";
import "@/app/app/links/links.css";
import { ArrowLeftIcon } from "@/app/app/links/_components/icons";
import { ApiKeysView } from "@/app/app/settings/api-keys/_components/api-keys-view";
import { listApiKeys } from "@/lib/api-keys/queries";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const keys = await listApiKeys(await getDb(), workspace.id);
  return (
    <div className="page api-keys-page">
      <Button href="/app/settings" variant="ghost" size="sm" icon={<ArrowLeftIcon size={15} />} className="back-link">
        Settings
      </Button>
      <ApiKeysView keys={keys} apiBase={`${env().appUrl}/api/v1`} />
    </div>
  );
}
