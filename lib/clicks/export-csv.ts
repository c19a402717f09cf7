/**
 * `GET /api/v1/clicks.csv`: raw clicks as CSV, streamed in keyset pages of `PAGE_SIZE` on
 * (occurred_at, id), so a million clicks never sit in memory at once and each page is an index
 * range scan however deep the export is. Bots and preview fetchers are included and flagged
 * (`bot`), so the file adds up to what the dashboard says about them. No visitor keys, no IPs.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf, textArray } from "@/db/rows";
import { csvLine } from "@/lib/links/csv";
import { shortUrlOf } from "@/lib/links/dto";

export const CLICK_CSV_COLUMNS = [
  "time",
  "link_id",
  "short_url",
  "destination",
  "rule",
  "country",
  "region",
  "city",
  "device",
  "os",
  "browser",
  "referrer",
  "source",
  "qr",
  "bot",
  "contact_id",
] as const;

const PAGE_SIZE = 5_000;

export type ClicksCsvQuery = {
  workspaceId: string;
  /** The root links whose clicks to export (minted codes included); null = every link of the workspace. */
  rootLinkIds: readonly string[] | null;
  from: Date;
  /** Exclusive. */
  to: Date;
  shortBaseUrl: string;
};

type ClickCsvRow = {
  id: string;
  at: string;
  /** occurred_at as PostgreSQL prints it (microseconds kept): the next page's cursor. */
  cursor_at: string;
  link_id: string | null;
  domain: string | null;
  slug: string | null;
  destination: string | null;
  rule: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  device_type: string | null;
  os: string | null;
  browser: string | null;
  referrer: string | null;
  source: string;
  is_qr: boolean;
  is_bot: boolean;
  contact_id: string | null;
};

/** The CSV in chunks of one page each, header first, oldest click first. */
export async function* clicksCsvChunks(db: Db, q: ClicksCsvQuery): AsyncGenerator<string> {
  yield csvLine(CLICK_CSV_COLUMNS);
  if (q.rootLinkIds !== null && q.rootLinkIds.length === 0) return;
  const links = q.rootLinkIds === null ? sql`c.root_link_id is not null` : sql`c.root_link_id = any(${textArray(q.rootLinkIds)})`;
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const page: ClickCsvRow[] = rowsOf<ClickCsvRow>(
      await db.execute(sql`
        select c.id::text as id, to_char(c.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
               c.occurred_at::text as cursor_at, c.link_id, l.domain, l.slug, c.destination, c.rule::text as rule,
               c.country, c.region, c.city, c.device_type::text as device_type, c.os, c.browser, c.referrer,
               c.source::text as source, c.is_qr, c.is_bot, c.contact_id
        from clicks c left join links l on l.id = c.link_id
        where c.workspace_id = ${q.workspaceId} and ${links}
          and c.occurred_at >= ${q.from.toISOString()}::timestamptz and c.occurred_at < ${q.to.toISOString()}::timestamptz
          ${after ? sql`and (c.occurred_at, c.id) > (${after.at}::timestamptz, ${after.id}::bigint)` : sql``}
        order by c.occurred_at, c.id
        limit ${PAGE_SIZE}`),
    );
    if (page.length === 0) return;
    let chunk = "";
    for (const r of page) {
      chunk += csvLine([
        r.at,
        r.link_id,
        r.slug === null || r.domain === null ? null : shortUrlOf(r.domain, r.slug, q.shortBaseUrl),
        r.destination,
        r.rule,
        r.country,
        r.region,
        r.city,
        r.device_type,
        r.os,
        r.browser,
        r.referrer,
        r.source,
        r.is_qr ? "true" : "false",
        r.is_bot ? "true" : "false",
        r.contact_id,
      ]);
    }
    yield chunk;
    if (page.length < PAGE_SIZE) return;
    const last = page[page.length - 1] as ClickCsvRow;
    after = { at: last.cursor_at, id: last.id };
  }
}

/** A generator of text chunks as a byte stream that pulls one chunk at a time (backpressure). */
export function textStream(chunks: AsyncGenerator<string>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        // Headers are gone already: the client sees a cut-off download, the log says why.
        onError(err);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
