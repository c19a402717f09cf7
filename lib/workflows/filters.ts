/**
 * Applies a trigger subscription's filters (fields in lib/workflows/schemas.ts) to a click, and
 * loads what they look at: the clicked (root) link, its campaign and the tags of both.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, campaignTags, links, linkTags, tags } from "@/db/schema";
import { triggerFilterSchema, type TriggerFilterField } from "@/lib/workflows/schemas";

export type NormalizedFilter = { field: TriggerFilterField; values: string[] };

/** What the filters and the trigger's payload need of a link. */
export type ClickedLinkFacts = {
  id: string;
  workspaceId: string;
  domain: string;
  slug: string;
  url: string;
  title: string | null;
  /** The link's own tags, A→Z as stored. */
  tags: string[];
  campaign: { id: string; name: string } | null;
  /** The campaign's tags (added to the contact on a click too). */
  campaignTags: string[];
};

/**
 * Stored filters → the ones to apply. Filters were validated when the subscription was saved; a
 * stored one that no longer parses yields `null`: the subscription matches nothing rather than
 * everything.
 */
export function parseTriggerFilters(raw: readonly Record<string, unknown>[]): NormalizedFilter[] | null {
  const out: NormalizedFilter[] = [];
  for (const item of raw) {
    const parsed = triggerFilterSchema.safeParse(item);
    if (!parsed.success) return null;
    const value = parsed.data.value;
    const values = (Array.isArray(value) ? value : value == null ? [] : [value]).map((v) => v.trim()).filter((v) => v !== "");
    if (values.length > 0) out.push({ field: parsed.data.field, values });
  }
  return out;
}

export function matchesFilters(filters: readonly NormalizedFilter[] | null, link: ClickedLinkFacts): boolean {
  if (filters === null) return false;
  return filters.every((filter) => {
    switch (filter.field) {
      case "link":
        return filter.values.includes(link.id);
      case "campaign":
        return link.campaign !== null && filter.values.includes(link.campaign.id);
      case "tag": {
        const carried = new Set([...link.tags, ...link.campaignTags].map((t) => t.toLowerCase()));
        return filter.values.some((v) => carried.has(v.toLowerCase()));
      }
    }
  });
}

function groupNames(pairs: [key: string, name: string][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, name] of pairs) {
    const names = out.get(key);
    if (names) names.push(name);
    else out.set(key, [name]);
  }
  for (const names of out.values()) names.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return out;
}

/** The facts of these links (top-level link ids), by id; missing ids are absent. */
export async function loadClickedLinks(db: Db, linkIds: readonly string[]): Promise<Map<string, ClickedLinkFacts>> {
  const out = new Map<string, ClickedLinkFacts>();
  const ids = [...new Set(linkIds)];
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: links.id,
      workspaceId: links.workspaceId,
      domain: links.domain,
      slug: links.slug,
      url: links.url,
      title: links.title,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
    })
    .from(links)
    // The campaign of the same workspace only (a link never names another's, but tenancy is checked, not assumed).
    .leftJoin(campaigns, and(eq(campaigns.id, links.campaignId), eq(campaigns.workspaceId, links.workspaceId)))
    .where(inArray(links.id, ids));
  if (rows.length === 0) return out;
  const linkTagRows = await db
    .select({ linkId: linkTags.linkId, name: tags.name })
    .from(linkTags)
    .innerJoin(tags, eq(tags.id, linkTags.tagId))
    .where(inArray(linkTags.linkId, rows.map((r) => r.id)));
  const campaignIds = [...new Set(rows.flatMap((r) => (r.campaignId ? [r.campaignId] : [])))];
  const campaignTagRows =
    campaignIds.length === 0
      ? []
      : await db
          .select({ campaignId: campaignTags.campaignId, name: tags.name })
          .from(campaignTags)
          .innerJoin(tags, eq(tags.id, campaignTags.tagId))
          .where(inArray(campaignTags.campaignId, campaignIds));
  const tagsOfLink = groupNames(linkTagRows.map((t) => [t.linkId, t.name]));
  const tagsOfCampaign = groupNames(campaignTagRows.map((t) => [t.campaignId, t.name]));
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      workspaceId: r.workspaceId,
      domain: r.domain,
      slug: r.slug,
      url: r.url,
      title: r.title,
      tags: tagsOfLink.get(r.id) ?? [],
      campaign: r.campaignId && r.campaignName !== null ? { id: r.campaignId, name: r.campaignName } : null,
      campaignTags: (r.campaignId && tagsOfCampaign.get(r.campaignId)) || [],
    });
  }
  return out;
}
