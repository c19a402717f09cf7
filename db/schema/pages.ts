import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps, timestamptz, workspaceRef } from "@/db/columns";

/**
 * A page's content, top to bottom. Buttons either point at one of the workspace's links
 * (`linkId`, so the click is that link's click) or at a plain URL (tracked as a page click).
 * `id`s are stable per block, so a button's clicks survive reordering.
 */
export type PageBlock =
  | { id: string; type: "button"; label: string; url: string; linkId?: string }
  | { id: string; type: "text"; text: string }
  | { id: string; type: "image"; url: string; alt?: string; href?: string };
export type PageSocial = { network: string; url: string };
/** Template overrides; colours are `#rrggbb`. */
export type PageTheme = {
  background?: string;
  accent?: string;
  text?: string;
  buttonStyle?: "rounded" | "pill" | "square" | "outline";
};

/** Landing pages (link-in-bio), published at `{APP_URL}/p/{slug}`; slugs are global. */
export const landingPages = pgTable(
  "landing_pages",
  {
    id: id(),
    workspaceId: workspaceRef(),
    slug: text().notNull(),
    title: text().notNull(),
    bio: text(),
    avatarUrl: text(),
    template: text().notNull().default("classic"),
    theme: jsonb().$type<PageTheme>().notNull().default({}),
    blocks: jsonb().$type<PageBlock[]>().notNull().default([]),
    socials: jsonb().$type<PageSocial[]>().notNull().default([]),
    published: boolean().notNull().default(false),
    publishedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("landing_pages_slug_uq").on(t.slug),
    index("landing_pages_workspace_created_idx").on(t.workspaceId, t.createdAt),
    check("landing_pages_slug_not_empty_ck", sql`${t.slug} <> ''`),
  ],
);

export type LandingPageRow = typeof landingPages.$inferSelect;
export type NewLandingPageRow = typeof landingPages.$inferInsert;
