/**
 * Inputs and answers of message shortening (`POST /api/v1/messages/shorten`, the workflow action
 * "Shorten links for contact"). Client-safe: zod only. Rules that need the database or the CRM
 * (the campaign is the workspace's, the contact is the location's, the plan has room) are
 * checked in `lib/messages/shorten.ts`.
 */
import { z } from "zod";
import { campaignIdSchema, TAGS_PER_LINK_MAX } from "@/lib/links/schemas";
import { tagNameSchema } from "@/lib/tags/schemas";

/** Longer than any SMS or WhatsApp message, and than most emails' text parts. */
export const MESSAGE_TEXT_MAX = 20_000;
/** URLs shortened in one message; each becomes a link (and a code when a contact is named). */
export const MESSAGE_URLS_MAX = 50;
export const CONTACT_ID_MAX = 128;

/**
 * A CRM contact id: letters, digits, `_` and `-` (HighLevel ids are 20 base62 characters). The
 * id lands in a CRM API path, so nothing else is accepted.
 */
export const contactIdSchema = z
  .string({ error: "Contact ids are text" })
  .trim()
  .min(1, "Enter a contact id")
  .max(CONTACT_ID_MAX, `Contact ids can be at most ${CONTACT_ID_MAX} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, "Contact ids may use only letters, digits, _ and -");

/** Blank means "no contact": plain links, not per-contact codes. */
export const optionalContactIdSchema = z
  .string({ error: "Contact ids are text" })
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(contactIdSchema.optional());

export const messageTagsSchema = z.array(tagNameSchema).max(TAGS_PER_LINK_MAX, `At most ${TAGS_PER_LINK_MAX} tags per link`);

/**
 * `POST /api/v1/messages/shorten`. `text` is kept byte for byte (never trimmed) apart from its
 * URLs. `tags` and `campaignId` go on every link made for the message.
 */
export const shortenMessageSchema = z.strictObject({
  text: z.string({ error: "Send the message as text" }).max(MESSAGE_TEXT_MAX, `Messages can be at most ${MESSAGE_TEXT_MAX} characters`),
  contactId: optionalContactIdSchema.nullish(),
  campaignId: campaignIdSchema.nullish(),
  tags: messageTagsSchema.optional(),
});

export type ShortenMessageInput = z.input<typeof shortenMessageSchema>;
export type ShortenMessageValues = z.output<typeof shortenMessageSchema>;

export const shortenedUrlSchema = z.object({
  /** The URL as it was in the message. */
  original: z.string(),
  /** What replaced it: the contact's code when a contact was named, else the link's short URL. */
  shortUrl: z.string(),
  /** The new link (listed, editable, with the message's tags and campaign; its destination is `original`). */
  id: z.string(),
  /** The per-contact code minted from the link for the contact, or null without a contact. */
  codeId: z.string().nullable(),
});

export const shortenMessageResultSchema = z.object({
  text: z.string(),
  links: z.array(shortenedUrlSchema),
  /** URL-looking text that cannot be a link destination (e.g. `https://user:pw@host`), left as it was. */
  skipped: z.array(z.object({ original: z.string(), reason: z.string() })),
});

export type ShortenedUrl = z.output<typeof shortenedUrlSchema>;
export type ShortenMessageResult = z.output<typeof shortenMessageResultSchema>;
