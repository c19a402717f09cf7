"use client";

import Link from "next/link";
import { ChartIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { CopyButton } from "@/app/app/links/_components/copy-button";
import { ArrowLeftIcon, EditIcon, FolderIcon } from "@/app/app/links/_components/icons";
import { STATUS_LABELS } from "@/app/app/links/_components/links-data";
import type { LinkDto } from "@/lib/links/schemas";

const TONES = { active: "success", archived: "neutral", expired: "warning", limit_reached: "danger" } as const;

/** Above a link's analytics: back to Links, the short URL (copy), where it goes, its status and an Edit button. */
export function LinkAnalyticsHeader({ link }: { link: LinkDto }) {
  const short = link.shortUrl.replace(/^https?:\/\//, "");
  return (
    <>
      <Button href="/app/links" variant="ghost" size="sm" icon={<ArrowLeftIcon size={15} />} className="back-link">
        Links
      </Button>
      <div className="page-header">
        <div className="page-title">
          <div className="an-title-row">
            <h1>{link.title ?? short}</h1>
            <Badge tone={TONES[link.status]} testId="analytics-link-status">
              {STATUS_LABELS[link.status]}
            </Badge>
          </div>
          <div className="an-subtitle">
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
          </div>
        </div>
        <div className="page-actions">
          <Button href={`/app/links/${link.id}`} icon={<EditIcon size={15} />} data-testid="analytics-edit-link">
            Edit link
          </Button>
        </div>
      </div>
    </>
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
