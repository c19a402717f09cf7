/**
 * The sandbox CRM's control API (`/sandbox/api/*`), as the host shell's pages call it: same origin,
 * every answer parsed with zod, every failure thrown as a `SandboxApiError` carrying the server's
 * `{ error: { code, message } }` (or a code of our own when the answer is not JSON).
 */
import { z } from "zod";

export const planSchema = z.enum(["starter", "pro"]);
export type Plan = z.output<typeof planSchema>;

/** `type` is the CRM user's kind: agency users can open every sub-account and the agency view. */
const userSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string(), type: z.enum(["agency", "account"]).optional() });
export type SandboxUser = z.output<typeof userSchema>;

const locationSchema = z.object({
  id: z.string(),
  name: z.string(),
  installed: z.boolean(),
  plan: planSchema.nullable(),
  users: z.array(userSchema),
  contactIds: z.array(z.string()),
});
export type SandboxLocation = z.output<typeof locationSchema>;

export const stateSchema = z.object({
  agency: z.object({ id: z.string(), name: z.string() }),
  locations: z.array(locationSchema),
});
export type SandboxState = z.output<typeof stateSchema>;

const text = z.string().nullish().transform((v) => v ?? "");

export const contactSchema = z.object({
  id: z.string(),
  locationId: z.string(),
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  tags: z.array(z.string()),
  customFields: z.array(z.object({ id: z.string(), key: z.string(), name: z.string(), value: z.unknown() })),
  notes: z.array(z.object({ id: z.string(), body: z.string(), dateAdded: z.string() })),
});
export type SandboxContact = z.output<typeof contactSchema>;

const contactSummarySchema = contactSchema.pick({ id: true, firstName: true, lastName: true, email: true, phone: true, tags: true });
export type SandboxContactSummary = z.output<typeof contactSummarySchema>;

export const contactListSchema = z.object({ contacts: z.array(contactSummarySchema), total: z.number().int().nonnegative() });
export type SandboxContactList = z.output<typeof contactListSchema>;

const okSchema = z.object({ ok: z.literal(true) });
const ssoPayloadSchema = z.object({ payload: z.string().min(1) });
const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const FAULT_MODES = ["none", "down", "slow", "unauthorized-once", "rate-limit"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** The fault in force; `until` is when it ends (epoch ms), or null when it lasts until switched off. */
export const faultStateSchema = z.object({
  mode: z.enum(FAULT_MODES),
  until: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => {
      const ms = typeof v === "string" ? Date.parse(v) : v;
      return typeof ms === "number" && Number.isFinite(ms) ? ms : null;
    }),
});
export type FaultState = z.output<typeof faultStateSchema>;

export class SandboxApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "SandboxApiError";
  }
}

/** One control API call: GET by default; POST and DELETE send `body` as JSON. */
export async function request<T>(path: string, schema: z.ZodType<T>, init?: { method: "POST" | "DELETE"; body?: unknown; signal?: AbortSignal } | { signal?: AbortSignal }): Promise<T> {
  const post = init && "method" in init;
  let res: Response;
  try {
    res = await fetch(path, {
      method: post ? init.method : "GET",
      headers: post ? { "content-type": "application/json" } : undefined,
      body: post ? JSON.stringify(init.body ?? {}) : undefined,
      cache: "no-store",
      signal: init?.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new SandboxApiError("network_error", "The sandbox CRM could not be reached. Is the server running?", 0);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) throw new SandboxApiError(parsed.data.error.code, parsed.data.error.message, res.status);
    throw new SandboxApiError(`http_${res.status}`, `${path.split("?")[0] ?? path} answered ${res.status} ${res.statusText}`.trim(), res.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new SandboxApiError("unexpected_answer", `${path.split("?")[0] ?? path} answered in an unexpected shape: ${z.prettifyError(parsed.error)}`, res.status);
  }
  return parsed.data;
}

export const sandboxApi = {
  state: (signal?: AbortSignal) => request("/sandbox/api/state", stateSchema, { signal }),
  /** One location's contacts, filtered by `q` (name, email, phone) when given. */
  contacts: (locationId: string, q: string, signal?: AbortSignal) => {
    const query = new URLSearchParams(q ? { locationId, q } : { locationId });
    return request(`/sandbox/api/contacts?${query.toString()}`, contactListSchema, { signal });
  },
  contact: (id: string, signal?: AbortSignal) => request(`/sandbox/api/contacts/${encodeURIComponent(id)}`, contactSchema, { signal }),
  /** The encrypted SSO payload the shell hands to the iframe; no `locationId` means agency context. */
  ssoPayload: async (userId: string, locationId: string | null, signal?: AbortSignal) => {
    const query = new URLSearchParams(locationId ? { locationId, userId } : { userId });
    return (await request(`/sandbox/api/sso-payload?${query.toString()}`, ssoPayloadSchema, { signal })).payload;
  },
  faults: (signal?: AbortSignal) => request("/sandbox/api/faults", faultStateSchema, { signal }),
  setFault: (mode: FaultMode, seconds?: number) =>
    request("/sandbox/api/faults", okSchema, { method: "POST", body: seconds === undefined ? { mode } : { mode, seconds } }),
  install: (locationId: string) => request("/sandbox/api/install", okSchema, { method: "POST", body: { locationId } }),
  uninstall: (locationId: string) => request("/sandbox/api/uninstall", okSchema, { method: "POST", body: { locationId } }),
  changePlan: (locationId: string, plan: Plan) => request("/sandbox/api/plan", okSchema, { method: "POST", body: { locationId, plan } }),
  reset: () => request("/sandbox/api/reset", okSchema, { method: "POST" }),
};

export const sandboxKeys = {
  all: ["sandbox"] as const,
  state: () => [...sandboxKeys.all, "state"] as const,
  contacts: () => [...sandboxKeys.all, "contacts"] as const,
  contactList: (locationId: string, q: string) => [...sandboxKeys.contacts(), "list", locationId, q] as const,
  contact: (id: string) => [...sandboxKeys.contacts(), "detail", id] as const,
  faults: () => [...sandboxKeys.all, "faults"] as const,
};

/** What a toast says about a failed call: the server's message, with its code for the curious. */
export function describeError(err: unknown): string {
  if (err instanceof SandboxApiError) return `${err.message} (${err.code})`;
  if (err instanceof Error) return err.message;
  return "Something went wrong.";
}

export const PLAN_PRICES: Record<Plan, string> = { starter: "$29", pro: "$49" };

export function contactName(c: Pick<SandboxContact, "firstName" | "lastName" | "email">): string {
  return `${c.firstName} ${c.lastName}`.trim() || c.email || "Unnamed contact";
}
