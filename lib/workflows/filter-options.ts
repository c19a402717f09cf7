/**
 * The choices a workflow builder offers for the trigger's filters (HighLevel's `fetchOptions`:
 * a GET answering `{ options: [{ label, value }] }`), per location: its links (newest first),
 * tags (A→Z, the value is the name) and campaigns (newest first).
 */
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, links, tags } from "@/db/schema";
import { env } from "@/lib/env";
import { shortUrlOf } from "@/lib/links/dto";
import type { TriggerFilterField } from "@/lib/workflows/schemas";

export const FILTER_OPTIONS_MAX = 500;

export type FilterOption = { label: string; value: string };

export async function listTriggerFilterOptions(db: Db, workspaceId: string, field: TriggerFilterField): Promise<FilterOption[]> {
  switch (field) {
    case "link": {
      const rows = await db
        .select({ id: links.id, domain: links.domain, slug: links.slug, title: links.title })
        .from(links)
        .where(and(eq(links.workspaceId, workspaceId), isNull(links.parentLinkId)))
        .orderBy(desc(links.createdAt), desc(links.id))
        .limit(FILTER_OPTIONS_MAX);
      const base = env().shortBaseUrl;
      return rows.map((r) => {
        const shortUrl = shortUrlOf(r.domain, r.slug, base);
        return { label: r.title ? `${r.title} (${shortUrl})` : shortUrl, value: r.id };
      });
    }
    case "tag": {
      const rows = await db
        .select({ name: tags.name })
        .from(tags)
        .where(eq(tags.workspaceId, workspaceId))
        .orderBy(asc(sql`lower(${tags.name})`), asc(tags.name))
        .limit(FILTER_OPTIONS_MAX);
      return rows.map((r) => ({ label: r.name, value: r.name }));
    }
    case "campaign": {
      const rows = await db
        .select({ id: campaigns.id, name: campaigns.name })
        .from(campaigns)
        .where(eq(campaigns.workspaceId, workspaceId))
        .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
        .limit(FILTER_OPTIONS_MAX);
      return rows.map((r) => ({ label: r.name, value: r.id }));
    }
  }
}
