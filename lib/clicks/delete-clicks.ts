/**
 * Deleting clicks with what they belong to, and keeping the rollups true to what is left.
 * `clicks` has no foreign keys (see db/schema/clicks.ts), so deleting a link or purging a
 * workspace deletes its clicks here, in the caller's transaction.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clickContactReach, clickRollups, clickVisitorDays } from "@/db/schema/click-rollups";
import { clicks } from "@/db/schema/clicks";
import { rowsOf, textArray } from "@/db/rows";
import { ROLLUP_DIMS } from "@/lib/clicks/rollup-dims";
import { rollUpQueuedClicks } from "@/lib/clicks/rollups";
import { addDays, utcDay } from "@/lib/utc-days";

const DAY = `(occurred_at at time zone 'UTC')::date`;

/**
 * Every click of these links, their minted per-contact codes' included (`rootLinkId`), and their
 * share of the workspace's figures: additive counts are subtracted exactly; unique visitors of the
 * days they had clicks are counted again from the clicks that remain (a visitor who also opened
 * another link that day still counts); each contact's last click day is taken from their other
 * links. Costs a scan of the workspace's clicks on those days — deleting links is rare.
 */
export async function deleteClicksOfLinks(db: Db, workspaceId: string, rootLinkIds: readonly string[]): Promise<void> {
  if (rootLinkIds.length === 0) return;
  await rollUpQueuedClicks(db, { wait: true }); // so that nothing queued adds these links back afterwards
  const ids = textArray(rootLinkIds);
  const ws = workspaceId;
  // Minus the links' counts, upserted like the writer adds them (a join-update plans badly on PGlite).
  await db.execute(sql`
    insert into click_rollups (workspace_id, link_id, dim, monthly, day, key, clicks)
    select ${ws}, '', dim, monthly, day, key, -sum(clicks) from click_rollups
    where workspace_id = ${ws} and link_id = any(${ids}) and dim not in (${ROLLUP_DIMS.visitors}, ${ROLLUP_DIMS.destination})
    group by dim, monthly, day, key
    order by dim, monthly, day, key
    on conflict (workspace_id, link_id, dim, monthly, day, key) do update set clicks = click_rollups.clicks + excluded.clicks`);
  await db.execute(sql`delete from click_rollups where workspace_id = ${ws} and link_id = '' and dim = ${ROLLUP_DIMS.link} and key = any(${ids})`);
  const visitorDays = rowsOf<{ day: string }>(
    await db.execute(sql`
      select distinct day::text as day from click_rollups
      where workspace_id = ${ws} and link_id = any(${ids}) and dim = ${ROLLUP_DIMS.visitors} and monthly = false`),
  ).map((r) => r.day);
  const contacts = rowsOf<{ contact_id: string }>(
    await db.execute(sql`delete from click_contact_reach where workspace_id = ${ws} and link_id = any(${ids}) returning contact_id`),
  ).map((r) => r.contact_id);

  await db.delete(clicks).where(and(eq(clicks.workspaceId, ws), inArray(clicks.rootLinkId, [...rootLinkIds])));
  await db.delete(clickRollups).where(and(eq(clickRollups.workspaceId, ws), inArray(clickRollups.linkId, [...rootLinkIds])));
  await db.delete(clickVisitorDays).where(and(eq(clickVisitorDays.workspaceId, ws), inArray(clickVisitorDays.linkId, [...rootLinkIds])));

  if (visitorDays.length > 0) await recountWorkspaceVisitors(db, ws, visitorDays);
  if (contacts.length > 0) await recomputeWorkspaceReach(db, ws, [...new Set(contacts)]);
  await db.execute(sql`delete from click_rollups where workspace_id = ${ws} and link_id = '' and clicks <= 0`);
}

