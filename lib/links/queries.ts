/**
 * Link reads. Every query is scoped to one workspace and to top-level links (minted
 * per-contact codes, `parentLinkId` set, are not listed, counted or edited here).
 *
 * The list is keyset-paginated on (sort key, id) with an opaque base64url cursor, so page N
 * costs the same as page 1 and rows inserted meanwhile never shift a page. The default sort
 * walks `links_workspace_created_idx` (workspace_id, created_at, id) in order; the clicks and
 * title sorts and `q` (ILIKE on slug/title/url) read the workspace's rows through the same
 * partial index and sort them, which stays in tens of milliseconds at 100k links.
 */
import { and, asc, desc, eq, gt, ilike, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, linkTags, links, type LinkRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { LinkRecord } from "@/lib/links/dto";
import type { LinkSort, LinkStatusValue, ListLinksQuery } from "@/lib/links/schemas";
import { findTagByIdOrName, tagNamesByLink } from "@/lib/tags/queries";

export async function findLink(db: Db, workspaceId: string, id: string): Promise<LinkRow | null> {
  const [row] = await db
    .select()
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), eq(links.id, id), isNull(links.parentLinkId)))
    .limit(1);
  return row ?? null;
}

/** The workspace's link, or `not_found` (also for another workspace's id: never a 403, never a hint). */
export async function getLinkOrThrow(db: Db, workspaceId: string, id: string): Promise<LinkRow> {
  const row = await findLink(db, workspaceId, id);
  if (!row) throw new AppError("not_found", "Link not found");
  return row;
}

/** Rows → records with tag names and campaign, in the rows' order (two queries, whatever the count). */
export async function loadLinkRecords(db: Db, rows: LinkRow[]): Promise<LinkRecord[]> {
  if (rows.length === 0) return [];
  const tagNames = await tagNamesByLink(
    db,
    rows.map((r) => r.id),
  );
  const campaignIds = [...new Set(rows.map((r) => r.campaignId).filter((id): id is string => id !== null))];
  const campaignRows =
    campaignIds.length > 0
      ? await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(inArray(campaigns.id, campaignIds))
      : [];
  const campaignById = new Map(campaignRows.map((c) => [c.id, c]));
  return rows.map((row) => ({
    row,
    tags: tagNames.get(row.id) ?? [],
    campaign: row.campaignId ? (campaignById.get(row.campaignId) ?? null) : null,
  }));
}

export async function getLinkRecordOrThrow(db: Db, workspaceId: string, id: string): Promise<LinkRecord> {
  const [record] = await loadLinkRecords(db, [await getLinkOrThrow(db, workspaceId, id)]);
  if (!record) throw new AppError("not_found", "Link not found");
  return record;
}

/** `linkStatusOf` (dto.ts) as SQL, same precedence: archived › expired › limit_reached › active. */
function statusCondition(status: LinkStatusValue, now: Date): SQL | undefined {
  const notExpired = or(isNull(links.expiresAt), gt(links.expiresAt, now));
  const limitReached = sql`${links.clickLimit} is not null and ${links.humanClicks} >= ${links.clickLimit}`;
  switch (status) {
    case "archived":
      return eq(links.status, "archived");
    case "expired":
      return and(eq(links.status, "active"), lte(links.expiresAt, now));
    case "limit_reached":
      return and(eq(links.status, "active"), notExpired, limitReached);
    case "active":
      return and(eq(links.status, "active"), notExpired, sql`not (${limitReached})`);
  }
}

/** `%`, `_` and `\` match themselves in a search. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type Order = "asc" | "desc";
type Cursor = { s: LinkSort; o: Order; v: string; id: string };

/** The sort key as SQL, and the SQL type its cursor value is cast back to. */
const SORT_KEYS: Record<LinkSort, { expr: SQL; cast: SQL }> = {
  created: { expr: sql`${links.createdAt}`, cast: sql`timestamptz` },
  clicks: { expr: sql`${links.clicks}`, cast: sql`bigint` },
  title: { expr: sql`lower(coalesce(${links.title}, ''))`, cast: sql`text` },
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.s, cursor.o, cursor.v, cursor.id])).toString("base64url");
}

function badCursor(): AppError {
  return new AppError("invalid_input", "Some fields are invalid", {
    fieldErrors: { cursor: ["This cursor is invalid or belongs to another sort order; start from the first page"] },
  });
}

