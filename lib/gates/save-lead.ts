/**
 * Stores a lead-capture submission and, in the same transaction, the job that upserts it into the
 * CRM (the visitor never waits for the CRM; the job runner retries it with backoff).
 */
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema/jobs";
import { leads } from "@/db/schema/leads";
import type { LeadValues } from "@/lib/gates/lead-form";
import { newId } from "@/lib/ids";

/** The job type the CRM side handles (lib/jobs/handlers): create or update the contact, tag it. */
export const LEAD_UPSERT_JOB = "crm.upsert_lead";

export type SaveLeadInput = {
  workspaceId: string;
  /** The link whose form it is (the parent of a minted code). */
  linkId: string;
  values: LeadValues;
  visitorKey: string;
  /** The contact the link was sent to, when known: the CRM side may update that contact. */
  contactId: string | null;
};

export async function saveLead(db: Db, input: SaveLeadInput): Promise<{ leadId: string }> {
  const leadId = newId("lead");
  const { name, email, phone, ...extra } = input.values;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(extra)) if (value) fields[key] = value;
  await db.transaction(async (tx) => {
    await tx.insert(leads).values({
      id: leadId,
      workspaceId: input.workspaceId,
      linkId: input.linkId,
      name: name || null,
      email: email ? email.toLowerCase() : null,
      phone: phone || null,
      fields,
      visitorKey: input.visitorKey,
    });
    await tx
      .insert(jobs)
      .values({
        id: newId("job"),
        workspaceId: input.workspaceId,
        type: LEAD_UPSERT_JOB,
        payload: { leadId, linkId: input.linkId, contactId: input.contactId },
        idempotencyKey: `${LEAD_UPSERT_JOB}:${leadId}`,
      })
      .onConflictDoNothing();
  });
  return { leadId };
}
