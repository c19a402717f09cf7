/** Inputs of the sandbox control API (`/sandbox/api/*`); no server imports (the shell may bundle them). */
import { z } from "zod";

export const FAULT_MODES = ["none", "down", "slow", "unauthorized-once", "rate-limit"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const faultInputSchema = z.object({
  mode: z.enum(FAULT_MODES),
  /** How long the fault lasts; omitted = until set back to "none". */
  seconds: z.number().int().positive().max(86_400).optional(),
});
export type FaultInput = z.output<typeof faultInputSchema>;

const id = z.string().trim().min(1).max(200);

export const locationInputSchema = z.object({ locationId: id });
export const planInputSchema = z.object({ locationId: id, plan: z.enum(["starter", "pro"]) });

export const ssoPayloadQuerySchema = z.object({ userId: id, locationId: id.optional() });
export type SsoPayloadQuery = z.output<typeof ssoPayloadQuerySchema>;

export const contactsQuerySchema = z.object({ locationId: id, q: z.string().trim().max(200).optional() });
export type ContactsQuery = z.output<typeof contactsQuerySchema>;

/** Query-string values as an object for the schemas above (empty values count as absent). */
export function queryOf(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) if (v !== "") out[k] = v;
  return out;
}
