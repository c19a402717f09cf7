/**
 * `crm.update_contact_fields`: the contact's Smart Links fields in the CRM — last link clicked,
 * total link clicks, first and last click date — in one update. The values are read from our
 * clicks table when the job runs (identified human clicks of the contact in the workspace), not
 * carried by the job: however many clicks merged into it, and whatever order retries run in,
 * the CRM ends up with the truth, and a retry writes the same values again.
 *
 * The four custom fields are found (by `fieldKey`, then by name) or created once per location,
 * and their ids kept in `crm_custom_fields`; values are written by id (crm-api.md §8.12).
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clicks, crmCustomFields, links } from "@/db/schema";
import { contactTargetOrThrow } from "@/lib/automation/contact-target";
import { fieldsPayloadSchema, JOB_CALL_OPTIONS } from "@/lib/automation/effects";
import { createContactCustomField, listContactCustomFields, setContactCustomFields, type CrmCustomField } from "@/lib/crm/contacts";
import { CrmError } from "@/lib/crm/errors";
import type { CrmDeps } from "@/lib/crm/tokens";
import { env } from "@/lib/env";
import { PermanentJobError, type JobContext } from "@/lib/jobs/handlers";
import { shortUrlOf } from "@/lib/links/dto";
import { processSingleton } from "@/lib/process-state";

export const CONTACT_FIELDS = [
  { key: "last_link_clicked", name: "Last link clicked", dataType: "TEXT" },
  { key: "total_link_clicks", name: "Total link clicks", dataType: "NUMERICAL" },
  { key: "first_click_date", name: "First click date", dataType: "DATE" },
  { key: "last_click_date", name: "Last click date", dataType: "DATE" },
] as const;
export type ContactFieldKey = (typeof CONTACT_FIELDS)[number]["key"];
type FieldIds = Record<ContactFieldKey, string>;

function matchField(listed: readonly CrmCustomField[], field: (typeof CONTACT_FIELDS)[number]): CrmCustomField | undefined {
  return listed.find((f) => f.fieldKey === `contact.${field.key}`) ?? listed.find((f) => f.name.trim().toLowerCase() === field.name.toLowerCase());
}

async function findOrCreateFields(deps: CrmDeps, workspaceId: string, locationId: string): Promise<FieldIds> {
  const stored = await deps.db.select().from(crmCustomFields).where(eq(crmCustomFields.workspaceId, workspaceId));
  const ids = new Map<string, string>(stored.map((r) => [r.key, r.crmFieldId]));
  if (CONTACT_FIELDS.every((f) => ids.has(f.key))) return Object.fromEntries(ids) as FieldIds;

  let listed = await listContactCustomFields(deps, locationId, JOB_CALL_OPTIONS);
  for (const field of CONTACT_FIELDS) {
    if (ids.has(field.key)) continue;
    let found = matchField(listed, field);
    if (!found) {
      try {
        found = await createContactCustomField(deps, locationId, { name: field.name, dataType: field.dataType }, JOB_CALL_OPTIONS);
      } catch (err) {
        // Created meanwhile (another instance, or a user): the CRM refuses a second one with that key.
        if (!(err instanceof CrmError) || err.kind !== "rejected") throw err;
        listed = await listContactCustomFields(deps, locationId, JOB_CALL_OPTIONS);
        found = matchField(listed, field);
        if (!found) throw err;
      }
    }
    const values = { crmFieldId: found.id, crmFieldKey: found.fieldKey };
    await deps.db
      .insert(crmCustomFields)
      .values({ workspaceId, key: field.key, ...values })
      .onConflictDoUpdate({ target: [crmCustomFields.workspaceId, crmCustomFields.key], set: values });
    ids.set(field.key, found.id);
  }
  return Object.fromEntries(ids) as FieldIds;
}

/** The location's field ids; the first job of a location finds or creates them, jobs running meanwhile wait for it. */
export function ensureContactFields(deps: CrmDeps, workspaceId: string, locationId: string): Promise<FieldIds> {
  const inflight = processSingleton("automation-contact-fields", () => new Map<string, Promise<FieldIds>>());
  let pending = inflight.get(workspaceId);
  if (!pending) {
    pending = findOrCreateFields(deps, workspaceId, locationId).finally(() => inflight.delete(workspaceId));
    inflight.set(workspaceId, pending);
  }
  return pending;
}

export type ContactClickStats = { total: number; first: Date | null; last: Date | null; lastLinkUrl: string | null };

/** The contact's identified human clicks in the workspace, from our clicks table. */
export async function contactClickStats(db: Db, workspaceId: string, contactId: string): Promise<ContactClickStats> {
  const ofContact = and(eq(clicks.workspaceId, workspaceId), eq(clicks.contactId, contactId), eq(clicks.isBot, false));
  const [[stats], [latest]] = await Promise.all([
    db
      .select({
        total: sql<number>`count(*)`.mapWith(Number),
        first: sql<Date | null>`min(${clicks.occurredAt})`.mapWith(clicks.occurredAt),
        last: sql<Date | null>`max(${clicks.occurredAt})`.mapWith(clicks.occurredAt),
      })
      .from(clicks)
      .where(ofContact),
    db
      .select({ domain: links.domain, slug: links.slug })
      .from(clicks)
      .innerJoin(links, and(eq(links.id, clicks.rootLinkId), eq(links.workspaceId, workspaceId)))
      .where(ofContact)
      .orderBy(desc(clicks.occurredAt), desc(clicks.id))
      .limit(1),
  ]);
  return {
    total: stats?.total ?? 0,
    first: stats?.first ?? null,
    last: stats?.last ?? null,
    lastLinkUrl: latest ? shortUrlOf(latest.domain, latest.slug, env().shortBaseUrl) : null,
  };
}

/** A DATE field's value: the UTC calendar day. */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

export async function updateContactFields(ctx: JobContext): Promise<void> {
  const payload = fieldsPayloadSchema.safeParse(ctx.job.payload);
  if (!payload.success) throw new PermanentJobError("A contact fields job needs { contactId }");
  const target = await contactTargetOrThrow(ctx, payload.data.contactId);
  const stats = await contactClickStats(ctx.db, target.workspaceId, target.contactId);
  if (stats.total === 0 || !stats.first || !stats.last) return; // clicks erased since (contact deleted)
  const ids = await ensureContactFields(target.deps, target.workspaceId, target.locationId);
  const values: { id: string; value: string | number }[] = [
    { id: ids.total_link_clicks, value: stats.total },
    { id: ids.first_click_date, value: dayOf(stats.first) },
    { id: ids.last_click_date, value: dayOf(stats.last) },
  ];
  if (stats.lastLinkUrl) values.unshift({ id: ids.last_link_clicked, value: stats.lastLinkUrl });
  await setContactCustomFields(target.deps, target.locationId, target.contactId, values, JOB_CALL_OPTIONS);
}
