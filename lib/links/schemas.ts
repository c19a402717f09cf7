/**
 * Link inputs and the link DTO, shared by forms, server actions and the REST API. Client-safe:
 * zod and other client-safe modules only, never the database. Rules that need the database
 * (slug taken, campaign belongs to the workspace, the plan allows it) are checked in lib.
 *
 * Slugs are case-sensitive: `Promo` and `promo` are two different links. Reserved words are
 * refused whatever their case.
 */
import { z } from "zod";
import { campaignNameSchema } from "@/lib/campaigns/schemas";
import { isCountryCode } from "@/lib/links/countries";
import { tagNameSchema } from "@/lib/tags/schemas";
import { isReservedSlug, RESERVED_SLUGS } from "@/lib/redirect/short-link-path";

export const URL_MAX = 2048;
export const SLUG_MAX = 64;
export const TITLE_MAX = 200;
export const TAGS_PER_LINK_MAX = 50;
export const PASSWORD_MIN = 4;
export const PASSWORD_MAX = 128;
export const CLICK_LIMIT_MAX = 2_147_483_647;
export const BULK_IDS_MAX = 1000;
export const LIST_LIMIT_MAX = 100;
export const LIST_LIMIT_DEFAULT = 50;

/** The app's top-level path words, one list for slug validation and the click path (any case). */
export { isReservedSlug, RESERVED_SLUGS };

export const SLUG_PATTERN = /^[A-Za-z0-9_-]+$/;

// Spaces, C0/C1 controls, zero-width and line/paragraph separators: never valid in a stored URL.
const URL_FORBIDDEN_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/;

/** Why `value` is not an acceptable destination, or null when it is. */
export function httpUrlProblem(value: string): string | null {
  if (URL_FORBIDDEN_CHARS.test(value)) return "URLs cannot contain spaces or control characters";
  if (!/^https?:\/\//i.test(value)) return "Only http:// and https:// URLs are accepted";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "This is not a valid URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Only http:// and https:// URLs are accepted";
  if (!url.hostname) return "The URL needs a host name, like https://example.com";
  // `https://bank.com@evil.example` reads like bank.com: refuse credentials outright.
  if (url.username || url.password) return "URLs with a user name or password are not accepted";
  return null;
}

/** An http(s) URL with a host, ≤ 2048 characters, no whitespace or control characters. */
export const httpUrlSchema = z
  .string({ error: "Enter a URL" })
  .trim()
  .min(1, "Enter a URL")
  .max(URL_MAX, `URLs can be at most ${URL_MAX} characters`)
  .superRefine((value, ctx) => {
    const problem = httpUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Like `httpUrlSchema`, but blank means "none" (null). */
export const optionalHttpUrlSchema = z
  .string({ error: "Enter a URL" })
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(httpUrlSchema.nullable());

/** A custom slug: 1–64 of `A–Z a–z 0–9 - _`, case-sensitive, not a reserved word. */
export const slugSchema = z
  .string({ error: "Enter a slug" })
  .trim()
  .min(1, "Enter a slug")
  .max(SLUG_MAX, `Slugs can be at most ${SLUG_MAX} characters`)
  .regex(
    SLUG_PATTERN,
    "Slugs may use only letters, digits, - and _ (slugs are case-sensitive: Promo and promo are different links)",
  )
  .superRefine((value, ctx) => {
    if (isReservedSlug(value)) {
      ctx.addIssue({ code: "custom", message: `"${value}" is reserved by the app; choose another slug` });
    }
  });

/** On create, a blank slug means "generate a random one". */
const optionalSlugSchema = z
  .string({ error: "Enter a slug" })
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(slugSchema.optional());

const HOSTNAME_PATTERN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** "" = the shared short domain; otherwise a verified custom domain of the workspace (checked in lib). */
export const domainSchema = z
  .string({ error: "Pick a domain" })
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/\.$/, ""))
  .refine((v) => v === "" || HOSTNAME_PATTERN.test(v), "Enter a host name like links.example.com");

export const titleSchema = z
  .string()
  .trim()
  .max(TITLE_MAX, `Titles can be at most ${TITLE_MAX} characters`)
  .transform((v) => v || null);

export const campaignIdSchema = z
  .string()
  .trim()
  .max(64, "Unknown campaign")
  .transform((v) => v || null);

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN, `Passwords need at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Passwords can be at most ${PASSWORD_MAX} characters`);

