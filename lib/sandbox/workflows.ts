/**
 * The sandbox CRM's workflow builder, reduced to what Smart Links' workflow modules need: a
 * workflow using the trigger "Smart link clicked" (saving and deleting it send the app the
 * subscription callback over HTTP, with the secret header, as HighLevel does), the trigger
 * events the app fired at the workflow's execute URL (`/sandbox/crm/workflows-marketplace/…`,
 * stored by lib/sandbox/crm-api.ts), and a step "Shorten links for contact" run on demand
 * (the action's execution call, over HTTP, whose answer is the step's outputs).
 *
 * Like HighLevel, the sandbox knows the app's callback URLs and the secret header from the app's
 * registration (here: the app's own configuration, `APP_URL` and `WORKFLOW_SECRET`).
 */
import { and, count, desc, eq, inArray, max } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxContacts, sandboxTriggerEvents, sandboxWorkflows } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { crmId } from "@/lib/sandbox/config";
import { getSandboxLocationOrThrow } from "@/lib/sandbox/marketplace";
import type {
  createWorkflowInputSchema,
  RunActionResult,
  runActionInputSchema,
  SandboxFilterOptions,
  SandboxTriggerEventDto,
  SandboxWorkflowDto,
  triggerEventsQuerySchema,
} from "@/lib/sandbox/workflow-schemas";
import { ACTION_KEY, TRIGGER_FILTER_FIELDS, TRIGGER_KEY, WORKFLOW_SECRET_HEADER, type TriggerFilterField } from "@/lib/workflows/schemas";

export type WorkflowCallOptions = { fetchImpl?: typeof fetch };

const FILTER_TITLES: Record<TriggerFilterField, string> = { link: "Link", tag: "Tag", campaign: "Campaign" };
/** The trigger/action definition version the sandbox's "marketplace" has live. */
const MODULE_VERSION = "1.0";
const CALL_TIMEOUT_MS = 30_000;

const appErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

type AppAnswer = { status: number; body: unknown };

