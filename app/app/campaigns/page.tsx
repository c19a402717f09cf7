import type { Metadata } from "next";
import "@/app/app/links/links.css";
import "@/app/app/campaigns/campaigns.css";
import { CampaignsView } from "@/app/app/campaigns/_components/campaigns-view";
import { listCampaigns } from "@/lib/campaigns/queries";
import { getDb } from "@/lib/db";
import { listTags } from "@/lib/tags/queries";
import { findShellWorkspace } from "@/lib/workspaces/current";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const workspace = await findShellWorkspace();
  if (!workspace) return null; // no session: the layout shows the SSO gate instead
  const db = await getDb();
  const [campaigns, tags] = await Promise.all([listCampaigns(db, workspace.id), listTags(db, workspace.id)]);
  return <CampaignsView campaigns={campaigns} tags={tags.map((t) => ({ name: t.name, color: t.color }))} />;
}