/** Blank means "no password" on create and "keep the current one" on update. */
const optionalPasswordSchema = z
  .string({ error: "Enter a password" })
  .transform((v) => (v === "" ? undefined : v))
  .pipe(passwordSchema.optional());

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTimeSchema = z.iso.datetime({ offset: true });

/**
 * ISO 8601 with a time zone (`2026-12-31T23:59:00Z`, `…+02:00`) or a plain date (midnight UTC).
 * A past date is accepted (the link is then expired). Blank means "no expiry".
 */
export const expiresAtSchema = z
  .string({ error: "Enter a date" })
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const text = DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value;
    const date = new Date(text);
    if (!isoDateTimeSchema.safeParse(text).success || Number.isNaN(date.getTime())) {
      ctx.addIssue({
        code: "custom",
        message: "Use an ISO 8601 date-time with a time zone, like 2026-12-31T23:59:00Z",
      });
      return z.NEVER;
    }
    return date;
  });

export const clickLimitSchema = z
  .int({ error: "Click limits are whole numbers of 1 or more" })
  .min(1, "Click limits are whole numbers of 1 or more")
  .max(CLICK_LIMIT_MAX, "This click limit is too large");

export const UTM_KEYS = ["source", "medium", "campaign", "term", "content"] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export type UtmValues = Partial<Record<UtmKey, string>>;

const utmValueSchema = z.string().trim().max(200, "UTM values can be at most 200 characters");

/** The UTM builder's fields; blank ones are dropped, and none at all is `null`. */
export const utmSchema = z
  .object({
    source: utmValueSchema.optional(),
    medium: utmValueSchema.optional(),
    campaign: utmValueSchema.optional(),
    term: utmValueSchema.optional(),
    content: utmValueSchema.optional(),
  })
  .transform((v): UtmValues | null => {
    const out: UtmValues = {};
    for (const key of UTM_KEYS) {
      const value = v[key];
      if (value) out[key] = value;
    }
    return Object.keys(out).length > 0 ? out : null;
  });

export const DEVICE_KEYS = ["ios", "android", "windows", "macos", "linux", "mobile", "tablet", "desktop"] as const;
export type DeviceKeyValue = (typeof DEVICE_KEYS)[number];

const unique = <T>(values: T[]): T[] => [...new Set(values)];

