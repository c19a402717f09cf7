/**
 * The sandbox workflows page's calls to the control API (`/sandbox/api/workflows…`,
 * `/sandbox/api/trigger-events`, `/sandbox/api/run-action`), parsed with the server's schemas.
 */
import { z } from "zod";
import { request, sandboxKeys } from "@/app/sandbox/_components/api";
import {
  filterOptionsSchema,
  runActionResultSchema,
  sandboxTriggerEventSchema,
  sandboxWorkflowSchema,
  type CreateWorkflowInput,
  type RunActionInput,
} from "@/lib/sandbox/workflow-schemas";

export type { RunActionResult, SandboxFilterOptions, SandboxTriggerEventDto, SandboxWorkflowDto } from "@/lib/sandbox/workflow-schemas";

const workflowListSchema = z.object({ workflows: z.array(sandboxWorkflowSchema) });
const workflowAnswerSchema = z.object({ workflow: sandboxWorkflowSchema });
const eventListSchema = z.object({ events: z.array(sandboxTriggerEventSchema) });
const okSchema = z.object({ ok: z.literal(true) });

const withLocation = (path: string, locationId: string) => `${path}?${new URLSearchParams({ locationId }).toString()}`;

export const workflowsApi = {
  list: (locationId: string, signal?: AbortSignal) => request(withLocation("/sandbox/api/workflows", locationId), workflowListSchema, { signal }),
  options: (locationId: string, signal?: AbortSignal) => request(withLocation("/sandbox/api/workflows/options", locationId), filterOptionsSchema, { signal }),
  create: (input: CreateWorkflowInput) => request("/sandbox/api/workflows", workflowAnswerSchema, { method: "POST", body: input }),
  remove: (id: string) => request(`/sandbox/api/workflows/${encodeURIComponent(id)}`, okSchema, { method: "DELETE" }),
  events: (locationId: string, signal?: AbortSignal) => request(withLocation("/sandbox/api/trigger-events", locationId), eventListSchema, { signal }),
  runAction: (input: RunActionInput) => request("/sandbox/api/run-action", runActionResultSchema, { method: "POST", body: input }),
};

export const workflowKeys = {
  all: [...sandboxKeys.all, "workflows"] as const,
  list: (locationId: string) => [...workflowKeys.all, "list", locationId] as const,
  options: (locationId: string) => [...workflowKeys.all, "options", locationId] as const,
  events: (locationId: string) => [...workflowKeys.all, "events", locationId] as const,
};

/** The outputs a successful action call returns (anything else is shown as the app's error). */
export const actionOutputsSchema = z.object({
  message: z.string(),
  shortUrl: z.string(),
  links: z.array(z.object({ original: z.string(), shortUrl: z.string(), id: z.string(), codeId: z.string().nullable() })),
  skipped: z.array(z.object({ original: z.string(), reason: z.string() })).optional(),
});
export type ActionOutputs = z.output<typeof actionOutputsSchema>;

export const appErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.object({ fieldErrors: z.record(z.string(), z.array(z.string())).optional() }).loose().optional(),
  }),
});