/** POSTs (or GETs) one of the app's workflow callbacks with the secret header. */
async function callApp(path: string, init: { method: "GET" | "POST"; json?: unknown }, options: WorkflowCallOptions): Promise<AppAnswer> {
  const config = env();
  const url = `${config.appUrl}${path}`;
  const headers: Record<string, string> = { Accept: "application/json", [WORKFLOW_SECRET_HEADER]: config.workflowSecret };
  if (init.json !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await (options.fetchImpl ?? globalThis.fetch)(url, {
      method: init.method,
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (err) {
    log.warn("sandbox workflow callback failed", { url, err });
    throw new AppError("crm_unavailable", `Smart Links could not be reached at ${url.split("?")[0] ?? url}`);
  }
  const text = await res.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

function refusal(what: string, answer: AppAnswer): AppError {
  const parsed = appErrorSchema.safeParse(answer.body);
  const detail = parsed.success ? `: ${parsed.data.error.message} (${parsed.data.error.code})` : "";
  return new AppError("crm_unavailable", `Smart Links answered ${answer.status} to ${what}${detail}`);
}

async function installedLocationOrThrow(db: Db, locationId: string) {
  const location = await getSandboxLocationOrThrow(db, locationId);
  if (!location.isAppInstalled) throw new AppError("conflict", `Install Smart Links in ${location.name} to use its workflow trigger and action`);
  return location;
}

function toFilters(filters: z.output<typeof createWorkflowInputSchema>["filters"]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const field of TRIGGER_FILTER_FIELDS) {
    const values = [...new Set(filters?.[field] ?? [])];
    if (values.length > 0) out.push({ field, id: crmId(), operator: "==", title: FILTER_TITLES[field], type: "multiselect", value: values });
  }
  return out;
}

function subscriptionBody(workflow: typeof sandboxWorkflows.$inferSelect, companyId: string, eventType: "CREATED" | "UPDATED" | "DELETED") {
  const targetUrl = `${env().appUrl}/sandbox/crm/workflows-marketplace/triggers/execute/${workflow.id}/${workflow.triggerId}`;
  return {
    triggerData: { id: workflow.triggerId, key: workflow.triggerKey, filters: workflow.filters, eventType, targetUrl },
    meta: { key: workflow.triggerKey, version: MODULE_VERSION },
    extras: { locationId: workflow.locationId, workflowId: workflow.id, companyId },
  };
}

function flattenFilter(filter: Record<string, unknown>): SandboxWorkflowDto["filters"][number] {
  const value = filter.value;
  const values = (Array.isArray(value) ? value : value == null ? [] : [value]).map(String);
  return { field: String(filter.field ?? ""), title: typeof filter.title === "string" ? filter.title : null, values };
}

async function workflowDtos(db: Db, rows: (typeof sandboxWorkflows.$inferSelect)[]): Promise<SandboxWorkflowDto[]> {
  const stats =
    rows.length === 0
      ? []
      : await db
          .select({ workflowId: sandboxTriggerEvents.workflowId, n: count(), last: max(sandboxTriggerEvents.receivedAt) })
          .from(sandboxTriggerEvents)
          .where(inArray(sandboxTriggerEvents.workflowId, rows.map((r) => r.id)))
          .groupBy(sandboxTriggerEvents.workflowId);
  const byId = new Map(stats.map((s) => [s.workflowId, s]));
  return rows.map((r) => ({
    id: r.id,
    locationId: r.locationId,
    name: r.name,
    triggerKey: r.triggerKey,
    triggerId: r.triggerId,
    filters: r.filters.map(flattenFilter),
    isActive: r.isActive,
    createdAt: r.createdAt.toISOString(),
    eventCount: byId.get(r.id)?.n ?? 0,
    lastEventAt: byId.get(r.id)?.last?.toISOString() ?? null,
  }));
}

/** `GET /sandbox/api/workflows?locationId=`: the location's workflows using the trigger, newest first. */
export async function listSandboxWorkflows(db: Db, locationId: string): Promise<SandboxWorkflowDto[]> {
  await getSandboxLocationOrThrow(db, locationId);
  const rows = await db
    .select()
    .from(sandboxWorkflows)
    .where(eq(sandboxWorkflows.locationId, locationId))
    .orderBy(desc(sandboxWorkflows.createdAt), desc(sandboxWorkflows.id));
  return workflowDtos(db, rows);
}

/**
 * `POST /sandbox/api/workflows`: saves a workflow that starts with "Smart link clicked" and
 * sends the app the CREATED subscription callback. If the app refuses, the workflow is not kept.
 */
export async function createSandboxWorkflow(db: Db, input: z.output<typeof createWorkflowInputSchema>, options: WorkflowCallOptions = {}): Promise<SandboxWorkflowDto> {
  const location = await installedLocationOrThrow(db, input.locationId);
  const [workflow] = await db
    .insert(sandboxWorkflows)
    .values({ id: crmId(), locationId: location.id, name: input.name, triggerKey: TRIGGER_KEY, triggerId: crmId(), filters: toFilters(input.filters) })
    .returning();
  if (!workflow) throw new AppError("internal", "The workflow could not be saved");
  let answer: AppAnswer;
  try {
    answer = await callApp("/api/crm/triggers/subscription", { method: "POST", json: subscriptionBody(workflow, location.companyId, "CREATED") }, options);
  } catch (err) {
    await db.delete(sandboxWorkflows).where(eq(sandboxWorkflows.id, workflow.id));
    throw err;
  }
  if (answer.status < 200 || answer.status >= 300) {
    await db.delete(sandboxWorkflows).where(eq(sandboxWorkflows.id, workflow.id));
    throw refusal("the trigger subscription", answer);
  }
  const [dto] = await workflowDtos(db, [workflow]);
  if (!dto) throw new AppError("internal", "The workflow could not be read back");
  return dto;
}

/** `DELETE /sandbox/api/workflows/{id}`: sends the app the DELETED callback, then deletes the workflow and its events. */
export async function deleteSandboxWorkflow(db: Db, workflowId: string, options: WorkflowCallOptions = {}): Promise<void> {
  const [workflow] = await db.select().from(sandboxWorkflows).where(eq(sandboxWorkflows.id, workflowId)).limit(1);
  if (!workflow) throw new AppError("not_found", `The sandbox has no workflow ${workflowId}`);
  const location = await getSandboxLocationOrThrow(db, workflow.locationId);
  const answer = await callApp("/api/crm/triggers/subscription", { method: "POST", json: subscriptionBody(workflow, location.companyId, "DELETED") }, options);
  if (answer.status < 200 || answer.status >= 300) throw refusal("the trigger unsubscription", answer);
  await db.delete(sandboxWorkflows).where(eq(sandboxWorkflows.id, workflow.id));
}

const eventRefsSchema = z.object({
  link: z.object({ id: z.string().nullish(), shortUrl: z.string().nullish(), title: z.string().nullish() }).optional(),
});

/** `GET /sandbox/api/trigger-events?locationId=&workflowId=&limit=`: what the app fired at the location's workflows, newest first. */
export async function listSandboxTriggerEvents(db: Db, query: z.output<typeof triggerEventsQuerySchema>): Promise<SandboxTriggerEventDto[]> {
  await getSandboxLocationOrThrow(db, query.locationId);
  const rows = await db
    .select({
      event: sandboxTriggerEvents,
      workflowName: sandboxWorkflows.name,
      firstName: sandboxContacts.firstName,
      lastName: sandboxContacts.lastName,
      email: sandboxContacts.email,
    })
    .from(sandboxTriggerEvents)
    .innerJoin(sandboxWorkflows, eq(sandboxWorkflows.id, sandboxTriggerEvents.workflowId))
    .leftJoin(sandboxContacts, and(eq(sandboxContacts.id, sandboxTriggerEvents.contactId), eq(sandboxContacts.locationId, sandboxWorkflows.locationId)))
    .where(and(eq(sandboxWorkflows.locationId, query.locationId), query.workflowId ? eq(sandboxWorkflows.id, query.workflowId) : undefined))
    .orderBy(desc(sandboxTriggerEvents.receivedAt), desc(sandboxTriggerEvents.id))
    .limit(query.limit);
  return rows.map((r) => {
    const refs = eventRefsSchema.safeParse(r.event.payload);
    const link = refs.success ? refs.data.link : undefined;
    const name = [r.firstName, r.lastName].filter(Boolean).join(" ").trim() || r.email || null;
    return {
      id: r.event.id,
      workflowId: r.event.workflowId,
      workflowName: r.workflowName,
      contactId: r.event.contactId,
      contactName: name,
      link: { id: link?.id ?? null, shortUrl: link?.shortUrl ?? null, title: link?.title ?? null },
      receivedAt: r.event.receivedAt.toISOString(),
      payload: r.event.payload,
    };
  });
}

const optionsAnswerSchema = z.object({ options: z.array(z.object({ label: z.string(), value: z.string() })) });

/** `GET /sandbox/api/workflows/options?locationId=`: the filter choices, as the app's options endpoint lists them. */
export async function fetchSandboxFilterOptions(db: Db, locationId: string, options: WorkflowCallOptions = {}): Promise<SandboxFilterOptions> {
  const location = await installedLocationOrThrow(db, locationId);
  const out: SandboxFilterOptions = { link: [], tag: [], campaign: [] };
  for (const field of TRIGGER_FILTER_FIELDS) {
    const query = new URLSearchParams({ field, locationId: location.id });
    const answer = await callApp(`/api/crm/triggers/options?${query.toString()}`, { method: "GET" }, options);
    const parsed = optionsAnswerSchema.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success) throw refusal(`the ${field} filter options`, answer);
    out[field] = parsed.data.options;
  }
  return out;
}

/**
 * `POST /sandbox/api/run-action`: runs the step "Shorten links for contact" for a contact of the
 * location, as a workflow would, and reports what the app answered (its outputs, or its error).
 */
export async function runSandboxShortenAction(db: Db, input: z.output<typeof runActionInputSchema>, options: WorkflowCallOptions = {}): Promise<RunActionResult> {
  const location = await installedLocationOrThrow(db, input.locationId);
  const contactId = input.contactId || null;
  if (contactId) {
    const [contact] = await db
      .select({ id: sandboxContacts.id })
      .from(sandboxContacts)
      .where(and(eq(sandboxContacts.id, contactId), eq(sandboxContacts.locationId, location.id)))
      .limit(1);
    if (!contact) throw new AppError("not_found", `${location.name} has no contact ${contactId}`);
  }
  const body = {
    data: { message: input.message, ...(input.campaignId ? { campaignId: input.campaignId } : {}), ...(input.tags?.length ? { tags: input.tags } : {}) },
    extras: { locationId: location.id, workflowId: "sandbox-run-action", companyId: location.companyId, ...(contactId ? { contactId } : {}) },
    meta: { key: ACTION_KEY, version: MODULE_VERSION },
  };
  const answer = await callApp("/api/crm/actions/shorten-links", { method: "POST", json: body }, options);
  return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, response: answer.body };
}

