import { LinkIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { AnalyticsHeader } from "@/app/app/_components/analytics/analytics-header";
import { TagChip } from "@/app/app/links/_components/tag-chips";
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
    <AnalyticsHeader
      back={{ href: "/app/campaigns", label: "Campaigns" }}
      title={campaign.name}
      titleTestId="campaign-title"
      badge={campaign.archived ? <Badge>Archived</Badge> : null}
      subtitle={
        <>
          <span>{campaign.linkCount === 0 ? "No links yet" : campaign.linkCount === 1 ? "1 link" : `${campaign.linkCount.toLocaleString("en-US")} links, figures combined`}</span>
          {campaign.tags.length > 0 ? (
            <span className="chips an-tags" aria-label="Campaign tags">
              {campaign.tags.map((name) => (
                <TagChip key={name} name={name} color={tagColors[name.toLowerCase()]} />
              ))}
            </span>
          ) : (
            <span className="subtle">No campaign tags</span>
          )}
        </>
      }
      actions={
        <Button href={linksHref} icon={<LinkIcon size={15} />}>
          View its links
        </Button>
      }
    />
  );
}
