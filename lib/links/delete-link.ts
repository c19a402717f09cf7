import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { links } from "@/db/schema";
import { deleteClicksOfLinks } from "@/lib/clicks/delete-clicks";
import { AppError } from "@/lib/errors";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";

/**
 * Deletes a link for good: its tags, leads and minted per-contact codes go with it (foreign keys
 * cascade), and its clicks (deleted here: clicks carry no foreign keys). Archiving is the
 * reversible alternative.
 */
export async function deleteLink(db: Db, workspaceId: string, id: string): Promise<void> {
  const deleted = await db.transaction(async (tx) => {
    const rows = await tx
      .delete(links)
      .where(and(eq(links.workspaceId, workspaceId), eq(links.id, id), isNull(links.parentLinkId)))
      .returning({ id: links.id });
    await deleteClicksOfLinks(tx, workspaceId, rows.map((r) => r.id));
    return rows;
  });
  if (deleted.length === 0) throw new AppError("not_found", "Link not found");
  invalidateLinkCache();
}
