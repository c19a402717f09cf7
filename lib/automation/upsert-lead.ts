/**
 * `crm.upsert_lead` (enqueued with the lead by lib/gates/save-lead.ts): the lead becomes or
 * updates a CRM contact — upsert with its email and/or phone, name, company and
 * `source: "Smart Links"`, never a `tags` field (it would replace every tag the contact has) —
 * then gets the link's tags (and its campaign's) with the add-tags call. The contact id is
 * written on the lead as soon as the CRM answers, so a retry skips the upsert and only adds the
 * tags again (a no-op for tags it has).
 *
 * No duplicates: the CRM's upsert matches an existing contact by email or phone, but two
 * upserts of one new email at the same moment could both create one. So leads with the same
 * email or phone run one after the other: in this process behind an in-process lock, and
 * across instances a lead waits (`RetryJobLaterError`, no attempt counted) while an earlier lead
 * with the same email or phone still has its upsert pending or running.
 */
import { and, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { crmContacts, jobs, leads, type LeadRow } from "@/db/schema";
import { contactTargetOrThrow, workspaceLocationOrThrow } from "@/lib/automation/contact-target";
import { JOB_CALL_OPTIONS } from "@/lib/automation/effects";
import { rememberLeadContact } from "@/lib/automation/lead-contacts";
import { tagNamesOfLinks } from "@/lib/automation/link-tags";
import { addContactTags, upsertContact } from "@/lib/crm/contacts";
import { CrmError } from "@/lib/crm/errors";
import { LEAD_UPSERT_JOB } from "@/lib/gates/save-lead";
import { PermanentJobError, RetryJobLaterError, type JobContext } from "@/lib/jobs/handlers";
import { jobErrorText } from "@/lib/jobs/retry-policy";
import { processSingleton } from "@/lib/process-state";
import { z } from "zod";

export const LEAD_SOURCE = "Smart Links";
/** How soon a lead waiting for an earlier one with the same email or phone looks again. */
const WAIT_FOR_EARLIER_MS = 2_000;

const payloadSchema = z.object({ leadId: z.string().min(1) });

/** Runs `fn` once every lock named is free, taking them all (one order for every caller). */
async function withLocks<T>(names: readonly string[], fn: () => Promise<T>): Promise<T> {
  const locks = processSingleton("automation-lead-locks", () => new Map<string, Promise<void>>());
  const sorted = [...new Set(names)].sort();
  const previous = sorted.map((n) => locks.get(n) ?? Promise.resolve());
  let release: () => void = () => {};
  const mine = new Promise<void>((resolve) => (release = resolve));
  for (const n of sorted) locks.set(n, mine);
  try {
    await Promise.all(previous);
    return await fn();
  } finally {
    release();
    for (const n of sorted) if (locks.get(n) === mine) locks.delete(n);
  }
}

function sameIdentity(lead: LeadRow): SQL | undefined {
  return or(lead.email ? eq(leads.email, lead.email) : undefined, lead.phone ? eq(leads.phone, lead.phone) : undefined);
}

/** An earlier lead of the workspace with the same email or phone whose upsert has not finished. */
async function earlierUnfinishedLead(ctx: JobContext, lead: LeadRow): Promise<{ runAt: Date } | null> {
  const identity = sameIdentity(lead);
  if (!identity) return null;
  const [row] = await ctx.db
    .select({ runAt: jobs.runAt })
    .from(leads)
    .innerJoin(jobs, eq(jobs.idempotencyKey, sql`${`${LEAD_UPSERT_JOB}:`} || ${leads.id}`))
    .where(
      and(
        eq(leads.workspaceId, lead.workspaceId),
        ne(leads.id, lead.id),
        identity,
        eq(leads.syncStatus, "pending"),
        isNull(leads.erasedAt),
        sql`(${leads.createdAt}, ${leads.id}) < (${lead.createdAt.toISOString()}::timestamptz, ${lead.id})`,
        inArray(jobs.status, ["pending", "running"]),
      ),
    )
    .limit(1);
  return row ?? null;
}

async function syncLead(ctx: JobContext, lead: LeadRow, pagedContactId: string | null): Promise<void> {
  const earlier = await earlierUnfinishedLead(ctx, lead);
  if (earlier) {
    throw new RetryJobLaterError("Waiting for an earlier lead with the same email or phone", Math.max(WAIT_FOR_EARLIER_MS, earlier.runAt.getTime() - ctx.now.getTime()));
  }
  const { workspaceId, locationId } = await workspaceLocationOrThrow(ctx);
  const deps = await ctx.crm();

  let contactId = lead.crmContactId;
  if (!contactId) {
    if (lead.email || lead.phone) {
      const upserted = await upsertContact(
        deps,
        locationId,
        { email: lead.email, phone: lead.phone, name: lead.name, companyName: lead.fields.company ?? null, source: LEAD_SOURCE },
        JOB_CALL_OPTIONS,
      );
      contactId = upserted.id;
    } else if (pagedContactId) {
      // A form without email or phone on a per-contact link: the lead is the contact it was sent to.
      contactId = (await contactTargetOrThrow(ctx, pagedContactId)).contactId;
    } else {
      throw new PermanentJobError("Rejected: the lead has no email or phone, so it cannot become a CRM contact");
    }
    await ctx.db.update(leads).set({ crmContactId: contactId }).where(and(eq(leads.id, lead.id), eq(leads.workspaceId, workspaceId)));
    // The contact was written on this location's token: it is one of its contacts.
    await ctx.db
      .insert(crmContacts)
      .values({ workspaceId, contactId, belongsToLocation: true, name: lead.name, email: lead.email, verifiedAt: ctx.now })
      .onConflictDoUpdate({ target: [crmContacts.workspaceId, crmContacts.contactId], set: { belongsToLocation: true }, setWhere: isNull(crmContacts.erasedAt) });
  }

  const tags = await tagNamesOfLinks(ctx.db, workspaceId, [lead.linkId]);
  if (tags.length > 0) await addContactTags(deps, locationId, contactId, tags, JOB_CALL_OPTIONS);

  await ctx.db
    .update(leads)
    .set({ syncStatus: "synced", syncedAt: new Date(), lastError: null })
    .where(and(eq(leads.id, lead.id), eq(leads.workspaceId, workspaceId)));
  rememberLeadContact(workspaceId, lead.id, contactId);
}

/** Whether the job will be given up after this failure (the lead then shows as failed). */
function isFinal(ctx: JobContext, err: unknown): boolean {
  if (err instanceof PermanentJobError) return true;
  if (err instanceof CrmError) return err.kind !== "rate_limited" && (!err.retryable || ctx.job.attempts >= ctx.job.maxAttempts);
  return ctx.job.attempts >= ctx.job.maxAttempts;
}

export async function upsertLead(ctx: JobContext): Promise<void> {
  const payload = payloadSchema.safeParse(ctx.job.payload);
  if (!payload.success || !ctx.job.workspaceId) throw new PermanentJobError("A lead job needs { leadId } and a workspace");
  const pagedContactId = typeof ctx.job.payload.contactId === "string" ? ctx.job.payload.contactId : null;
  const [lead] = await ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, payload.data.leadId), eq(leads.workspaceId, ctx.job.workspaceId)))
    .limit(1);
  // Deleted with its link, or erased with its contact: nothing left to send.
  if (!lead || lead.erasedAt || lead.syncStatus === "synced") return;

  const identities = [lead.email ? `email:${lead.email.toLowerCase()}` : null, lead.phone ? `phone:${lead.phone}` : null]
    .filter((k): k is string => k !== null)
    .map((k) => `${lead.workspaceId}\n${k}`);
  try {
    await withLocks(identities, () => syncLead(ctx, lead, pagedContactId));
  } catch (err) {
    if (!(err instanceof RetryJobLaterError)) {
      await ctx.db
        .update(leads)
        .set({ lastError: jobErrorText(err), ...(isFinal(ctx, err) ? { syncStatus: "failed" as const } : {}) })
        .where(and(eq(leads.id, lead.id), eq(leads.workspaceId, lead.workspaceId)));
    }
    throw err;
  }
}
