/** The raw clicks of an analytics scope and window as a CSV stream. */
import type { Db } from "@/db/client";
import { resolveQuery, type AnalyticsInput } from "@/lib/analytics/panels";
import { csvFilename } from "@/lib/analytics/summary-csv";
import { addDays, dayStart } from "@/lib/utc-days";
import { clicksCsvChunks, textStream } from "@/lib/clicks/export-csv";
import { log } from "@/lib/log";

export async function exportClicksCsv(db: Db, input: AnalyticsInput, shortBaseUrl: string): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  const q = await resolveQuery(db, input);
  const chunks = clicksCsvChunks(db, {
    workspaceId: q.workspaceId,
    rootLinkIds: q.stats.linkIds,
    from: dayStart(q.window.from),
    to: dayStart(addDays(q.window.to, 1)),
    shortBaseUrl,
  });
  const stream = textStream(chunks, (err) => log.error("clicks export failed", { workspaceId: q.workspaceId, err }));
  return { stream, filename: csvFilename(`clicks-${q.scope.kind}`, { window: q.window.window, to: q.window.to }) };
}
