import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { links } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";

/**
 * Deletes a link for good: its tags, clicks, leads and minted per-contact codes go with it
 * (foreign keys cascade). Archiving is the reversible alternative.
 */
export async function deleteLink(db: Db, workspaceId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(links)
    .where(and(eq(links.workspaceId, workspaceId), eq(links.id, id), isNull(links.parentLinkId)))
    .returning({ id: links.id });
  if (deleted.length === 0) throw new AppError("not_found", "Link not found");
  invalidateLinkCache();
}