const countryCodeSchema = z
  .string({ error: "Countries are ISO 3166 alpha-2 codes like US or DE" })
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    if (!isCountryCode(value)) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an ISO 3166 alpha-2 country code (like US or DE)` });
    }
  });

const countryRuleSchema = z.object({
  countries: z.array(countryCodeSchema).min(1, "Pick at least one country").max(250).transform(unique),
  url: httpUrlSchema,
});

const deviceRuleSchema = z.object({
  devices: z
    .array(z.enum(DEVICE_KEYS, { error: `Devices are ${DEVICE_KEYS.join(", ")}` }))
    .min(1, "Pick at least one device")
    .transform(unique),
  url: httpUrlSchema,
});

const abVariantSchema = z.object({
  url: httpUrlSchema,
  weight: z
    .int({ error: "Weights are whole numbers of 1 or more" })
    .min(1, "Weights are whole numbers of 1 or more")
    .max(1_000_000, "Weights can be at most 1,000,000"),
});

export type LinkRulesValues = {
  country?: { countries: string[]; url: string }[];
  device?: { devices: DeviceKeyValue[]; url: string }[];
  ab?: { url: string; weight: number }[];
};

/**
 * Click-time routing, checked country → device → A/B → default. Empty lists are dropped, so
 * `{}` means "no rules". A/B needs two variants or more; weights are shares of their total.
 */
export const rulesSchema = z
  .object({
    country: z.array(countryRuleSchema).max(50, "At most 50 country rules").optional(),
    device: z.array(deviceRuleSchema).max(20, "At most 20 device rules").optional(),
    ab: z
      .array(abVariantSchema)
      .max(20, "At most 20 A/B variants")
      .refine((v) => v.length === 0 || v.length >= 2, "A/B rotation needs at least 2 variants")
      .optional(),
  })
  .transform((v): LinkRulesValues => {
    const out: LinkRulesValues = {};
    if (v.country?.length) out.country = v.country;
    if (v.device?.length) out.device = v.device;
    if (v.ab?.length) out.ab = v.ab;
    return out;
  });

export function hasRules(rules: LinkRulesValues | null | undefined): boolean {
  return !!rules && (!!rules.country?.length || !!rules.device?.length || !!rules.ab?.length);
}

export const LEAD_FIELDS = ["name", "email", "phone", "company", "message"] as const;
export type LeadFieldValue = (typeof LEAD_FIELDS)[number];
export const DEFAULT_LEAD_FIELDS: LeadFieldValue[] = ["name", "email"];

export type LeadCaptureValues = { enabled: boolean; headline?: string; fields: LeadFieldValue[] };

/** The lead form before the redirect; it needs an email or phone field to find the CRM contact. */
export const leadCaptureSchema = z
  .object({
    enabled: z.boolean({ error: "Say whether lead capture is on" }),
    headline: z.string().trim().max(200, "Headlines can be at most 200 characters").optional(),
    fields: z.array(z.enum(LEAD_FIELDS, { error: `Fields are ${LEAD_FIELDS.join(", ")}` })).max(LEAD_FIELDS.length).optional(),
  })
  .transform((v): LeadCaptureValues => {
    const fields = unique(v.fields?.length ? v.fields : DEFAULT_LEAD_FIELDS);
    return v.headline ? { enabled: v.enabled, headline: v.headline, fields } : { enabled: v.enabled, fields };
  })
  .refine((v) => !v.enabled || v.fields.includes("email") || v.fields.includes("phone"), {
    path: ["fields"],
    error: "Lead capture needs an email or phone field to find the contact in the CRM",
  });

export const crmAutomationSchema = z.object({
  tagOnClick: z.boolean().optional(),
  syncContact: z.boolean().optional(),
  addNote: z.boolean().optional(),
});

export type LinkPreviewValues = { title?: string; description?: string; image?: string };

/** The social card for link-preview bots; blank fields are dropped, none at all is `null`. */
export const previewSchema = z
  .object({
    title: z.string().trim().max(200, "Preview titles can be at most 200 characters").optional(),
    description: z.string().trim().max(500, "Preview descriptions can be at most 500 characters").optional(),
    image: optionalHttpUrlSchema.nullish(),
  })
  .transform((v): LinkPreviewValues | null => {
    const out: LinkPreviewValues = {};
    if (v.title) out.title = v.title;
    if (v.description) out.description = v.description;
    if (v.image) out.image = v.image;
    return Object.keys(out).length > 0 ? out : null;
  });

const tagsSchema = z
  .array(tagNameSchema)
  .max(TAGS_PER_LINK_MAX, `At most ${TAGS_PER_LINK_MAX} tags per link`);

/** The optional link settings create and update share (same rules, same blank-means-none). */
const linkSettingsFields = {
  domain: domainSchema.optional(),
  title: titleSchema.nullish(),
  /** Tag names; unknown names are created, matching is case-insensitive. */
  tags: tagsSchema.optional(),
  campaignId: campaignIdSchema.nullish(),
  utm: utmSchema.nullish(),
  rules: rulesSchema.nullish(),
  password: optionalPasswordSchema.nullish(),
  expiresAt: expiresAtSchema.nullish(),
  expiredUrl: optionalHttpUrlSchema.nullish(),
  clickLimit: clickLimitSchema.nullish(),
  limitUrl: optionalHttpUrlSchema.nullish(),
  leadCapture: leadCaptureSchema.nullish(),
  preview: previewSchema.nullish(),
};

/**
 * `POST /api/v1/links` and the "Create new link" form. Blank optional fields mean "none"; an
 * absent `domain` means the workspace's default domain when it is usable, else the shared one ("").
 */
export const createLinkSchema = z.strictObject({
  url: httpUrlSchema,
  /** Blank or absent: a random 7-character slug. */
  slug: optionalSlugSchema.optional(),
  ...linkSettingsFields,
  crm: crmAutomationSchema.optional(),
});

export const EDITABLE_STATUSES = ["active", "archived"] as const;

/**
 * `PATCH /api/v1/links/{id}` and the edit form: any create field, plus `status`. Absent fields
 * stay as they are; `null` (or blank) clears an optional field (`password: null` removes the
 * password, a blank password keeps it); `tags` replaces the whole set. Changing `slug` or
 * `domain` changes the short URL.
 */
export const updateLinkSchema = z.strictObject({
  url: httpUrlSchema.optional(),
  slug: slugSchema.optional(),
  ...linkSettingsFields,
  crm: crmAutomationSchema.nullish(),
  status: z.enum(EDITABLE_STATUSES, { error: 'Status is "active" or "archived"' }).optional(),
});

export type CreateLinkInput = z.input<typeof createLinkSchema>;
export type CreateLinkValues = z.output<typeof createLinkSchema>;
export type UpdateLinkInput = z.input<typeof updateLinkSchema>;
export type UpdateLinkValues = z.output<typeof updateLinkSchema>;

/** Stored `active`/`archived`, plus the derived `expired` and `limit_reached`. */
export const LINK_STATUSES = ["active", "archived", "expired", "limit_reached"] as const;
export type LinkStatusValue = (typeof LINK_STATUSES)[number];

export const LINK_SORTS = ["created", "clicks", "title"] as const;
export type LinkSort = (typeof LINK_SORTS)[number];

/** `GET /api/v1/links` query (also the CSV export's filters). Blank parameters are ignored. */
export const listLinksQuerySchema = z.object({
  q: z.string().trim().max(200, "Searches can be at most 200 characters").optional(),
  /** A tag id or a tag name (case-insensitive). */
  tag: z.string().trim().max(64).optional(),
  campaignId: z.string().trim().max(64).optional(),
  status: z.enum(LINK_STATUSES, { error: `Status is one of ${LINK_STATUSES.join(", ")}` }).optional(),
  sort: z.enum(LINK_SORTS, { error: `Sort is one of ${LINK_SORTS.join(", ")}` }).default("created"),
  /** Default: newest / most clicked first, titles A→Z. */
  order: z.enum(["desc", "asc"], { error: 'Order is "desc" or "asc"' }).optional(),
  /** Opaque: the `nextCursor` of the previous page, with the same filters and sort. */
  cursor: z.string().trim().max(1000).optional(),
  limit: z.coerce
    .number({ error: `Limit is a number from 1 to ${LIST_LIMIT_MAX}` })
    .int(`Limit is a number from 1 to ${LIST_LIMIT_MAX}`)
    .min(1, `Limit is a number from 1 to ${LIST_LIMIT_MAX}`)
    .max(LIST_LIMIT_MAX, `Limit is a number from 1 to ${LIST_LIMIT_MAX}`)
    .default(LIST_LIMIT_DEFAULT),
});

export type ListLinksQueryInput = z.input<typeof listLinksQuerySchema>;
export type ListLinksQuery = z.output<typeof listLinksQuerySchema>;

/** URL search params as a plain object for `listLinksQuerySchema`, blank values dropped. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value.trim() !== "") out[key] = value;
  return out;
}

export const BULK_ACTIONS = ["tag", "untag", "move", "archive", "unarchive", "delete"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * `POST /api/v1/links/bulk`: one action over many links, in one transaction. Ids of other
 * workspaces (or unknown ids) are skipped. `move` takes `campaignId` (null: out of any campaign).
 */
export const bulkLinksSchema = z
  .object({
    ids: z
      .array(z.string().trim().min(1).max(64))
      .min(1, "Select at least one link")
      .max(BULK_IDS_MAX, `At most ${BULK_IDS_MAX} links at a time`),
    action: z.enum(BULK_ACTIONS, { error: `Action is one of ${BULK_ACTIONS.join(", ")}` }),
    tags: tagsSchema.optional(),
    campaignId: campaignIdSchema.nullish(),
  })
  .superRefine((v, ctx) => {
    if ((v.action === "tag" || v.action === "untag") && !v.tags?.length) {
      ctx.addIssue({ code: "custom", path: ["tags"], message: "Name at least one tag" });
    }
    if (v.action === "move" && v.campaignId === undefined) {
      ctx.addIssue({ code: "custom", path: ["campaignId"], message: "Pick a campaign, or null to take the links out of theirs" });
    }
  });

export type BulkLinksInput = z.input<typeof bulkLinksSchema>;
export type BulkLinksValues = z.output<typeof bulkLinksSchema>;
export type BulkLinksResult = { action: BulkAction; count: number; ids: string[] };

/** CSV import columns (case-insensitive header names); other columns are ignored. */
export const IMPORT_COLUMNS = ["url", "slug", "title", "tags", "campaign", "expires_at"] as const;
export const IMPORT_MAX_ROWS = 10_000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** One CSV row. Every cell is text; absent columns are "". Tags are `;`-separated names. */
export const importRowSchema = z.object({
  url: httpUrlSchema,
  slug: optionalSlugSchema,
  title: titleSchema,
  tags: z
    .string()
    .transform((v) => v.split(";").map((t) => t.trim()).filter((t) => t !== ""))
    .pipe(tagsSchema),
  /** A campaign name: matched case-insensitively, created when new. */
  campaign: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(campaignNameSchema.nullable()),
  expires_at: expiresAtSchema,
});

export type ImportRowValues = z.output<typeof importRowSchema>;
export type ImportRowError = { row: number; errors: Record<string, string[]> };
export type ImportLinksResult = { imported: number; links: string[] };

const utmDtoSchema = z.object({
  source: z.string().optional(),
  medium: z.string().optional(),
  campaign: z.string().optional(),
  term: z.string().optional(),
  content: z.string().optional(),
});

/** What leaves the server for a link (`GET/POST/PATCH /api/v1/links…`, server actions). */
export const linkDtoSchema = z.object({
  id: z.string(),
  /** `${SHORT_BASE_URL}/${slug}` on the shared domain, `https://${domain}/${slug}` otherwise. */
  shortUrl: z.string(),
  slug: z.string(),
  domain: z.string(),
  /** The default destination as entered. */
  url: z.string(),
  /** `url` with the UTM fields merged in: where the default route sends visitors. */
  destination: z.string(),
  title: z.string().nullable(),
  status: z.enum(LINK_STATUSES),
  tags: z.array(z.string()),
  campaignId: z.string().nullable(),
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  utm: utmDtoSchema.nullable(),
  rules: z.object({
    country: z.array(z.object({ countries: z.array(z.string()), url: z.string() })).optional(),
    device: z.array(z.object({ devices: z.array(z.enum(DEVICE_KEYS)), url: z.string() })).optional(),
    ab: z.array(z.object({ url: z.string(), weight: z.number() })).optional(),
  }),
  hasPassword: z.boolean(),
  expiresAt: z.string().nullable(),
  expiredUrl: z.string().nullable(),
  clickLimit: z.number().nullable(),
  limitUrl: z.string().nullable(),
  leadCapture: z
    .object({ enabled: z.boolean(), headline: z.string().optional(), fields: z.array(z.enum(LEAD_FIELDS)).optional() })
    .nullable(),
  crm: crmAutomationSchema,
  preview: z.object({ title: z.string().optional(), description: z.string().optional(), image: z.string().optional() }).nullable(),
  /** Human clicks, all time (bots never count). */
  clicks: z.number(),
  /** Human clicks counted against `clickLimit`. */
  limitClicks: z.number(),
  lastClickedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type LinkDto = z.output<typeof linkDtoSchema>;

export const listLinksResultSchema = z.object({ items: z.array(linkDtoSchema), nextCursor: z.string().nullable() });
export type ListLinksResult = z.output<typeof listLinksResultSchema>;
