/** Pieces shared by the link writers (create, update, bulk, import). */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { linkTags, links, users, type LinkRow, type NewLinkRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { slugTaken } from "@/lib/links/link-policy";
import { randomSlug, RANDOM_SLUG_ATTEMPTS } from "@/lib/links/slug";
import { ensureTags } from "@/lib/tags/queries";

/**
 * Inserts a link with its custom slug (taken → `slug_taken`) or a random one (taken → another,
 * up to `RANDOM_SLUG_ATTEMPTS`). The `(domain, slug)` unique index decides; `on conflict do
 * nothing` keeps the surrounding transaction usable after a collision.
 */
export async function insertLinkRow(
  db: Db,
  values: Omit<NewLinkRow, "slug" | "createdByUserId"> & { createdByUserId?: string | SQL | null },
  customSlug: string | undefined,
): Promise<LinkRow> {
  for (let attempt = 0; attempt < RANDOM_SLUG_ATTEMPTS; attempt++) {
    const slug = customSlug ?? randomSlug();
    const [row] = await db
      .insert(links)
      .values({ ...values, slug })
      .onConflictDoNothing({ target: [links.domain, links.slug] })
      .returning();
    if (row) return row;
    if (customSlug !== undefined) throw slugTaken(customSlug);
  }
  throw new AppError("internal", "Could not find a free random slug");
}

/** Sets a link's tags to these names (created if new); returns the names as stored, A→Z. */
export async function replaceLinkTags(db: Db, workspaceId: string, linkId: string, names: readonly string[]): Promise<string[]> {
  await db.delete(linkTags).where(eq(linkTags.linkId, linkId));
  return addLinkTags(db, workspaceId, linkId, names);
}

export async function addLinkTags(db: Db, workspaceId: string, linkId: string, names: readonly string[]): Promise<string[]> {
  const tagRows = await ensureTags(db, workspaceId, names);
  if (tagRows.length > 0) {
    await db
      .insert(linkTags)
      .values(tagRows.map((t) => ({ linkId, tagId: t.id })))
      .onConflictDoNothing();
  }
  return sortNames(tagRows.map((t) => t.name));
}

export function sortNames(names: string[]): string[] {
  return [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || a.localeCompare(b));
}

/**
 * `links.createdByUserId` for an actor: the user's id only if that user belongs to the
 * workspace (a subquery, so no extra round trip), else null.
 */
export function createdByOf(workspaceId: string, userId: string | null): SQL | null {
  if (!userId) return null;
  return sql`(select ${users.id} from ${users} where ${and(eq(users.id, userId), eq(users.workspaceId, workspaceId))})`;
}

/** The user's id when that user belongs to the workspace, else null (API keys, stale sessions). */
export async function findWorkspaceUserId(db: Db, workspaceId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId)))
    .limit(1);
  return row?.id ?? null;
}
