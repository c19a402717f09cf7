import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { getCampaignDtoOrThrow, setCampaignTags } from "@/lib/campaigns/queries";
import type { CampaignDto, CreateCampaignValues } from "@/lib/campaigns/schemas";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";

export function campaignNameTaken(name: string): AppError {
  return new AppError("conflict", `A campaign named "${name}" already exists`, { field: "name" });
}

/** Creates a campaign with its tags (created if new), in one transaction. Name taken (any case) → 409 `conflict`. */
export async function createCampaign(db: Db, workspaceId: string, input: CreateCampaignValues): Promise<CampaignDto> {
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ id: newId("cmp"), workspaceId, name: input.name, description: input.description ?? null })
      .onConflictDoNothing()
      .returning({ id: campaigns.id });
    if (!row) throw campaignNameTaken(input.name);
    if (input.tags?.length) await setCampaignTags(tx, workspaceId, row.id, input.tags);
    return row.id;
  });
  return getCampaignDtoOrThrow(db, workspaceId, id);
}
