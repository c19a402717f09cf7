/**
 * Inputs and answers of the sandbox workflows page's control API (`/sandbox/api/workflows…`,
 * `/sandbox/api/trigger-events`, `/sandbox/api/run-action`). No server imports: the shell
 * bundles them.
 */
import { z } from "zod";

const id = z.string().trim().min(1).max(200);
const values = z.array(z.string().trim().min(1).max(200)).max(50).optional();

/** A workflow using "Smart link clicked", optionally narrowed to links (ids), tags (names) or campaigns (ids). */
export const createWorkflowInputSchema = z.object({
  locationId: id,
  name: z.string({ error: "Name the workflow" }).trim().min(1, "Name the workflow").max(100, "Workflow names can be at most 100 characters"),
  filters: z.object({ link: values, tag: values, campaign: values }).optional(),
});
export type CreateWorkflowInput = z.input<typeof createWorkflowInputSchema>;

export const workflowsQuerySchema = z.object({ locationId: id });

export const TRIGGER_EVENTS_LIMIT_MAX = 200;
export const triggerEventsQuerySchema = z.object({
  locationId: id,
  workflowId: id.optional(),
  limit: z.coerce.number().int().min(1).max(TRIGGER_EVENTS_LIMIT_MAX).default(50),
});

/** "Run action": what a workflow step "Shorten links for contact" would send for this contact. */
export const runActionInputSchema = z.object({
  locationId: id,
  contactId: z.string().trim().max(200).nullish(),
  message: z.string().max(20_000),
  campaignId: z.string().trim().max(200).nullish(),
  tags: z.array(z.string().trim().max(100)).max(50).optional(),
});
export type RunActionInput = z.input<typeof runActionInputSchema>;

export const sandboxWorkflowSchema = z.object({
  id: z.string(),
  locationId: z.string(),
  name: z.string(),
  triggerKey: z.string(),
  triggerId: z.string(),
  /** As sent to the app, flattened: one entry per filter with its values. */
  filters: z.array(z.object({ field: z.string(), title: z.string().nullable(), values: z.array(z.string()) })),
  isActive: z.boolean(),
  createdAt: z.string(),
  eventCount: z.number().int().nonnegative(),
  lastEventAt: z.string().nullable(),
});
export type SandboxWorkflowDto = z.output<typeof sandboxWorkflowSchema>;

export const sandboxTriggerEventSchema = z.object({
  id: z.number(),
  workflowId: z.string(),
  workflowName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  link: z.object({ id: z.string().nullable(), shortUrl: z.string().nullable(), title: z.string().nullable() }),
  receivedAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type SandboxTriggerEventDto = z.output<typeof sandboxTriggerEventSchema>;

export const filterOptionsSchema = z.object({
  link: z.array(z.object({ label: z.string(), value: z.string() })),
  tag: z.array(z.object({ label: z.string(), value: z.string() })),
  campaign: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type SandboxFilterOptions = z.output<typeof filterOptionsSchema>;

/** What the app answered the action call: its status and JSON body, success or not. */
export const runActionResultSchema = z.object({ ok: z.boolean(), status: z.number().int(), response: z.unknown() });
export type RunActionResult = z.output<typeof runActionResultSchema>;
