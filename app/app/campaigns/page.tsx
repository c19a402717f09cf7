import type { Metadata } from "next";
import { CampaignIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";

export const metadata: Metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <div className="page">
      <PageHeader title="Campaigns" description="Group links, see their combined performance, and tag every clicker in your CRM." />
      <Card>
        <EmptyState
          icon={<CampaignIcon size={24} />}
          title="No campaigns yet"
          description="A campaign such as “Black Friday 2026” groups links, shows their clicks combined, and carries campaign-wide tags that are added to every CRM contact who clicks any of its links."
        />
      </Card>
    </div>
  );
}
