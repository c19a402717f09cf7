/** The whole analytics answer: every panel, queried concurrently. */
import type { Db } from "@/db/client";
import { PANELS, resolveQuery, type AnalyticsInput } from "@/lib/analytics/panels";
import type { Analytics } from "@/lib/analytics/types";

export async function getAnalytics(db: Db, input: AnalyticsInput): Promise<Analytics> {
  const q = await resolveQuery(db, input);
  const keys = Object.keys(PANELS) as (keyof typeof PANELS)[];
  const values = await Promise.all(keys.map((key) => PANELS[key](db, q)));
  const panels = Object.fromEntries(keys.map((key, i) => [key, values[i]])) as { [K in keyof typeof PANELS]: Awaited<ReturnType<(typeof PANELS)[K]>> };
  return {
    window: q.window.window,
    from: q.window.from,
    to: q.window.to,
    historyDays: q.window.historyDays,
    scope: q.scope,
    ...panels,
    generatedAt: new Date().toISOString(),
  };
}
