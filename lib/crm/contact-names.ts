/**
 * Contact names for analytics and Settings → CRM: a cache of contact id → name and email in
 * `crm_contacts`, filled from the CRM by a background job and never on a page request's path.
 * `namesFor` reads the cache only; ids it does not know (or knows from too long ago) are queued
 * for a refresh, so the next poll or page view shows their names.
 *
 * Privacy: a contact deleted in the CRM (ContactDelete) keeps its row with `erasedAt` set and no
 * name or email, and nothing here ever writes them back.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { crmContacts, jobs, workspaces } from "@/db/schema";
import { displayNameOf } from "@/lib/crm/contact-check";
import { getContact } from "@/lib/crm/contacts";
import { CrmError } from "@/lib/crm/errors";
import type { CrmDeps } from "@/lib/crm/tokens";
import { registerJobHandler, PermanentJobError } from "@/lib/jobs/handlers";
import { enqueueJobs } from "@/lib/jobs/queue";
import { log } from "@/lib/log";

export const REFRESH_CONTACT_NAMES_JOB = "crm.refresh_contact_names";
/** A name older than this is refreshed the next time it is shown. */
export const NAME_TTL_MS = 24 * 60 * 60_000;
/** Ids per refresh job: at most this many CRM calls in one run (the burst limit is 100 / 10 s per location, shared with click effects). */
export const REFRESH_BATCH_SIZE = 25;
/** The same ids asked for again within this window reuse the queued job (pages poll every few seconds). */
const ENQUEUE_WINDOW_MS = 10 * 60_000;
const REFRESH_MAX_ATTEMPTS = 5;
/** The refresh waits out a rate limit for at most this long per call before retrying the job later. */
const MAX_RATE_LIMIT_WAIT_MS = 10_000;
const MAX_LOOKUP_IDS = 1_000;

export type ContactName = {
  contactId: string;
  /** Null when the CRM has no name for the contact, or it was erased. */
  name: string | null;
  email: string | null;
  /** Deleted in the CRM: shown as "Deleted contact", never refreshed. */
  isErased: boolean;
};

type CachedRow = {
  contactId: string;
  name: string | null;
  email: string | null;
  belongsToLocation: boolean | null;
  verifiedAt: Date | null;
  erasedAt: Date | null;
};

function uniqueIds(ids: Iterable<string>): string[] {
  return [...new Set([...ids].filter((id) => typeof id === "string" && id.trim() !== ""))];
}

async function cachedRows(db: Db, workspaceId: string, ids: readonly string[]): Promise<CachedRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      contactId: crmContacts.contactId,
      name: crmContacts.name,
      email: crmContacts.email,
      belongsToLocation: crmContacts.belongsToLocation,
      verifiedAt: crmContacts.verifiedAt,
      erasedAt: crmContacts.erasedAt,
    })
    .from(crmContacts)
    .where(and(eq(crmContacts.workspaceId, workspaceId), inArray(crmContacts.contactId, [...ids])));
}

/** Whether a cached contact (or its absence) calls for asking the CRM again. */
function needsRefresh(row: CachedRow | undefined, now: Date): boolean {
  if (!row) return true;
  if (row.erasedAt || row.belongsToLocation === false) return false;
  return row.verifiedAt === null || now.getTime() - row.verifiedAt.getTime() >= NAME_TTL_MS;
}

/**
 * Names of the given contacts from the cache only (no CRM call, whatever happens). Known ids are
 * in the map, erased ones with `isErased`; unknown ids are absent. Unknown and stale ids are
 * queued for a background refresh unless `refresh: false`; a queueing failure is logged, never thrown.
 */
export async function namesFor(
  db: Db,
  workspaceId: string,
  ids: Iterable<string>,
  options: { now?: Date; refresh?: boolean } = {},
): Promise<Map<string, ContactName>> {
  const now = options.now ?? new Date();
  const wanted = uniqueIds(ids).slice(0, MAX_LOOKUP_IDS);
  const rows = await cachedRows(db, workspaceId, wanted);
  const byId = new Map(rows.map((r) => [r.contactId, r]));
  const names = new Map<string, ContactName>();
  for (const row of rows) {
    const isErased = row.erasedAt !== null;
    names.set(row.contactId, { contactId: row.contactId, name: isErased ? null : row.name, email: isErased ? null : row.email, isErased });
  }
  if (options.refresh !== false) {
    const stale = wanted.filter((id) => needsRefresh(byId.get(id), now));
    if (stale.length > 0) {
      await queueNameRefresh(db, workspaceId, stale, now).catch((err: unknown) => log.warn("contact name refresh not queued", { workspaceId, err }));
    }
  }
  return names;
}

/**
 * Queues refresh jobs for these ids, in batches, unless a refresh of the workspace is already
 * waiting or running. The idempotency key is the workspace, the sorted batch and a 10-minute
 * window, so repeated page views queue one job, and ids still unknown later are asked for again.
 */
export async function queueNameRefresh(db: Db, workspaceId: string, ids: readonly string[], now: Date = new Date()): Promise<number> {
  const sorted = uniqueIds(ids).sort();
  if (sorted.length === 0) return 0;
  // One refresh at a time per workspace: while one waits or runs (say, through a CRM outage),
  // nothing piles up behind it; ids still unknown when it is done are asked for on the next read.
  const [busy] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.workspaceId, workspaceId), inArray(jobs.status, ["pending", "running"]), eq(jobs.type, REFRESH_CONTACT_NAMES_JOB)))
    .limit(1);
  if (busy) return 0;
  const window = Math.floor(now.getTime() / ENQUEUE_WINDOW_MS);
  const batches: string[][] = [];
  for (let i = 0; i < sorted.length; i += REFRESH_BATCH_SIZE) batches.push(sorted.slice(i, i + REFRESH_BATCH_SIZE));
  await enqueueJobs(
    db,
    batches.map((contactIds) => ({
      workspaceId,
      type: REFRESH_CONTACT_NAMES_JOB,
      payload: { contactIds },
      idempotencyKey: `contact-names:${workspaceId}:${window}:${createHash("sha256").update(contactIds.join("\n")).digest("base64url").slice(0, 22)}`,
      maxAttempts: REFRESH_MAX_ATTEMPTS,
    })),
  );
  return batches.length;
}

