/**
 * Link rows → what leaves the server. The password hash becomes `hasPassword`; status and the
 * UTM-merged destination are derived here, once.
 */
import type { LinkRow } from "@/db/schema";
import { env } from "@/lib/env";
import type { LinkDto, LinkStatusValue } from "@/lib/links/schemas";
import { mergeUtm } from "@/lib/links/utm";

/** A link row with what its DTO needs from other tables. */
export type LinkRecord = {
  row: LinkRow;
  /** Tag names, sorted case-insensitively. */
  tags: string[];
  campaign: { id: string; name: string } | null;
};

/** `${shortBaseUrl}/${slug}` on the shared domain (""), `https://${domain}/${slug}` on a custom one. */
export function shortUrlOf(domain: string, slug: string, shortBaseUrl: string): string {
  return domain === "" ? `${shortBaseUrl}/${slug}` : `https://${domain}/${slug}`;
}

/**
 * archived (stored) › expired (`expiresAt` passed) › limit_reached (`humanClicks ≥ clickLimit`)
 * › active. The list's status filter (`queries.ts`) applies the same order in SQL.
 */
export function linkStatusOf(
  row: Pick<LinkRow, "status" | "expiresAt" | "clickLimit" | "humanClicks">,
  now: Date,
): LinkStatusValue {
  if (row.status === "archived") return "archived";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  if (row.clickLimit !== null && row.humanClicks >= row.clickLimit) return "limit_reached";
  return "active";
}

export type LinkDtoOptions = { shortBaseUrl?: string; now?: Date };

export function toLinkDto(record: LinkRecord, options: LinkDtoOptions = {}): LinkDto {
  const { row } = record;
  const shortBaseUrl = options.shortBaseUrl ?? env().shortBaseUrl;
  return {
    id: row.id,
    shortUrl: shortUrlOf(row.domain, row.slug, shortBaseUrl),
    slug: row.slug,
    domain: row.domain,
    url: row.url,
    destination: mergeUtm(row.url, row.utm),
    title: row.title,
    status: linkStatusOf(row, options.now ?? new Date()),
    tags: record.tags,
    campaignId: row.campaignId,
    campaign: record.campaign,
    utm: row.utm ?? null,
    rules: row.rules,
    hasPassword: row.passwordHash !== null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expiredUrl: row.expiredUrl,
    clickLimit: row.clickLimit,
    limitUrl: row.limitUrl,
    leadCapture: row.leadCapture ?? null,
    crm: row.crm,
    preview: row.preview ?? null,
    clicks: row.clicks,
    limitClicks: row.humanClicks,
    lastClickedAt: row.lastClickedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
