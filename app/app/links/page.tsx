import type { Metadata } from "next";
import { Suspense } from "react";
import { LinksView } from "@/app/app/links/_components/links-view";
import { listCampaigns } from "@/lib/campaigns/queries";
import { getDb } from "@/lib/db";
import { listTags } from "@/lib/tags/queries";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Links" };

export default async function LinksPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const db = await getDb();
  const [tags, campaigns] = await Promise.all([listTags(db, workspace.id), listCampaigns(db, workspace.id)]);
  return (
    // useSearchParams (the filters live in the URL) needs a Suspense boundary.
    <Suspense>
      <LinksView
        tags={tags.map((t) => ({ id: t.id, name: t.name, color: t.color }))}
        campaigns={campaigns.filter((c) => !c.archived).map((c) => ({ id: c.id, name: c.name }))}
      />
    </Suspense>
  );
}
