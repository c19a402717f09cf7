/**
 * `GET /api/v1/links/export`: the filtered link list as CSV, streamed page by page (keyset
 * pages of `EXPORT_PAGE_SIZE`), so 100k links never sit in memory at once.
 */
import type { Db } from "@/db/client";
import { csvLine } from "@/lib/links/csv";
import { toLinkDto, type LinkDtoOptions } from "@/lib/links/dto";
import { listLinks } from "@/lib/links/queries";
import type { ListLinksQuery } from "@/lib/links/schemas";
import { log } from "@/lib/log";

export const EXPORT_COLUMNS = ["slug", "short_url", "url", "title", "tags", "campaign", "status", "clicks", "created_at"] as const;
export const EXPORT_PAGE_SIZE = 500;

export type ExportFilters = Pick<ListLinksQuery, "q" | "tag" | "campaignId" | "status">;

/**
 * The CSV stream, newest first. `url` is the destination visitors reach (UTM merged), `tags`
 * are `;`-separated, and `created_at` is ISO 8601 UTC. Re-importing the file recreates the links.
 */
export function exportLinksCsv(db: Db, workspaceId: string, filters: ExportFilters, options: LinkDtoOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const now = options.now ?? new Date();
  let cursor: string | undefined;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(EXPORT_COLUMNS)));
        return;
      }
      try {
        const page = await listLinks(
          db,
          workspaceId,
          { ...filters, sort: "created", order: "desc", limit: EXPORT_PAGE_SIZE, cursor },
          now,
        );
        const lines = page.items.map((record) => {
          const link = toLinkDto(record, { ...options, now });
          return csvLine([link.slug, link.shortUrl, link.destination, link.title, link.tags.join(";"), link.campaign?.name, link.status, link.clicks, link.createdAt]);
        });
        if (lines.length > 0) controller.enqueue(encoder.encode(lines.join("")));
        if (page.nextCursor) cursor = page.nextCursor;
        else controller.close();
      } catch (err) {
        // Headers are gone already: the client sees a cut-off download, the log says why.
        log.error("link export failed", { workspaceId, err });
        controller.error(err);
      }
    },
  });
}
