/**
 * Deleting clicks with what they belong to. `clicks` has no foreign keys (see db/schema/clicks.ts),
 * so deleting a link or purging a workspace deletes its clicks here, in the caller's transaction.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clicks } from "@/db/schema/clicks";

/** Every click of these links, their minted per-contact codes' included (`rootLinkId`). */
export async function deleteClicksOfLinks(db: Db, workspaceId: string, rootLinkIds: readonly string[]): Promise<void> {
  if (rootLinkIds.length === 0) return;
  await db.delete(clicks).where(and(eq(clicks.workspaceId, workspaceId), inArray(clicks.rootLinkId, [...rootLinkIds])));
}

/** Every click of these workspaces (purge after uninstall). */
export async function deleteClicksOfWorkspaces(db: Db, workspaceIds: readonly string[]): Promise<void> {
  if (workspaceIds.length === 0) return;
  await db.delete(clicks).where(inArray(clicks.workspaceId, [...workspaceIds]));
}
