/**
 * Faults the sandbox CRM can play, stored in `sandbox_settings` (key "fault") so that every
 * process serving `/sandbox/crm` sees the same one. A fault with `until` ends by itself.
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxSettings } from "@/db/schema";
import { FAULT_MODES, type FaultMode } from "@/lib/sandbox/schemas";

export type Fault = { mode: FaultMode; until: Date | null };

/** How long the "slow" fault holds every answer. */
export const SLOW_FAULT_DELAY_MS = 3_000;

const FAULT_KEY = "fault";
const NO_FAULT: Fault = { mode: "none", until: null };

const storedFaultSchema = z.object({ mode: z.enum(FAULT_MODES), until: z.iso.datetime({ offset: true }).nullable() });

function faultOf(value: unknown, now: Date): Fault {
  const parsed = storedFaultSchema.safeParse(value);
  if (!parsed.success) return NO_FAULT;
  const until = parsed.data.until === null ? null : new Date(parsed.data.until);
  if (until && until.getTime() <= now.getTime()) return NO_FAULT;
  return { mode: parsed.data.mode, until };
}

/** The fault in force now (`none` once its `until` has passed). */
export async function getFault(db: Db, now: Date = new Date()): Promise<Fault> {
  const [row] = await db.select({ value: sandboxSettings.value }).from(sandboxSettings).where(eq(sandboxSettings.key, FAULT_KEY)).limit(1);
  return row ? faultOf(row.value, now) : NO_FAULT;
}

/** Sets the fault for `seconds` (until set to "none" when omitted); "none" clears it. */
export async function setFault(db: Db, input: { mode: FaultMode; seconds?: number }, now: Date = new Date()): Promise<Fault> {
  if (input.mode === "none") {
    await db.delete(sandboxSettings).where(eq(sandboxSettings.key, FAULT_KEY));
    return NO_FAULT;
  }
  const until = input.seconds === undefined ? null : new Date(now.getTime() + input.seconds * 1000);
  const value = { mode: input.mode, until: until?.toISOString() ?? null };
  await db
    .insert(sandboxSettings)
    .values({ key: FAULT_KEY, value, updatedAt: now })
    .onConflictDoUpdate({ target: sandboxSettings.key, set: { value, updatedAt: now } });
  return { mode: input.mode, until };
}

/**
 * Takes the "unauthorized-once" fault if it is in force: the delete is atomic, so of several
 * concurrent calls (in any process) exactly one gets the 401.
 */
export async function consumeUnauthorizedOnce(db: Db, now: Date = new Date()): Promise<boolean> {
  const taken = await db
    .delete(sandboxSettings)
    .where(and(eq(sandboxSettings.key, FAULT_KEY), sql`${sandboxSettings.value}->>'mode' = 'unauthorized-once'`))
    .returning({ value: sandboxSettings.value });
  const [row] = taken;
  return row !== undefined && faultOf(row.value, now).mode === "unauthorized-once";
}

/** The fault as the control API shows it. */
export function toFaultDto(fault: Fault): { mode: FaultMode; until: string | null } {
  return { mode: fault.mode, until: fault.until?.toISOString() ?? null };
}
