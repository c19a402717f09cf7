/**
 * Campaign reads, the find-or-create by name used by the CSV import, and the campaign's tag set.
 * Names match case-insensitively (`campaigns_workspace_name_uq` on `lower(name)`).
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, campaignTags, links, tags, type CampaignRow } from "@/db/schema";
import { toCampaignDto } from "@/lib/campaigns/dto";
import type { CampaignDto } from "@/lib/campaigns/schemas";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ensureTags } from "@/lib/tags/queries";

export async function findCampaign(db: Db, workspaceId: string, id: string): Promise<CampaignRow | null> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)))
    .limit(1);
  return row ?? null;
}

export async function getCampaignOrThrow(db: Db, workspaceId: string, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, workspaceId, id);
  if (!row) throw new AppError("not_found", "Campaign not found");
  return row;
}

/**
 * A link's `campaignId` must name one of the workspace's campaigns: anything else is a field
 * error (422), never a hint that the id exists elsewhere.
 */
export async function assertCampaignInWorkspace(db: Db, workspaceId: string, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, workspaceId, id);
  if (!row) {
    throw new AppError("invalid_input", "Some fields are invalid", {
      fieldErrors: { campaignId: ["No such campaign in this workspace"] },
    });
  }
  return row;
}

async function tagNamesByCampaign(db: Db, campaignIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (campaignIds.length === 0) return out;
  const rows = await db
    .select({ campaignId: campaignTags.campaignId, name: tags.name })
    .from(campaignTags)
    .innerJoin(tags, eq(tags.id, campaignTags.tagId))
    .where(inArray(campaignTags.campaignId, campaignIds))
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.name));
  for (const r of rows) out.set(r.campaignId, [...(out.get(r.campaignId) ?? []), r.name]);
  return out;
}

async function linkCountsByCampaign(db: Db, workspaceId: string, campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .select({ campaignId: links.campaignId, n: count() })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), inArray(links.campaignId, campaignIds), isNull(links.parentLinkId)))
    .groupBy(links.campaignId);
  return new Map(rows.map((r) => [r.campaignId ?? "", r.n]));
}

async function toDtos(db: Db, workspaceId: string, rows: CampaignRow[]): Promise<CampaignDto[]> {
  const ids = rows.map((r) => r.id);
  const [tagNames, linkCounts] = [await tagNamesByCampaign(db, ids), await linkCountsByCampaign(db, workspaceId, ids)];
  return rows.map((r) => toCampaignDto(r, tagNames.get(r.id) ?? [], linkCounts.get(r.id) ?? 0));
}

export async function getCampaignDtoOrThrow(db: Db, workspaceId: string, id: string): Promise<CampaignDto> {
  const [dto] = await toDtos(db, workspaceId, [await getCampaignOrThrow(db, workspaceId, id)]);
  if (!dto) throw new AppError("not_found", "Campaign not found");
  return dto;
}

/** Every campaign of the workspace, newest first, with its tags and link count. */
export async function listCampaigns(db: Db, workspaceId: string): Promise<CampaignDto[]> {
  const rows = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.workspaceId, workspaceId))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id));
  return toDtos(db, workspaceId, rows);
}

/** Replaces a campaign's tags with these names (created if new). */
export async function setCampaignTags(db: Db, workspaceId: string, campaignId: string, names: readonly string[]): Promise<void> {
  const tagRows = await ensureTags(db, workspaceId, names);
  await db.delete(campaignTags).where(eq(campaignTags.campaignId, campaignId));
  if (tagRows.length > 0) {
    await db.insert(campaignTags).values(tagRows.map((t) => ({ campaignId, tagId: t.id }))).onConflictDoNothing();
  }
}

/**
 * The workspace's campaigns with these names (case-insensitive), creating the missing ones;
 * keyed by lower-cased name. For the CSV import's `campaign` column.
 */
export async function ensureCampaigns(db: Db, workspaceId: string, names: readonly string[]): Promise<Map<string, CampaignRow>> {
  const firstSpelling = new Map<string, string>();
  for (const name of names) if (!firstSpelling.has(name.toLowerCase())) firstSpelling.set(name.toLowerCase(), name);
  const wanted = [...firstSpelling.values()];
  const out = new Map<string, CampaignRow>();
  if (wanted.length === 0) return out;
  await db
    .insert(campaigns)
    .values(wanted.map((name) => ({ id: newId("cmp"), workspaceId, name })))
    .onConflictDoNothing();
  const lowered = sql.join(
    wanted.map((n) => sql`lower(${n})`),
    sql`, `,
  );
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), sql`lower(${campaigns.name}) in (${lowered})`));
  for (const row of rows) out.set(row.name.toLowerCase(), row);
  return out;
}

/** The ids of the campaign's top-level links (its analytics are theirs combined). */
export async function campaignLinkIds(db: Db, workspaceId: string, campaignId: string): Promise<string[]> {
  const rows = await db
    .select({ id: links.id })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), eq(links.campaignId, campaignId), isNull(links.parentLinkId)));
  return rows.map((r) => r.id);
}