export function decodeCursor(text: string, sort: LinkSort, order: Order): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => typeof v === "string")) throw badCursor();
  const [s, o, v, id] = value as string[];
  if (s !== sort || o !== order || v === undefined || !id) throw badCursor();
  if (sort === "created" && !/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?$/.test(v)) throw badCursor();
  if (sort === "clicks" && !/^\d+$/.test(v)) throw badCursor();
  return { s: sort, o: order, v, id };
}

export type LinkListPage = { items: LinkRecord[]; nextCursor: string | null };

export function defaultOrder(sort: LinkSort): Order {
  return sort === "title" ? "asc" : "desc";
}

/**
 * One page of the workspace's top-level links, filtered and sorted. A `tag` that names no tag
 * of the workspace, or another workspace's `campaignId`, yields an empty page.
 */
export async function listLinks(db: Db, workspaceId: string, query: ListLinksQuery, now: Date = new Date()): Promise<LinkListPage> {
  const order = query.order ?? defaultOrder(query.sort);
  const key = SORT_KEYS[query.sort];
  const conditions: (SQL | undefined)[] = [eq(links.workspaceId, workspaceId), isNull(links.parentLinkId)];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(links.slug, pattern), ilike(links.title, pattern), ilike(links.url, pattern)));
  }
  if (query.tag) {
    const tag = await findTagByIdOrName(db, workspaceId, query.tag);
    if (!tag) return { items: [], nextCursor: null };
    conditions.push(sql`exists (select 1 from ${linkTags} where ${linkTags.linkId} = ${links.id} and ${linkTags.tagId} = ${tag.id})`);
  }
  if (query.campaignId) conditions.push(eq(links.campaignId, query.campaignId));
  if (query.status) conditions.push(statusCondition(query.status, now));
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query.sort, order);
    const op = order === "desc" ? sql`<` : sql`>`;
    conditions.push(sql`(${key.expr}, ${links.id}) ${op} (${cursor.v}::${key.cast}, ${cursor.id})`);
  }
  const direction = order === "desc" ? desc : asc;
  const rows = await db
    .select({ link: links, sortValue: sql<string>`(${key.expr})::text` })
    .from(links)
    .where(and(...conditions))
    .orderBy(direction(key.expr), direction(links.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ s: query.sort, o: order, v: last.sortValue, id: last.link.id }) : null;
  return { items: await loadLinkRecords(db, page.map((r) => r.link)), nextCursor };
}

/** The workspace's top-level links among `ids` (analytics' top links; missing ids are skipped). */
export async function findLinksByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<LinkRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), inArray(links.id, [...ids]), isNull(links.parentLinkId)));
}

/** Per-contact codes minted from these links (null = any link of the workspace) in [from, to). */
export async function mintedCodeStats(
  db: Db,
  workspaceId: string,
  parentIds: readonly string[] | null,
  from: Date,
  to: Date,
): Promise<{ sent: number; clicked: number; contactsReached: number }> {
  if (parentIds !== null && parentIds.length === 0) return { sent: 0, clicked: 0, contactsReached: 0 };
  const [row] = await db
    .select({
      sent: sql<number>`count(*)`.mapWith(Number),
      clicked: sql<number>`count(*) filter (where ${links.clicks} > 0)`.mapWith(Number),
      contactsReached: sql<number>`count(distinct ${links.contactId}) filter (where ${links.clicks} > 0)`.mapWith(Number),
    })
    .from(links)
    .where(
      and(
        eq(links.workspaceId, workspaceId),
        parentIds === null ? sql`${links.parentLinkId} is not null` : inArray(links.parentLinkId, [...parentIds]),
        sql`${links.createdAt} >= ${from.toISOString()}`,
        sql`${links.createdAt} < ${to.toISOString()}`,
      ),
    );
  return row ?? { sent: 0, clicked: 0, contactsReached: 0 };
}

/** Top-level links per creating user: how many, and their human clicks all time (the list's counters). */
export async function linksPerCreator(db: Db, workspaceId: string): Promise<{ userId: string | null; links: number; clicks: number }[]> {
  return db
    .select({
      userId: links.createdByUserId,
      links: sql<number>`count(*)`.mapWith(Number),
      clicks: sql<number>`coalesce(sum(${links.clicks}), 0)`.mapWith(Number),
    })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), isNull(links.parentLinkId)))
    .groupBy(links.createdByUserId);
}

/** Link id → creating user for the workspace's top-level links that have one. */
export async function creatorsOfLinks(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: links.id, userId: links.createdByUserId })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), isNull(links.parentLinkId), sql`${links.createdByUserId} is not null`));
  return new Map(rows.map((r) => [r.id, r.userId as string]));
}
