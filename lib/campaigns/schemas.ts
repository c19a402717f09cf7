/**
 * Campaign inputs, shared by forms, server actions and the REST API. Client-safe: zod only.
 */
import { z } from "zod";
import { tagNameSchema } from "@/lib/tags/schemas";

export const CAMPAIGN_NAME_MAX = 100;
export const CAMPAIGN_DESCRIPTION_MAX = 500;
export const CAMPAIGN_TAGS_MAX = 50;

/** Trimmed, 1–100 characters; unique per workspace, case-insensitively. */
export const campaignNameSchema = z
  .string({ error: "Enter a campaign name" })
  .trim()
  .min(1, "Enter a campaign name")
  .max(CAMPAIGN_NAME_MAX, `Campaign names can be at most ${CAMPAIGN_NAME_MAX} characters`);

const descriptionSchema = z
  .string()
  .trim()
  .max(CAMPAIGN_DESCRIPTION_MAX, `Descriptions can be at most ${CAMPAIGN_DESCRIPTION_MAX} characters`)
  .transform((v) => v || null);

/** Campaign-wide tags by name (created if new), added to the contact on every click. */
const campaignTagsSchema = z.array(tagNameSchema).max(CAMPAIGN_TAGS_MAX, `At most ${CAMPAIGN_TAGS_MAX} tags`);

export const createCampaignSchema = z.object({
  name: campaignNameSchema,
  description: descriptionSchema.nullish(),
  tags: campaignTagsSchema.optional(),
});

/** Absent fields stay as they are; `tags` replaces the whole set. */
export const updateCampaignSchema = z.object({
  name: campaignNameSchema.optional(),
  description: descriptionSchema.nullish(),
  tags: campaignTagsSchema.optional(),
  archived: z.boolean().optional(),
});

export type CreateCampaignInput = z.input<typeof createCampaignSchema>;
export type CreateCampaignValues = z.output<typeof createCampaignSchema>;
export type UpdateCampaignInput = z.input<typeof updateCampaignSchema>;
export type UpdateCampaignValues = z.output<typeof updateCampaignSchema>;

/** A campaign as the API and the UI see it (the contract's `{ id, name, tags }`, extended). */
export type CampaignDto = {
  id: string;
  name: string;
  description: string | null;
  archived: boolean;
  /** Tag names, sorted case-insensitively. */
  tags: string[];
  /** Top-level links in the campaign. */
  linkCount: number;
  createdAt: string;
  updatedAt: string;
};
