/**
 * The PostgreSQL click store: one multi-row INSERT per batch plus the per-link counters the link
 * list shows, in one transaction, so a retried batch is never counted twice. Batch hooks (the CRM
 * side enqueues its click jobs here) run in a savepoint of the same transaction: a failing hook is
 * logged and rolled back alone, and never costs the clicks.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clicks } from "@/db/schema/clicks";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { log } from "@/lib/log";

/** Runs inside the batch's transaction with every event of the batch (bots included: filter them). */
export type ClickBatchHook = (tx: Db, events: readonly ClickEvent[]) => Promise<void>;

/**
 * The batch as one JSON parameter, expanded by `json_to_recordset`: one statement and one
 * parameter for any batch size (no 65,535-parameter limit), and no per-value work in the ORM,
 * which costs more than the database does at click rates. Keys are the SQL column names.
 */
function toJsonRows(events: readonly ClickEvent[]): string {
  return JSON.stringify(
    events.map((e) => ({
      workspace_id: e.workspaceId,
      link_id: e.linkId,
      root_link_id: e.rootLinkId,
      occurred_at: e.occurredAt.toISOString(),
      destination: e.destination,
      rule: e.rule,
      country: e.country,
      region: e.region,
      city: e.city,
      device_type: e.deviceType,
      os: e.os,
      browser: e.browser,
      referrer: e.referrer,
      referrer_host: e.referrerHost,
      source: e.source,
      is_qr: e.isQr,
      is_bot: e.isBot,
      contact_id: e.contactId,
      visitor_key: e.visitorKey,
    })),
  );
}

const COLUMNS = sql.raw(
  "workspace_id, link_id, root_link_id, occurred_at, destination, rule, country, region, city, device_type, os, browser, referrer, referrer_host, source, is_qr, is_bot, contact_id, visitor_key",
);
const RECORD_TYPE = sql.raw(
  "workspace_id text, link_id text, root_link_id text, occurred_at timestamptz, destination text, rule click_rule, country text, region text, city text, device_type device_type, os text, browser text, referrer text, referrer_host text, source traffic_source, is_qr boolean, is_bot boolean, contact_id text, visitor_key text",
);

type Counter = { clicks: number; last: Date };

/**
 * Human clicks per link row: the root link always (the list shows it), and a minted code's own
 * row too (per-code "clicked" stats). Sorted by id so concurrent writers lock rows in one order.
 */
function humanCounters(events: readonly ClickEvent[]): [string, Counter][] {
  const counters = new Map<string, Counter>();
  const add = (id: string, at: Date) => {
    const c = counters.get(id);
    if (!c) counters.set(id, { clicks: 1, last: at });
    else {
      c.clicks += 1;
      if (at > c.last) c.last = at;
    }
  };
  for (const e of events) {
    if (e.isBot) continue;
    add(e.rootLinkId, e.occurredAt);
    if (e.linkId !== e.rootLinkId) add(e.linkId, e.occurredAt);
  }
  return [...counters.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function writeClickBatch(db: Db, events: readonly ClickEvent[], hooks: readonly ClickBatchHook[] = []): Promise<void> {
  if (events.length === 0) return;
  const counters = humanCounters(events);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into ${clicks} (${COLUMNS}) select ${COLUMNS} from json_to_recordset(${toJsonRows(events)}::json) as r(${RECORD_TYPE})`);
    if (counters.length > 0) {
      const rows = sql.join(
        counters.map(([id, c]) => sql`(${id}::text, ${c.clicks}::bigint, ${c.last.toISOString()}::timestamptz)`),
        sql`, `,
      );
      // A click is not an edit: updated_at stays the time of the last change to the link.
      await tx.execute(sql`
        update links as l
        set clicks = l.clicks + v.n, last_clicked_at = greatest(l.last_clicked_at, v.last)
        from (values ${rows}) as v(id, n, last)
        where l.id = v.id`);
    }
    for (const hook of hooks) {
      try {
        await tx.transaction((savepoint) => hook(savepoint, events));
      } catch (err) {
        log.error("click batch hook failed", { err, events: events.length });
      }
    }
  });
}
