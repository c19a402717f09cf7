/**
 * The CRM effects of a click and their jobs. Each effect of an identified human click becomes
 * part of one *coalescing* job per workspace, contact and effect (lib/jobs/queue.ts, "open
 * slots"): every click of a contact while its job waits merges into that job, so ten clicks make
 * one add-tags call and one fields update. Notes are per viewing session instead (at most one per
 * contact and link in 60 minutes), decided when the note job runs.
 *
 *   crm.tag_contact            { contactId, linkIds: rootLinkId[], clicks }   → one add-tags call
 *   crm.update_contact_fields  { contactId, clicks }                          → one fields update
 *   crm.add_note               { contactId, clicks, events: NoteEvent[], notes?: PendingNote[] }
 *
 * When causes merge (lib/jobs/queue.ts) arrays are appended and numbers added: `contactId` is the
 * same in every cause, `clicks` counts the clicks merged, and the rest are lists.
 */
import { z } from "zod";
import type { LinkAutomation, WorkspaceSettings } from "@/db/schema";

export const TAG_CONTACT_JOB = "crm.tag_contact";
export const UPDATE_CONTACT_FIELDS_JOB = "crm.update_contact_fields";
export const ADD_NOTE_JOB = "crm.add_note";

/** Click effects survive a CRM outage of a few hours before they are given up (and shown as unresolved). */
export const CLICK_EFFECT_MAX_ATTEMPTS = 12;
/** A viewing session: a contact's clicks on one link within this long of its last note make no new note. */
export const WRITEBACK_SESSION_MS = 60 * 60_000;
/**
 * How long a job's CRM call may wait for the rate limit before the job gives its slot back and
 * is retried when the CRM says (the client's pacing waits under 10 s; a 429 asks for 10 s).
 */
export const JOB_CALL_OPTIONS = { maxRateLimitWaitMs: 12_000 } as const;

export type EffectSwitches = { tagOnClick: boolean; syncContact: boolean; addNote: boolean };

/** What a switch is when neither the link nor the workspace chose: on (the product's default). */
export const PRODUCT_AUTOMATION_DEFAULTS: EffectSwitches = { tagOnClick: true, syncContact: true, addNote: true };

/** The link's switch, else the workspace's default, else the product's. */
export function effectSwitchesOf(link: LinkAutomation | null | undefined, workspace: WorkspaceSettings["automation"] | null | undefined): EffectSwitches {
  return {
    tagOnClick: link?.tagOnClick ?? workspace?.tagOnClick ?? PRODUCT_AUTOMATION_DEFAULTS.tagOnClick,
    syncContact: link?.syncContact ?? workspace?.syncContact ?? PRODUCT_AUTOMATION_DEFAULTS.syncContact,
    addNote: link?.addNote ?? workspace?.addNote ?? PRODUCT_AUTOMATION_DEFAULTS.addNote,
  };
}

/** Base keys of the coalescing jobs (the queue adds the slot suffix). */
export function effectJobKey(type: string, workspaceId: string, contactId: string): string {
  return `${type}:${workspaceId}:${contactId}`;
}

/** One click as its note needs it. `at` is epoch milliseconds. */
export const noteEventSchema = z.object({
  at: z.number(),
  linkId: z.string(),
  rootLinkId: z.string(),
  destination: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  deviceType: z.string().nullable(),
  os: z.string().nullable(),
  browser: z.string().nullable(),
});
export type NoteEvent = z.output<typeof noteEventSchema>;

/**
 * A note whose viewing session the job has claimed (so no other job writes it), kept in the
 * job until the CRM confirmed it. `claimedAt` (epoch ms) tells a retry which of the contact's
 * notes could be this one when an answer was lost.
 */
export const pendingNoteSchema = z.object({ rootLinkId: z.string(), at: z.number(), body: z.string(), claimedAt: z.number(), sent: z.boolean() });
export type PendingNote = z.output<typeof pendingNoteSchema>;

const contactIdSchema = z.string().min(1).max(200);
export const tagPayloadSchema = z.object({ contactId: contactIdSchema, linkIds: z.array(z.string()).default([]) });
export const fieldsPayloadSchema = z.object({ contactId: contactIdSchema });
export const notePayloadSchema = z.object({
  contactId: contactIdSchema,
  events: z.array(noteEventSchema).default([]),
  notes: z.array(pendingNoteSchema).default([]),
});
