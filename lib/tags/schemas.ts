/**
 * Tag inputs, shared by forms, server actions and the REST API. Client-safe: zod only.
 */
import { z } from "zod";

export const TAG_NAME_MAX = 40;
export const DEFAULT_TAG_COLOR = "#6366f1";

/**
 * A tag name: trimmed, 1–40 characters. Names match case-insensitively ("VIP" is "vip").
 * `;` is refused because CSV files list a link's tags separated by `;`.
 */
export const tagNameSchema = z
  .string({ error: "Enter a tag name" })
  .trim()
  .min(1, "Enter a tag name")
  .max(TAG_NAME_MAX, `Tag names can be at most ${TAG_NAME_MAX} characters`)
  .refine((v) => !v.includes(";"), "Tag names cannot contain ;")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Tag names cannot contain control characters");

/** A plain `#rrggbb` colour (it lands in style attributes). */
export const tagColorSchema = z
  .string({ error: "Pick a colour like #6366f1" })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Pick a colour like #6366f1")
  .transform((v) => v.toLowerCase());

export const createTagSchema = z.object({
  name: tagNameSchema,
  color: tagColorSchema.optional(),
});

export const updateTagSchema = z
  .object({
    name: tagNameSchema.optional(),
    color: tagColorSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.color !== undefined, "Send a name or a colour to change");

export type CreateTagInput = z.input<typeof createTagSchema>;
export type CreateTagValues = z.output<typeof createTagSchema>;
export type UpdateTagInput = z.input<typeof updateTagSchema>;
export type UpdateTagValues = z.output<typeof updateTagSchema>;

/** A tag as the API and the UI see it. */
export type TagDto = {
  id: string;
  name: string;
  color: string;
  /** Top-level links carrying the tag (minted per-contact codes excluded). */
  linkCount: number;
  createdAt: string;
  updatedAt: string;
};
