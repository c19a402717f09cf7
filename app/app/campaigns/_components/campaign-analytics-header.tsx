import { LinkIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { ArrowLeftIcon } from "@/app/app/links/_components/icons";
import type { CampaignDto } from "@/lib/campaigns/schemas";

export type CampaignAnalyticsHeaderProps = {
  campaign: CampaignDto;
  /** Lower-case tag name → colour, for the chips. */
  tagColors: Record<string, string>;
  linksHref: string;
};

/** Above a campaign's analytics: back to Campaigns, its name, tags and links. */
export function CampaignAnalyticsHeader({ campaign, tagColors, linksHref }: CampaignAnalyticsHeaderProps) {
  return (
    <>
      <Button href="/app/campaigns" variant="ghost" size="sm" icon={<ArrowLeftIcon size={15} />} className="back-link">
        Campaigns
      </Button>
      <div className="page-header">
        <div className="page-title">
          <div className="an-title-row">
            <h1 data-testid="campaign-title">{campaign.name}</h1>
            {campaign.archived ? <Badge>Archived</Badge> : null}
          </div>
          <div className="an-subtitle">
            <span>
              {campaign.linkCount === 1 ? "1 link" : `${campaign.linkCount.toLocaleString("en-US")} links, figures combined`}
            </span>
            {campaign.tags.length > 0 ? (
              <span className="chips an-tags" aria-label="Campaign tags">
                {campaign.tags.map((name) => (
                  <span key={name} className="tag-chip tag-chip-static">
                    <span className="tag-dot" style={{ background: tagColors[name.toLowerCase()] ?? "var(--text-subtle)" }} aria-hidden="true" />
                    {name}
                  </span>
                ))}
              </span>
            ) : (
              <span className="subtle">No campaign tags</span>
            )}
          </div>
        </div>
        <div className="page-actions">
          <Button href={linksHref} icon={<LinkIcon size={15} />}>
            View its links
          </Button>
        </div>
      </div>
    </>
  );
}
