import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";

/** Deletes a campaign; its links stay, outside any campaign (`links.campaign_id` → null). */
export async function deleteCampaign(db: Db, workspaceId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)))
    .returning({ id: campaigns.id });
  if (deleted.length === 0) throw new AppError("not_found", "Campaign not found");
  invalidateLinkCache();
}