/** The workspace's unique visitors on these days (and their months) from the clicks. */
async function recountWorkspaceVisitors(db: Db, ws: string, days: readonly string[]): Promise<void> {
  const dayList = sql`${textArray(days)}::date[]`;
  const sorted = [...days].sort();
  await db.execute(sql`
    update click_rollups r set clicks = coalesce(v.n, 0)
    from unnest(${dayList}) d(day)
    left join (
      select ${sql.raw(DAY)} as day, count(distinct visitor_key) as n from clicks
      where workspace_id = ${ws} and root_link_id is not null and not is_bot
        and occurred_at >= ${`${sorted[0]}T00:00:00Z`}::timestamptz and occurred_at < ${`${sorted[sorted.length - 1]}T00:00:00Z`}::timestamptz + interval '1 day'
        and ${sql.raw(DAY)} = any(${dayList})
      group by 1
    ) v on v.day = d.day
    where r.workspace_id = ${ws} and r.link_id = '' and r.dim = ${ROLLUP_DIMS.visitors} and r.monthly = false and r.day = d.day`);
  await db.execute(sql`
    update click_rollups m set clicks = coalesce((
      select sum(d.clicks) from click_rollups d
      where d.workspace_id = ${ws} and d.link_id = '' and d.dim = ${ROLLUP_DIMS.visitors} and d.monthly = false
        and d.day >= m.day and d.day < (m.day + interval '1 month')::date
    ), 0)
    where m.workspace_id = ${ws} and m.link_id = '' and m.dim = ${ROLLUP_DIMS.visitors} and m.monthly = true
      and m.day = any(select distinct date_trunc('month', d::timestamp)::date from unnest(${textArray(days)}::date[]) d)`);
  // Today's and yesterday's keys decide who is new from now on: rebuild them from the clicks.
  const recent = days.filter((d) => d >= addDays(utcDay(Date.now()), -1));
  if (recent.length === 0) return;
  await db.execute(sql`delete from click_visitor_days where day = any(${textArray(recent)}::date[]) and workspace_id = ${ws} and link_id = ''`);
  await db.execute(sql`
    insert into click_visitor_days (day, workspace_id, link_id, visitor_key)
    select distinct ${sql.raw(DAY)}, workspace_id, '', visitor_key from clicks
    where workspace_id = ${ws} and root_link_id is not null and not is_bot and ${sql.raw(DAY)} = any(${textArray(recent)}::date[])
    on conflict do nothing`);
}

/** Each contact's last click day in the workspace, from their remaining links. */
async function recomputeWorkspaceReach(db: Db, ws: string, contactIds: readonly string[]): Promise<void> {
  const ids = textArray(contactIds);
  await db.execute(sql`delete from click_contact_reach where workspace_id = ${ws} and link_id = '' and contact_id = any(${ids})`);
  await db.execute(sql`
    insert into click_contact_reach (workspace_id, link_id, contact_id, last_day)
    select workspace_id, '', contact_id, max(last_day) from click_contact_reach
    where workspace_id = ${ws} and link_id <> '' and contact_id = any(${ids})
    group by 1, 2, 3`);
}

/** Every click of these workspaces and their rollups (purge after uninstall). */
export async function deleteClicksOfWorkspaces(db: Db, workspaceIds: readonly string[]): Promise<void> {
  if (workspaceIds.length === 0) return;
  await rollUpQueuedClicks(db, { wait: true });
  const ids = [...workspaceIds];
  await db.delete(clicks).where(inArray(clicks.workspaceId, ids));
  await db.delete(clickRollups).where(inArray(clickRollups.workspaceId, ids));
  await db.delete(clickVisitorDays).where(inArray(clickVisitorDays.workspaceId, ids));
  await db.delete(clickContactReach).where(inArray(clickContactReach.workspaceId, ids));
}

/**
 * A contact deleted in the CRM: their clicks stay (and keep counting as identified clicks) but
 * lose the contact id; the contact disappears from top contacts and unique contacts.
 */
export async function eraseContactFromClicks(db: Db, workspaceId: string, contactId: string): Promise<void> {
  await rollUpQueuedClicks(db, { wait: true });
  const links = rowsOf<{ link_id: string }>(
    await db.execute(sql`delete from click_contact_reach where workspace_id = ${workspaceId} and contact_id = ${contactId} returning link_id`),
  ).map((r) => r.link_id);
  await db.update(clicks).set({ contactId: null }).where(and(eq(clicks.workspaceId, workspaceId), eq(clicks.contactId, contactId)));
  if (links.length === 0) return;
  await db.execute(sql`
    delete from click_rollups
    where workspace_id = ${workspaceId} and link_id = any(${textArray([...new Set([...links, ""])])}) and dim = ${ROLLUP_DIMS.contact} and key = ${contactId}`);
}
