/** The tag names a contact gets for a link: the link's own tags and its campaign's. */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignTags, links, linkTags, tags } from "@/db/schema";

/** Tag names of these links of the workspace and of their campaigns, each name once (any case), sorted. */
export async function tagNamesOfLinks(db: Db, workspaceId: string, linkIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(linkIds)];
  if (ids.length === 0) return [];
  const ofWorkspaceLinks = and(eq(links.workspaceId, workspaceId), inArray(links.id, ids));
  const [own, ofCampaigns] = await Promise.all([
    db
      .select({ name: tags.name })
      .from(linkTags)
      .innerJoin(links, eq(links.id, linkTags.linkId))
      .innerJoin(tags, and(eq(tags.id, linkTags.tagId), eq(tags.workspaceId, workspaceId)))
      .where(ofWorkspaceLinks),
    db
      .select({ name: tags.name })
      .from(links)
      .innerJoin(campaignTags, eq(campaignTags.campaignId, links.campaignId))
      .innerJoin(tags, and(eq(tags.id, campaignTags.tagId), eq(tags.workspaceId, workspaceId)))
      .where(ofWorkspaceLinks),
  ]);
  const byLower = new Map<string, string>();
  for (const { name } of [...own, ...ofCampaigns]) if (!byLower.has(name.toLowerCase())) byLower.set(name.toLowerCase(), name);
  return [...byLower.values()].sort((a, b) => a.localeCompare(b));
}
