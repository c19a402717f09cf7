/**
 * `GET /api/v1/analytics.csv`: every panel of the analytics answer as rows of
 * `panel,name,detail,clicks` — one file a spreadsheet can pivot, small whatever the click count.
 */
import type { Analytics } from "@/lib/analytics/types";
import { csvLine } from "@/lib/links/csv";

export const SUMMARY_COLUMNS = ["panel", "name", "detail", "clicks"] as const;

export function summaryCsv(a: Analytics): string {
  const lines: string[] = [csvLine(SUMMARY_COLUMNS)];
  const add = (panel: string, name: string, detail: string | null, value: number | null) => lines.push(csvLine([panel, name, detail, value]));
  add("window", a.window, `${a.from}..${a.to}`, null);
  for (const [name, value] of Object.entries(a.totals)) add("totals", name, null, value);
  for (const p of a.series) add("series", p.date, null, p.clicks);
  a.hours.forEach((clicks, hour) => add("hours", String(hour).padStart(2, "0"), "UTC", clicks));
  for (const c of a.countries) add("countries", c.code, null, c.clicks);
  for (const c of a.cities) add("cities", c.city, c.country, c.clicks);
  for (const key of ["devices", "os", "browsers", "sources", "referrers"] as const) for (const n of a[key]) add(key, n.name, null, n.clicks);
  for (const d of a.destinations) add("destinations", d.url, d.rule, d.clicks);
  for (const l of a.topLinks) add("topLinks", l.shortUrl, l.title ?? l.url, l.clicks);
  for (const c of a.topContacts) add("topContacts", c.contactId, c.name, c.clicks);
  add("perContact", "linksSent", null, a.perContact.linksSent);
  add("perContact", "linksClicked", null, a.perContact.linksClicked);
  add("perContact", "contactsReached", null, a.perContact.contactsReached);
  add("perContact", "clickThroughRate", a.perContact.clickThroughRate === null ? null : a.perContact.clickThroughRate.toFixed(4), null);
  return lines.join("");
}

/** `smart-links-<scope>-<window>-<date>.csv` */
export function csvFilename(kind: string, a: Pick<Analytics, "window" | "to">): string {
  return `smart-links-${kind}-${a.window}-${a.to}.csv`;
}
