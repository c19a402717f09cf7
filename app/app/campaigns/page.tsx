import type { Metadata } from "next";
import { CampaignIcon, PlusIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { PendingAction } from "@/app/_components/shell/pending-action";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";

export const metadata: Metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <div className="page">
      <PageHeader title="Campaigns" description="Group links, see their combined performance, and tag every clicker in your CRM." />
      <Card className="hero-accent">
        <EmptyState
          icon={<CampaignIcon size={24} />}
          title="No campaigns yet"
          description="A campaign such as “Black Friday 2026” groups links and shows their clicks combined. Its tags are added to every CRM contact who clicks any of its links, so your CRM workflows can follow up."
          actions={
            <PendingAction
              id="create-campaign-reason"
              label="Create campaign"
              icon={<PlusIcon size={16} />}
              reason="Creating campaigns is not available in this version yet."
            />
          }
        >
          <ul className="feature-list">
            <li>Combined clicks, sources, countries and devices</li>
            <li>Campaign-wide tags applied on every click</li>
            <li>Links sent, contacts reached and click-through rate</li>
            <li>CSV export of the campaign’s clicks</li>
          </ul>
        </EmptyState>
      </Card>
    </div>
  );
}
