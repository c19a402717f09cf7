/**
 * The CRM workflow modules Smart Links serves (crm-api.md §6): the trigger "Smart link clicked"
 * and the action "Shorten links for contact", with the payloads HighLevel POSTs to their
 * callback URLs. Client-safe: zod only (the sandbox's workflows page shares the filter fields).
 *
 * ## Trigger filters
 * A workflow using the trigger may narrow it with filters; HighLevel sends them as
 * `triggerData.filters: [{ field, id, operator: "==", title, type, value }]` and Smart Links
 * evaluates them itself when a contact clicks. Fields:
 *
 * | field      | value (a string, or a list for multiselect) | matches when                                                  |
 * | ---------- | ------------------------------------------- | ------------------------------------------------------------- |
 * | `link`     | link ids (`lnk_…`)                          | the clicked link is one of them (a minted code: its parent)   |
 * | `tag`      | tag names, any case                         | the clicked link, or its campaign, has one of these tags      |
 * | `campaign` | campaign ids (`cmp_…`)                      | the clicked link belongs to one of these campaigns            |
 *
 * Several filters must all match; the values of one filter are alternatives. A filter with no
 * value matches every click. The only operator is `==` (absent means `==`); other fields or
 * operators are refused when the workflow is saved (422), so a workflow never fires on a
 * filter Smart Links cannot apply.
 */
import { z } from "zod";
import { campaignIdSchema } from "@/lib/links/schemas";
import { MESSAGE_TEXT_MAX, messageTagsSchema, optionalContactIdSchema } from "@/lib/messages/schemas";

export const TRIGGER_KEY = "smart_link_clicked";
export const ACTION_KEY = "shorten_links_for_contact";
/** The static header HighLevel sends on both callbacks (configured with the trigger and the action). */
export const WORKFLOW_SECRET_HEADER = "X-Smart-Links-Secret";

export const TRIGGER_FILTER_FIELDS = ["link", "tag", "campaign"] as const;
export type TriggerFilterField = (typeof TRIGGER_FILTER_FIELDS)[number];
export const TRIGGER_FILTERS_MAX = 20;
const FILTER_VALUES_MAX = 200;

const scalarSchema = z.union([z.string().max(500), z.number().transform(String)]);

/** One filter as HighLevel sends it; unknown keys are kept (they are stored as received). */
export const triggerFilterSchema = z.looseObject({
  field: z.enum(TRIGGER_FILTER_FIELDS, { error: `Filter fields are ${TRIGGER_FILTER_FIELDS.join(", ")}` }),
  id: z.string().max(200).optional(),
  operator: z.literal("==", { error: 'The only filter operator is "=="' }).optional(),
  title: z.string().max(200).optional(),
  type: z.string().max(50).optional(),
  value: z.union([scalarSchema, z.array(scalarSchema).max(FILTER_VALUES_MAX)]).nullish(),
});
export type TriggerFilter = z.output<typeof triggerFilterSchema>;

const crmIdSchema = z.string().trim().min(1).max(200);

/** `POST /api/crm/triggers/subscription` (crm-api.md §6.2). */
export const triggerSubscriptionSchema = z
  .object({
    triggerData: z.object({
      id: crmIdSchema,
      key: z.string(),
      filters: z.array(triggerFilterSchema).max(TRIGGER_FILTERS_MAX, `At most ${TRIGGER_FILTERS_MAX} filters`).nullish(),
      eventType: z.enum(["CREATED", "UPDATED", "DELETED"], { error: "eventType is CREATED, UPDATED or DELETED" }),
      targetUrl: z.string().max(2048).optional(),
    }),
    meta: z.object({ key: z.string().optional(), version: scalarSchema.optional() }).optional(),
    extras: z.object({ locationId: crmIdSchema, workflowId: z.string().max(200).nullish(), companyId: z.string().max(200).nullish() }),
  })
  .superRefine((v, ctx) => {
    if (v.triggerData.key !== TRIGGER_KEY) {
      ctx.addIssue({ code: "custom", path: ["triggerData", "key"], message: `This app serves the trigger "${TRIGGER_KEY}" only` });
    }
    if (v.triggerData.eventType !== "DELETED" && !v.triggerData.targetUrl) {
      ctx.addIssue({ code: "custom", path: ["triggerData", "targetUrl"], message: "A created or updated subscription needs its targetUrl" });
    }
  });
export type TriggerSubscriptionPayload = z.output<typeof triggerSubscriptionSchema>;

/** Workflow inputs arrive as text: a tag list may be `"a, b"` as well as `["a", "b"]`. */
const actionTagsSchema = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v) => (v == null ? [] : (Array.isArray(v) ? v : v.split(",")).map((t) => t.trim()).filter((t) => t !== "")))
  .pipe(messageTagsSchema);

/** `POST /api/crm/actions/shorten-links` (crm-api.md §6.3): the action's inputs in `data`, the workflow's context in `extras`. */
export const shortenActionSchema = z.object({
  data: z.object({
    message: z.string({ error: "The action needs a message" }).max(MESSAGE_TEXT_MAX, `Messages can be at most ${MESSAGE_TEXT_MAX} characters`),
    campaignId: campaignIdSchema.nullish(),
    tags: actionTagsSchema,
  }),
  extras: z.object({
    locationId: crmIdSchema,
    workflowId: z.string().max(200).nullish(),
    /** The contact the workflow runs for; absent for workflows without a contact (plain links then). */
    contactId: optionalContactIdSchema.nullish(),
    companyId: z.string().max(200).nullish(),
  }),
  meta: z.object({ key: z.string().optional(), version: scalarSchema.optional() }).optional(),
});
export type ShortenActionPayload = z.output<typeof shortenActionSchema>;
