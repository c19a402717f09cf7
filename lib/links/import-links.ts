/**
 * `POST /api/v1/links/import`: all or nothing. Every row is validated first (cells, duplicate
 * slugs in the file, slugs already taken); any bad row → 422 with `details.rows` and nothing
 * written. A clean file is written in one transaction: campaigns and tags named in it are
 * created when new (matched case-insensitively), links on the workspace's default domain.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { linkTags, links, type NewLinkRow } from "@/db/schema";
import { ensureCampaigns } from "@/lib/campaigns/queries";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { LinkActor } from "@/lib/links/create-link";
import { CsvSyntaxError, CsvTooManyRecordsError, parseCsv, unguardCell, type CsvRecord } from "@/lib/links/csv";
import { assertActiveLinkCapacity, resolveLinkDomain, slugTaken, type LinkWorkspace } from "@/lib/links/link-policy";
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  importRowSchema,
  type ImportLinksResult,
  type ImportRowError,
  type ImportRowValues,
} from "@/lib/links/schemas";
import { randomSlug, RANDOM_SLUG_ATTEMPTS } from "@/lib/links/slug";
import { findWorkspaceUserId } from "@/lib/links/write-helpers";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { ensureTags } from "@/lib/tags/queries";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

/** Bad rows listed in the 422 answer at most (the count of all of them is in `badRowCount`). */
export const IMPORT_REPORTED_ROWS_MAX = 500;
const CHUNK = 500;

type Column = (typeof IMPORT_COLUMNS)[number];
type ParsedRow = { line: number; values: ImportRowValues };

function fileError(message: string, line?: number): AppError {
  return new AppError("invalid_input", message, {
    rows: [{ row: line ?? 1, errors: { file: [message] } }],
    fieldErrors: { file: [message] },
  });
}

/** Header names → column positions (case-insensitive; spaces and hyphens read as `_`). */
function columnsOf(header: CsvRecord): Map<Column, number> {
  const known = new Set<string>(IMPORT_COLUMNS);
  const out = new Map<Column, number>();
  header.cells.forEach((raw, index) => {
    const name = raw.trim().toLowerCase().replace(/[\s-]+/g, "_");
    if (!known.has(name)) return;
    if (out.has(name as Column)) throw fileError(`The column "${name}" appears twice in the header row`);
    out.set(name as Column, index);
  });
  if (!out.has("url")) throw fileError("The first row must name the columns, including url (also: slug, title, tags, campaign, expires_at)");
  return out;
}

function parseRecords(text: string): CsvRecord[] {
  try {
    return parseCsv(text, IMPORT_MAX_ROWS + 1);
  } catch (err) {
    if (err instanceof CsvTooManyRecordsError) {
      throw new AppError("payload_too_large", `Import at most ${IMPORT_MAX_ROWS.toLocaleString("en-US")} links per file`);
    }
    if (err instanceof CsvSyntaxError) throw fileError(`Line ${err.line}: ${err.message}`, err.line);
    throw err;
  }
}

/** Validates every row; returns the parsed rows or the errors of every bad one. */
function validateRows(records: CsvRecord[], columns: Map<Column, number>): { rows: ParsedRow[]; errors: ImportRowError[] } {
  const rows: ParsedRow[] = [];
  const errors: ImportRowError[] = [];
  const slugLines = new Map<string, number>();
  for (const record of records) {
    const raw = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, unguardCell(record.cells[columns.get(c) ?? -1] ?? "")]));
    const parsed = importRowSchema.safeParse(raw);
    const rowErrors: Record<string, string[]> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) (rowErrors[String(issue.path[0] ?? "row")] ??= []).push(issue.message);
    } else if (parsed.data.slug !== undefined) {
      const seenOn = slugLines.get(parsed.data.slug);
      if (seenOn !== undefined) rowErrors.slug = [`The slug "${parsed.data.slug}" is already used on line ${seenOn} of this file`];
      else slugLines.set(parsed.data.slug, record.line);
    }
    if (parsed.success && Object.keys(rowErrors).length === 0) rows.push({ line: record.line, values: parsed.data });
    else errors.push({ row: record.line, errors: rowErrors });
  }
  return { rows, errors };
}

/** Rows whose custom slug is already a link on `domain` (any workspace: short URLs are global). */
async function takenSlugErrors(db: Db, domain: string, rows: ParsedRow[]): Promise<ImportRowError[]> {
  const custom = rows.filter((r) => r.values.slug !== undefined);
  const taken = new Set<string>();
  for (let i = 0; i < custom.length; i += CHUNK) {
    const slugs = custom.slice(i, i + CHUNK).map((r) => r.values.slug ?? "");
    const found = await db
      .select({ slug: links.slug })
      .from(links)
      .where(and(eq(links.domain, domain), inArray(links.slug, slugs)));
    for (const f of found) taken.add(f.slug);
  }
  return custom
    .filter((r) => taken.has(r.values.slug ?? ""))
    .map((r) => ({ row: r.line, errors: { slug: [slugTaken(r.values.slug ?? "").message] } }));
}

