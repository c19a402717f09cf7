/**
 * Bulk actions from the link list: one action over many links, in one transaction. Only the
 * workspace's own top-level links are touched; other ids are skipped silently (never a hint
 * that they exist elsewhere). The answer lists the ids that were acted on.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { linkTags, links } from "@/db/schema";
import { deleteClicksOfLinks } from "@/lib/clicks/delete-clicks";
import { assertCampaignInWorkspace } from "@/lib/campaigns/queries";
import type { LinkActor } from "@/lib/links/create-link";
import { assertActiveLinkCapacity } from "@/lib/links/link-policy";
import type { BulkLinksResult, BulkLinksValues } from "@/lib/links/schemas";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { ensureTags, findTagsByNames } from "@/lib/tags/queries";

const INSERT_CHUNK = 1000;

async function tagLinks(tx: Db, workspaceId: string, ids: string[], names: string[]): Promise<void> {
  const tagRows = await ensureTags(tx, workspaceId, names);
  const pairs = ids.flatMap((linkId) => tagRows.map((t) => ({ linkId, tagId: t.id })));
  for (let i = 0; i < pairs.length; i += INSERT_CHUNK) {
    await tx.insert(linkTags).values(pairs.slice(i, i + INSERT_CHUNK)).onConflictDoNothing();
  }
}

async function untagLinks(tx: Db, workspaceId: string, ids: string[], names: string[]): Promise<void> {
  const tagIds = (await findTagsByNames(tx, workspaceId, names)).map((t) => t.id);
  if (tagIds.length === 0) return;
  await tx.delete(linkTags).where(and(inArray(linkTags.linkId, ids), inArray(linkTags.tagId, tagIds)));
}

export async function bulkUpdateLinks(db: Db, actor: LinkActor, input: BulkLinksValues): Promise<BulkLinksResult> {
  const requested = [...new Set(input.ids)];
  const workspaceId = actor.workspaceId;
  const ids = await db.transaction(async (tx) => {
    const owned = await tx
      .select({ id: links.id, status: links.status })
      .from(links)
      .where(and(eq(links.workspaceId, workspaceId), inArray(links.id, requested), isNull(links.parentLinkId)))
      .for("update");
    const ownedIds = new Set(owned.map((r) => r.id));
    const ids = requested.filter((id) => ownedIds.has(id));
    if (ids.length === 0) return ids;
    const mine = and(eq(links.workspaceId, workspaceId), inArray(links.id, ids));
    switch (input.action) {
      case "tag":
        await tagLinks(tx, workspaceId, ids, input.tags ?? []);
        break;
      case "untag":
        await untagLinks(tx, workspaceId, ids, input.tags ?? []);
        break;
      case "move": {
        const campaignId = input.campaignId ? (await assertCampaignInWorkspace(tx, workspaceId, input.campaignId)).id : null;
        await tx.update(links).set({ campaignId }).where(mine);
        break;
      }
      case "archive":
        await tx.update(links).set({ status: "archived" }).where(mine);
        break;
      case "unarchive":
        await assertActiveLinkCapacity(tx, workspaceId, owned.filter((r) => r.status === "archived").length);
        await tx.update(links).set({ status: "active" }).where(mine);
        break;
      case "delete":
        await tx.delete(links).where(mine);
        await deleteClicksOfLinks(tx, workspaceId, ids);
        break;
    }
    return ids;
  });
  if (ids.length > 0) invalidateLinkCache();
  return { action: input.action, count: ids.length, ids };
}
