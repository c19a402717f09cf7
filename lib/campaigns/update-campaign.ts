import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { campaignNameTaken } from "@/lib/campaigns/create-campaign";
import { getCampaignDtoOrThrow, getCampaignOrThrow, setCampaignTags } from "@/lib/campaigns/queries";
import type { CampaignDto, UpdateCampaignValues } from "@/lib/campaigns/schemas";
import { isUniqueViolation } from "@/lib/links/unique-violation";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";

/**
 * Renames, describes, archives and/or re-tags a campaign in one transaction (`tags` replaces the
 * set). Another campaign's name (any case) → 409 `conflict`.
 */
export async function updateCampaign(db: Db, workspaceId: string, id: string, input: UpdateCampaignValues): Promise<CampaignDto> {
  try {
    await db.transaction(async (tx) => {
      await getCampaignOrThrow(tx, workspaceId, id);
      const set = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.archived !== undefined ? { archived: input.archived } : {}),
      };
      if (Object.keys(set).length > 0) {
        await tx.update(campaigns).set(set).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
      }
      if (input.tags !== undefined) await setCampaignTags(tx, workspaceId, id, input.tags);
    });
  } catch (err) {
    if (isUniqueViolation(err, "campaigns_workspace_name_uq")) throw campaignNameTaken(input.name ?? "");
    throw err;
  }
  // Campaign tags are applied on every click of its links.
  if (input.tags !== undefined) invalidateLinkCache();
  return getCampaignDtoOrThrow(db, workspaceId, id);
}
