"use client";

import Link from "next/link";
import { ChartIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { AnalyticsHeader } from "@/app/app/_components/analytics/analytics-header";
import { CopyButton } from "@/app/app/links/_components/copy-button";
import { EditIcon, FolderIcon } from "@/app/app/links/_components/icons";
import { STATUS_LABELS, STATUS_TONES } from "@/app/app/links/_components/links-data";
import type { LinkDto } from "@/lib/links/schemas";

/** Above a link's analytics: back to Links, the short URL (copy), where it goes, its status and an Edit button. */
export function LinkAnalyticsHeader({ link }: { link: LinkDto }) {
  const short = link.shortUrl.replace(/^https?:\/\//, "");
  return (
    <AnalyticsHeader
      back={{ href: "/app/links", label: "Links" }}
      title={link.title ?? short}
      badge={
        <Badge tone={STATUS_TONES[link.status]} testId="analytics-link-status">
          {STATUS_LABELS[link.status]}
        </Badge>
      }
      subtitle={
        <>
          <span className="an-short" data-testid="analytics-short-url">
            {short}
          </span>
          <CopyButton text={link.shortUrl} label={`Copy ${short}`} />
          <span className="an-dest" title={link.destination}>
            <span aria-hidden="true">↳ </span>
            <span className="sr-only">Goes to </span>
            {link.destination.replace(/^https?:\/\//, "")}
          </span>
          {link.campaign ? (
            <Link href={`/app/campaigns/${link.campaign.id}`} className="an-campaign-chip" title="Campaign analytics">
              <FolderIcon size={13} />
              {link.campaign.name}
            </Link>
          ) : null}
        </>
      }
      actions={
        <Button href={`/app/links/${link.id}`} icon={<EditIcon size={15} />} data-testid="analytics-edit-link">
          Edit link
        </Button>
      }
    />
  );
}

/** The edit page's way to the link's analytics (the list has the same chart icon on each row). */
export function LinkAnalyticsButton({ linkId }: { linkId: string }) {
  return (
    <Button href={`/app/links/${linkId}/analytics`} size="sm" icon={<ChartIcon size={15} />} data-testid="edit-analytics">
      Analytics
    </Button>
  );
}
