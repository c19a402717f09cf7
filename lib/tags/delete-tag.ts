import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tags } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";

/** Deletes a tag from the workspace and from every link and campaign that carried it. */
export async function deleteTag(db: Db, workspaceId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(tags)
    .where(and(eq(tags.workspaceId, workspaceId), eq(tags.id, id)))
    .returning({ id: tags.id });
  if (deleted.length === 0) throw new AppError("not_found", "Tag not found");
  invalidateLinkCache();
}
