import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { links } from "@/db/schema/links";

/**
 * Counts one human click against a link's click limit, atomically across every instance: the
 * new count, or null when the limit was already reached (the visitor gets the "limit reached"
 * answer). One statement, no transaction: the row lock of the UPDATE is the whole protocol.
 * `updated_at` is left alone: a click is not an edit.
 */
export async function consumeClickAllowance(db: Db, linkId: string): Promise<number | null> {
  const [row] = await db
    .update(links)
    .set({ humanClicks: sql`${links.humanClicks} + 1`, updatedAt: sql`${links.updatedAt}` })
    .where(and(eq(links.id, linkId), lt(links.humanClicks, links.clickLimit)))
    .returning({ humanClicks: links.humanClicks });
  return row ? row.humanClicks : null;
}
