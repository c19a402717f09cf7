import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tags } from "@/db/schema";
import { isUniqueViolation } from "@/lib/links/unique-violation";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { tagNameTaken } from "@/lib/tags/create-tag";
import { getTagDtoOrThrow, getTagOrThrow } from "@/lib/tags/queries";
import type { TagDto, UpdateTagValues } from "@/lib/tags/schemas";

/**
 * Renames and/or recolours a tag; every link and campaign carrying it sees the change at once
 * (they point at the tag by id). Another tag's name (any case) → `conflict` (409).
 */
export async function updateTag(db: Db, workspaceId: string, id: string, input: UpdateTagValues): Promise<TagDto> {
  await getTagOrThrow(db, workspaceId, id);
  try {
    await db
      .update(tags)
      .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.color ? { color: input.color } : {}) })
      .where(and(eq(tags.workspaceId, workspaceId), eq(tags.id, id)));
  } catch (err) {
    if (isUniqueViolation(err, "tags_workspace_name_uq")) throw tagNameTaken(input.name ?? "");
    throw err;
  }
  // Tag names travel with clicks (tag-on-click): resolved links must not keep the old one.
  if (input.name !== undefined) invalidateLinkCache();
  return getTagDtoOrThrow(db, workspaceId, id);
}
