/**
 * Tag reads and the find-or-create used by every writer that takes tag names (links, campaigns,
 * bulk actions, CSV import). Names match case-insensitively, through the
 * `tags_workspace_name_uq` index on `(workspace_id, lower(name))`.
 */
import { and, asc, count, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { linkTags, tags, type TagRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { toTagDto } from "@/lib/tags/dto";
import type { TagDto } from "@/lib/tags/schemas";

const CHUNK = 1000;

/** Trimmed names, first spelling kept, case-insensitive duplicates and blanks dropped. */
export function uniqueTagNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (name === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function chunksOf<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** The workspace's tags with these names (case-insensitive); unknown names are skipped. */
export async function findTagsByNames(db: Db, workspaceId: string, names: readonly string[]): Promise<TagRow[]> {
  const wanted = uniqueTagNames(names);
  const out: TagRow[] = [];
  for (const chunk of chunksOf(wanted, CHUNK)) {
    const lowered = sql.join(
      chunk.map((name) => sql`lower(${name})`),
      sql`, `,
    );
    out.push(
      ...(await db
        .select()
        .from(tags)
        .where(and(eq(tags.workspaceId, workspaceId), sql`lower(${tags.name}) in (${lowered})`))),
    );
  }
  return out;
}

/**
 * The workspace's tags with these names, creating the missing ones (default colour), in the
 * order the names were given. Safe under concurrency: a tag created meanwhile is reused.
 */
export async function ensureTags(db: Db, workspaceId: string, names: readonly string[]): Promise<TagRow[]> {
  const wanted = uniqueTagNames(names);
  if (wanted.length === 0) return [];
  for (const chunk of chunksOf(wanted, CHUNK)) {
    await db
      .insert(tags)
      .values(chunk.map((name) => ({ id: newId("tag"), workspaceId, name })))
      .onConflictDoNothing();
  }
  const byName = new Map((await findTagsByNames(db, workspaceId, wanted)).map((t) => [t.name.toLowerCase(), t]));
  const out: TagRow[] = [];
  const seen = new Set<string>();
  for (const name of wanted) {
    const tag = byName.get(name.toLowerCase());
    if (tag && !seen.has(tag.id)) {
      seen.add(tag.id);
      out.push(tag);
    }
  }
  return out;
}

/** A tag by id, or by name (case-insensitive): what the link list's `tag` filter takes. */
export async function findTagByIdOrName(db: Db, workspaceId: string, value: string): Promise<TagRow | null> {
  const [row] = await db
    .select()
    .from(tags)
    .where(and(eq(tags.workspaceId, workspaceId), or(eq(tags.id, value), sql`lower(${tags.name}) = lower(${value})`)))
    .orderBy(sql`${tags.id} = ${value} desc`)
    .limit(1);
  return row ?? null;
}

export async function getTagOrThrow(db: Db, workspaceId: string, id: string): Promise<TagRow> {
  const [row] = await db
    .select()
    .from(tags)
    .where(and(eq(tags.workspaceId, workspaceId), eq(tags.id, id)))
    .limit(1);
  if (!row) throw new AppError("not_found", "Tag not found");
  return row;
}

async function linkCountOf(db: Db, tagId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(linkTags).where(eq(linkTags.tagId, tagId));
  return row?.n ?? 0;
}

export async function getTagDtoOrThrow(db: Db, workspaceId: string, id: string): Promise<TagDto> {
  const row = await getTagOrThrow(db, workspaceId, id);
  return toTagDto(row, await linkCountOf(db, row.id));
}

/** Every tag of the workspace, A→Z, with how many links carry it. */
export async function listTags(db: Db, workspaceId: string): Promise<TagDto[]> {
  const rows = await db
    .select({ tag: tags, linkCount: count(linkTags.linkId) })
    .from(tags)
    .leftJoin(linkTags, eq(linkTags.tagId, tags.id))
    .where(eq(tags.workspaceId, workspaceId))
    .groupBy(tags.id)
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id));
  return rows.map((r) => toTagDto(r.tag, r.linkCount));
}

/** Tag names per link id (A→Z, case-insensitive), for DTOs. */
export async function tagNamesByLink(db: Db, linkIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const chunk of chunksOf(linkIds, CHUNK)) {
    if (chunk.length === 0) continue;
    const rows = await db
      .select({ linkId: linkTags.linkId, name: tags.name })
      .from(linkTags)
      .innerJoin(tags, eq(tags.id, linkTags.tagId))
      .where(inArray(linkTags.linkId, chunk))
      .orderBy(asc(sql`lower(${tags.name})`), asc(tags.name));
    for (const r of rows) {
      const list = out.get(r.linkId) ?? [];
      list.push(r.name);
      out.set(r.linkId, list);
    }
  }
  return out;
}
