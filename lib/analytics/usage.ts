/**
 * Settings → Usage: per CRM user of the location, the links they created and the human clicks
 * those links received (in the last 30 days, and all time). Links created through an API key or
 * by a user since removed are shown as "Other".
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Plan } from "@/lib/billing/plans";
import { ROLLUP_DIMS } from "@/lib/clicks/rollup-dims";
import { topKeys } from "@/lib/clicks/stats";
import { creatorsOfLinks, linksPerCreator } from "@/lib/links/queries";
import { resolveWindow } from "@/lib/analytics/window";

export type UsageRow = { userId: string | null; name: string; email: string | null; links: number; clicks30d: number; clicksAllTime: number };

export async function usageByUser(db: Db, workspaceId: string, plan: Plan, now: Date = new Date()): Promise<UsageRow[]> {
  const window = resolveWindow("30d", plan, now);
  const [perCreator, creators, recent, people] = await Promise.all([
    linksPerCreator(db, workspaceId),
    creatorsOfLinks(db, workspaceId),
    topKeys(db, { workspaceId, linkIds: null }, window, ROLLUP_DIMS.link, null),
    db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.workspaceId, workspaceId)),
  ]);
  const recentByUser = new Map<string | null, number>();
  for (const { key: linkId, clicks } of recent) {
    const userId = creators.get(linkId) ?? null;
    recentByUser.set(userId, (recentByUser.get(userId) ?? 0) + clicks);
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows = perCreator.map((c): UsageRow => {
    const person = c.userId ? byId.get(c.userId) : undefined;
    return {
      userId: person ? c.userId : null,
      name: person ? person.name || person.email || "Unnamed user" : "Other (API keys, imports, removed users)",
      email: person?.email || null,
      links: c.links,
      clicks30d: recentByUser.get(c.userId) ?? 0,
      clicksAllTime: c.clicks,
    };
  });
  // Users who have not created links yet are listed too, after the others.
  for (const p of people) {
    if (!perCreator.some((c) => c.userId === p.id)) rows.push({ userId: p.id, name: p.name || p.email || "Unnamed user", email: p.email || null, links: 0, clicks30d: 0, clicksAllTime: 0 });
  }
  return rows.sort((a, b) => b.clicks30d - a.clicks30d || b.links - a.links || (a.userId === null ? 1 : b.userId === null ? -1 : a.name.localeCompare(b.name)));
}
