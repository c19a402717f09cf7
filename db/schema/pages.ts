import { boolean, index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, timestamptz } from "@/db/columns";
import { workspaceRef } from "@/db/schema/workspaces";

export type PageButton = { id: string; label: string; linkId?: string; url: string };
export type PageSocial = { network: string; url: string };
export type PageTheme = { template: string; background?: string; accent?: string; buttonStyle?: string };

/** Landing pages (link-in-bio), published at `/p/{slug}`. */
export const landingPages = pgTable(
  "landing_pages",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    slug: text().notNull(),
    title: text().notNull(),
    bio: text(),
    avatarUrl: text(),
    images: jsonb().$type<string[]>().notNull().default([]),
    buttons: jsonb().$type<PageButton[]>().notNull().default([]),
    socials: jsonb().$type<PageSocial[]>().notNull().default([]),
    theme: jsonb().$type<PageTheme>().notNull().default({ template: "classic" }),
    published: boolean().notNull().default(false),
    publishedAt: timestamptz(),
    ...timestamps,
  },
  (t) => [uniqueIndex("landing_pages_slug_uq").on(t.slug), index("landing_pages_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type LandingPageRow = typeof landingPages.$inferSelect;