function rejectRows(errors: ImportRowError[]): never {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const n = sorted.length;
  throw new AppError("invalid_input", `${n} ${n === 1 ? "row has" : "rows have"} errors; nothing was imported`, {
    rows: sorted.slice(0, IMPORT_REPORTED_ROWS_MAX),
    badRowCount: n,
  });
}

/** Inserts one chunk; random-slug collisions get new slugs, a custom slug taken meanwhile fails the import. */
async function insertChunk(tx: Db, values: NewLinkRow[], customIds: Set<string>): Promise<void> {
  let pending = values;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= RANDOM_SLUG_ATTEMPTS) throw new AppError("internal", "Could not find free random slugs");
    const inserted = await tx
      .insert(links)
      .values(pending)
      .onConflictDoNothing({ target: [links.domain, links.slug] })
      .returning({ id: links.id });
    const done = new Set(inserted.map((r) => r.id));
    pending = pending.filter((v) => !done.has(v.id));
    const lost = pending.find((v) => customIds.has(v.id));
    if (lost) throw slugTaken(lost.slug);
    pending = pending.map((v) => ({ ...v, slug: randomSlug() }));
  }
}

async function writeRows(tx: Db, actor: LinkActor, workspace: LinkWorkspace, domain: string, rows: ParsedRow[]): Promise<string[]> {
  await assertActiveLinkCapacity(tx, workspace.id, rows.length);
  const campaignByName = await ensureCampaigns(tx, workspace.id, rows.flatMap((r) => (r.values.campaign ? [r.values.campaign] : [])));
  const tagRows = await ensureTags(tx, workspace.id, rows.flatMap((r) => r.values.tags));
  const tagIdByName = new Map(tagRows.map((t) => [t.name.toLowerCase(), t.id]));
  const createdByUserId = await findWorkspaceUserId(tx, workspace.id, actor.userId);
  // One timestamp per row, 1 ms apart in file order, so the list shows the file's order.
  const base = Date.now() - rows.length;
  const values: NewLinkRow[] = rows.map(({ values: v }, i) => ({
    id: newId("lnk"),
    workspaceId: workspace.id,
    domain,
    slug: v.slug ?? randomSlug(),
    url: v.url,
    title: v.title,
    expiresAt: v.expires_at,
    campaignId: v.campaign ? (campaignByName.get(v.campaign.toLowerCase())?.id ?? null) : null,
    crm: { ...workspace.settings.automation },
    createdByUserId,
    createdAt: new Date(base + i),
  }));
  const customIds = new Set(values.filter((_, i) => rows[i]?.values.slug !== undefined).map((v) => v.id));
  for (let i = 0; i < values.length; i += CHUNK) await insertChunk(tx, values.slice(i, i + CHUNK), customIds);
  const pairs = values.flatMap((v, i) =>
    [...new Set((rows[i]?.values.tags ?? []).map((name) => tagIdByName.get(name.toLowerCase())))]
      .filter((tagId): tagId is string => tagId !== undefined)
      .map((tagId) => ({ linkId: v.id, tagId })),
  );
  for (let i = 0; i < pairs.length; i += CHUNK * 2) {
    await tx.insert(linkTags).values(pairs.slice(i, i + CHUNK * 2)).onConflictDoNothing();
  }
  return values.map((v) => v.id);
}

export async function importLinksCsv(db: Db, actor: LinkActor, text: string): Promise<ImportLinksResult> {
  const [header, ...records] = parseRecords(text);
  if (!header) throw fileError("The file is empty");
  const columns = columnsOf(header);
  if (records.length === 0) throw fileError("The file has a header row but no links");
  if (records.length > IMPORT_MAX_ROWS) {
    throw new AppError("payload_too_large", `Import at most ${IMPORT_MAX_ROWS.toLocaleString("en-US")} links per file`);
  }
  const { rows, errors } = validateRows(records, columns);
  const workspace = await getWorkspaceOrThrow(db, actor.workspaceId);
  const domain = await resolveLinkDomain(db, workspace, undefined);
  errors.push(...(await takenSlugErrors(db, domain, rows)));
  if (errors.length > 0) rejectRows(errors);

  const ids = await db.transaction((tx) => writeRows(tx, actor, workspace, domain, rows));
  invalidateLinkCache();
  return { imported: ids.length, links: ids };
}
