/**
 * The click batch hook: in the transaction that stores a batch of clicks, enqueue the CRM
 * effects of its identified human clicks (the writer hands the hook only those: bots, preview
 * fetchers and anonymous clicks never reach it). Two statements per batch, whatever its size:
 * one read of the root links' switches (and their workspaces' defaults), one insert-or-merge of
 * the effect jobs, which also leaves out contacts already known not to belong to the location
 * (or erased), so a `?c=` that was never a contact does not fill the queue.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { links, workspaces } from "@/db/schema";
import type { ClickEvent } from "@/lib/clicks/click-event";
import {
  ADD_NOTE_JOB,
  CLICK_EFFECT_MAX_ATTEMPTS,
  effectJobKey,
  effectSwitchesOf,
  TAG_CONTACT_JOB,
  UPDATE_CONTACT_FIELDS_JOB,
  WRITEBACK_SESSION_MS,
  type NoteEvent,
} from "@/lib/automation/effects";
import { enqueueCoalescingJobs, type NewJob } from "@/lib/jobs/queue";

type ContactEffects = {
  workspaceId: string;
  contactId: string;
  tagLinks: Set<string>;
  tagClicks: number;
  syncClicks: number;
  noteClicks: number;
  noteEvents: NoteEvent[];
};

/** Contacts the app knows are not (or no longer) contacts of the workspace's location. */
const KNOWN_NOT_A_CONTACT = sql`exists (
  select 1 from crm_contacts x
  where x.workspace_id = v.workspace_id and x.contact_id = v.payload ->> 'contactId'
    and (x.belongs_to_location = false or x.erased_at is not null))`;

export async function enqueueClickEffects(tx: Db, identified: readonly ClickEvent[]): Promise<void> {
  const clicks = identified.filter((e) => !e.isBot && e.contactId);
  if (clicks.length === 0) return;
  const rootIds = [...new Set(clicks.map((e) => e.rootLinkId))];
  const rows = await tx
    .select({ id: links.id, workspaceId: links.workspaceId, crm: links.crm, settings: workspaces.settings, status: workspaces.status })
    .from(links)
    .innerJoin(workspaces, eq(workspaces.id, links.workspaceId))
    .where(inArray(links.id, rootIds));
  const linkById = new Map(rows.map((r) => [r.id, r]));

  const byContact = new Map<string, ContactEffects>();
  for (const click of clicks) {
    const link = linkById.get(click.rootLinkId);
    const contactId = click.contactId;
    if (!link || !contactId || link.workspaceId !== click.workspaceId || link.status !== "active") continue;
    const switches = effectSwitchesOf(link.crm, link.settings.automation);
    if (!switches.tagOnClick && !switches.syncContact && !switches.addNote) continue;
    const key = `${click.workspaceId}\n${contactId}`;
    let effects = byContact.get(key);
    if (!effects) {
      effects = { workspaceId: click.workspaceId, contactId, tagLinks: new Set(), tagClicks: 0, syncClicks: 0, noteClicks: 0, noteEvents: [] };
      byContact.set(key, effects);
    }
    if (switches.tagOnClick) {
      effects.tagLinks.add(click.rootLinkId);
      effects.tagClicks += 1;
    }
    if (switches.syncContact) effects.syncClicks += 1;
    if (switches.addNote) {
      effects.noteClicks += 1;
      effects.noteEvents.push(noteEventOf(click));
    }
  }

  const jobs: NewJob[] = [];
  for (const e of byContact.values()) {
    const base = { workspaceId: e.workspaceId, maxAttempts: CLICK_EFFECT_MAX_ATTEMPTS };
    if (e.tagClicks > 0) {
      jobs.push({ ...base, type: TAG_CONTACT_JOB, idempotencyKey: effectJobKey(TAG_CONTACT_JOB, e.workspaceId, e.contactId), payload: { contactId: e.contactId, linkIds: [...e.tagLinks], clicks: e.tagClicks } });
    }
    if (e.syncClicks > 0) {
      jobs.push({ ...base, type: UPDATE_CONTACT_FIELDS_JOB, idempotencyKey: effectJobKey(UPDATE_CONTACT_FIELDS_JOB, e.workspaceId, e.contactId), payload: { contactId: e.contactId, clicks: e.syncClicks } });
    }
    if (e.noteClicks > 0) {
      jobs.push({ ...base, type: ADD_NOTE_JOB, idempotencyKey: effectJobKey(ADD_NOTE_JOB, e.workspaceId, e.contactId), payload: { contactId: e.contactId, clicks: e.noteClicks, events: sessionStarts(e.noteEvents) } });
    }
  }
  await enqueueCoalescingJobs(tx, jobs, { unless: KNOWN_NOT_A_CONTACT });
}

function noteEventOf(click: ClickEvent): NoteEvent {
  return {
    at: click.occurredAt.getTime(),
    linkId: click.linkId,
    rootLinkId: click.rootLinkId,
    destination: click.destination,
    city: click.city,
    country: click.country,
    deviceType: click.deviceType,
    os: click.os,
    browser: click.browser,
  };
}

/**
 * The clicks of one batch that could start a viewing session: per link, the first, then the
 * first 60 minutes or more after the one kept before. The others can never make a note, so they
 * need not travel with the job (the job decides against the sessions already stored).
 */
export function sessionStarts(events: readonly NoteEvent[]): NoteEvent[] {
  const kept: NoteEvent[] = [];
  const lastByLink = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    const last = lastByLink.get(e.rootLinkId);
    if (last !== undefined && e.at - last < WRITEBACK_SESSION_MS) continue;
    lastByLink.set(e.rootLinkId, e.at);
    kept.push(e);
  }
  return kept;
}
