import type { CampaignRow } from "@/db/schema";
import type { CampaignDto } from "@/lib/campaigns/schemas";

export function toCampaignDto(row: CampaignRow, tags: string[], linkCount: number): CampaignDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    archived: row.archived,
    tags,
    linkCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