async function saveName(db: Db, workspaceId: string, contactId: string, answer: { belongs: boolean; name: string | null; email: string | null }, now: Date): Promise<void> {
  const values = { belongsToLocation: answer.belongs, name: answer.name, email: answer.email, verifiedAt: now };
  await db
    .insert(crmContacts)
    .values({ workspaceId, contactId, ...values })
    .onConflictDoUpdate({
      target: [crmContacts.workspaceId, crmContacts.contactId],
      set: values,
      // An erased contact stays erased, even if a refresh was already on its way.
      setWhere: isNull(crmContacts.erasedAt),
    });
}

async function markChecked(db: Db, workspaceId: string, contactId: string, now: Date): Promise<void> {
  await db
    .update(crmContacts)
    .set({ verifiedAt: now })
    .where(and(eq(crmContacts.workspaceId, workspaceId), eq(crmContacts.contactId, contactId), isNull(crmContacts.erasedAt)));
}

export type RefreshOutcome = { refreshed: number; notFound: number; skipped: number };

/**
 * Asks the CRM for each contact (one at a time, through the paced client) and stores the
 * answer. Ids refreshed since `requestedAt` or erased are skipped, so a retried job continues
 * where it stopped. A CRM that is down or rate-limiting ends the run with its `CrmError`
 * (retryable: the job runner backs off) after saving what it got.
 */
export async function refreshContactNames(
  deps: CrmDeps,
  workspaceId: string,
  contactIds: readonly string[],
  options: { now?: () => Date; requestedAt?: Date } = {},
): Promise<RefreshOutcome> {
  const now = options.now ?? (() => new Date());
  const outcome: RefreshOutcome = { refreshed: 0, notFound: 0, skipped: 0 };
  const [workspace] = await deps.db
    .select({ locationId: workspaces.crmLocationId, status: workspaces.status })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  const ids = uniqueIds(contactIds);
  if (!workspace || workspace.status !== "active") return { ...outcome, skipped: ids.length };

  const rows = new Map((await cachedRows(deps.db, workspaceId, ids)).map((r) => [r.contactId, r]));
  const requestedAt = options.requestedAt ?? new Date(0);
  for (const contactId of ids) {
    const row = rows.get(contactId);
    if (row?.erasedAt || (row?.verifiedAt && row.verifiedAt.getTime() >= requestedAt.getTime() && !needsRefresh(row, now()))) {
      outcome.skipped++;
      continue;
    }
    try {
      const contact = await getContact(deps, workspace.locationId, contactId, { maxRateLimitWaitMs: MAX_RATE_LIMIT_WAIT_MS });
      const belongs = contact.locationId === workspace.locationId;
      await saveName(deps.db, workspaceId, contactId, belongs ? { belongs, name: displayNameOf(contact), email: contact.email ?? null } : { belongs, name: null, email: null }, now());
      if (belongs) outcome.refreshed++;
      else outcome.notFound++;
    } catch (err) {
      if (!(err instanceof CrmError)) throw err;
      if (err.kind === "not_found" || err.kind === "forbidden") {
        // Not a contact of this location (as checkContact decides): no name to show.
        await saveName(deps.db, workspaceId, contactId, { belongs: false, name: null, email: null }, now());
        outcome.notFound++;
      } else if (err.kind === "rejected" || err.kind === "invalid_response") {
        // This id will get the same answer next time: note that it was asked, keep what we had.
        log.warn("contact name refresh refused", { workspaceId, contactId, kind: err.kind, message: err.message });
        if (row) await markChecked(deps.db, workspaceId, contactId, now());
        outcome.skipped++;
      } else {
        throw err;
      }
    }
  }
  return outcome;
}

const payloadSchema = z.object({ contactIds: z.array(z.string().min(1)).max(REFRESH_BATCH_SIZE * 4) });

/** Registers the `crm.refresh_contact_names` job handler; call once at start-up (idempotent). */
export function registerContactNameJobs(): void {
  registerJobHandler(REFRESH_CONTACT_NAMES_JOB, async ({ crm, now, job }) => {
    if (!job.workspaceId) throw new PermanentJobError("A contact names refresh needs a workspace");
    const payload = payloadSchema.safeParse(job.payload);
    if (!payload.success) throw new PermanentJobError("A contact names refresh needs { contactIds: string[] }");
    // A CrmError goes to the worker as it is: down or rate limited → later; not installed → dead.
    await refreshContactNames(await crm(), job.workspaceId, payload.data.contactIds, { now: () => now, requestedAt: job.createdAt });
  });
}

/**
 * ContactDelete: our copy of the contact's name and email is erased and the row kept with
 * `erasedAt` (so a late click is not re-attributed and no refresh writes them back).
 */
export async function eraseCachedContact(db: Db, workspaceId: string, contactId: string, now: Date): Promise<void> {
  const erased = { name: null, email: null, belongsToLocation: false, erasedAt: now };
  await db
    .insert(crmContacts)
    .values({ workspaceId, contactId, ...erased })
    .onConflictDoUpdate({ target: [crmContacts.workspaceId, crmContacts.contactId], set: erased });
}
