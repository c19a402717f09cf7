/**
 * `crm.add_note`: a timeline note per viewing session — "Clicked <title> (<short URL>) →
 * <destination>, <city, country>, <device>" — at most one per contact and (root) link in 60
 * minutes, and never the same note twice:
 *
 *  1. Claim, in one transaction: for each link, lock the contact's `crm_writeback_sessions` row,
 *     decide which of the job's clicks start a session (60 minutes or more after the last note),
 *     move the session forward, and write those notes into the job's payload as pending (the
 *     clicks leave the payload). Another job of the same contact waits on the row lock and then
 *     sees the session taken; a retry of this job finds its notes already claimed.
 *  2. Send each pending note, marking it sent in the payload once the CRM confirmed it.
 *  3. A note still pending when a run starts may have reached the CRM with its answer lost (a
 *     timeout, a crash): the contact's notes are read once, and a note with the same text written
 *     since it was claimed counts as sent.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { crmWritebackSessions, jobs, links } from "@/db/schema";
import { contactTargetOrThrow, type ContactTarget } from "@/lib/automation/contact-target";
import { JOB_CALL_OPTIONS, notePayloadSchema, WRITEBACK_SESSION_MS, type NoteEvent, type PendingNote } from "@/lib/automation/effects";
import { createContactNote, listContactNotes } from "@/lib/crm/contacts";
import { env } from "@/lib/env";
import { PermanentJobError, type JobContext } from "@/lib/jobs/handlers";
import { shortUrlOf } from "@/lib/links/dto";

/** How much earlier than its claim a matching note may be dated (clocks of two systems). */
const CLOCK_SKEW_MS = 2 * 60_000;
/** A session row that has never had a note. */
const NEVER = new Date(0);

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryName(code: string | null): string | null {
  if (!code) return null;
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export type NoteText = {
  title: string;
  shortUrl: string;
  destination: string;
  city: string | null;
  country: string | null;
  deviceType: string | null;
  os: string | null;
  browser: string | null;
};

/** "Clicked Spring sale (https://sl.example/spring) → https://example.com/spring, Austin, United States, mobile (iOS, Mobile Safari)". */
export function clickNoteBody(n: NoteText): string {
  const place = [n.city, countryName(n.country)].filter(Boolean).join(", ") || "unknown location";
  const software = [n.os, n.browser].filter(Boolean).join(", ");
  const device = `${n.deviceType ?? "unknown device"}${software ? ` (${software})` : ""}`;
  return `Clicked ${n.title} (${n.shortUrl}) → ${n.destination}, ${place}, ${device}`;
}

type LinkText = { id: string; title: string | null; previewTitle: string | null; slug: string; domain: string; url: string };

async function linkTexts(db: Db, workspaceId: string, events: readonly NoteEvent[]): Promise<Map<string, LinkText>> {
  const ids = [...new Set(events.flatMap((e) => [e.rootLinkId, e.linkId]))];
  const rows = await db
    .select({ id: links.id, title: links.title, preview: links.preview, slug: links.slug, domain: links.domain, url: links.url })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), inArray(links.id, ids)));
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, previewTitle: r.preview?.title ?? null, slug: r.slug, domain: r.domain, url: r.url }]));
}

function noteOf(event: NoteEvent, root: LinkText, clicked: LinkText): string {
  return clickNoteBody({
    title: root.title?.trim() || root.previewTitle?.trim() || root.slug,
    // The URL the contact opened: a minted per-contact code's own, else the link's.
    shortUrl: shortUrlOf(clicked.domain, clicked.slug, env().shortBaseUrl),
    destination: event.destination ?? root.url,
    city: event.city,
    country: event.country,
    deviceType: event.deviceType,
    os: event.os,
    browser: event.browser,
  });
}

/** Step 1: claims the sessions the job's clicks start and moves them into its payload as pending notes. */
async function claimSessions(ctx: JobContext, target: ContactTarget, events: readonly NoteEvent[], carried: readonly PendingNote[]): Promise<PendingNote[]> {
  const { workspaceId, contactId } = target;
  return ctx.db.transaction(async (tx) => {
    const texts = await linkTexts(tx, workspaceId, events);
    const claimed: PendingNote[] = [];
    const rootIds = [...new Set(events.map((e) => e.rootLinkId))].sort(); // one lock order for every job
    for (const rootLinkId of rootIds) {
      const root = texts.get(rootLinkId);
      if (!root) continue; // the link was deleted: no note about it
      const clicksOnLink = events.filter((e) => e.rootLinkId === rootLinkId).sort((a, b) => a.at - b.at);
      const first = clicksOnLink[0];
      if (!first) continue;
      const session = and(eq(crmWritebackSessions.workspaceId, workspaceId), eq(crmWritebackSessions.contactId, contactId), eq(crmWritebackSessions.linkId, rootLinkId));
      await tx
        .insert(crmWritebackSessions)
        .values({ workspaceId, contactId, linkId: rootLinkId, lastWritebackAt: NEVER, lastClickAt: new Date(first.at) })
        .onConflictDoNothing();
      const [row] = await tx.select().from(crmWritebackSessions).where(session).for("update");
      let lastNote = row?.lastWritebackAt.getTime() ?? NEVER.getTime();
      let lastClick = row?.lastClickAt.getTime() ?? first.at;
      for (const event of clicksOnLink) {
        lastClick = Math.max(lastClick, event.at);
        if (event.at - lastNote < WRITEBACK_SESSION_MS) continue;
        lastNote = event.at;
        claimed.push({ rootLinkId, at: event.at, body: noteOf(event, root, texts.get(event.linkId) ?? root), claimedAt: Date.now(), sent: false });
      }
      await tx.update(crmWritebackSessions).set({ lastWritebackAt: new Date(lastNote), lastClickAt: new Date(lastClick) }).where(session);
    }
    const notes = [...carried, ...claimed];
    await savePayload(tx, ctx, { contactId, events: [], notes });
    return notes;
  });
}

/** Rewrites the running job's payload; throws (rolling back a claim) when this run no longer holds the job. */
async function savePayload(db: Db, ctx: JobContext, payload: Record<string, unknown>): Promise<void> {
  const current = { ...ctx.job.payload, ...payload };
  const saved = await db
    .update(jobs)
    .set({ payload: current })
    .where(and(eq(jobs.id, ctx.job.id), eq(jobs.lockedBy, ctx.job.lockedBy ?? ""), eq(jobs.status, "running")))
    .returning({ id: jobs.id });
  if (saved.length === 0) throw new Error(`Job ${ctx.job.id} is no longer held by this run`);
  ctx.job.payload = current;
}

export async function addClickNotes(ctx: JobContext): Promise<void> {
  const payload = notePayloadSchema.safeParse(ctx.job.payload);
  if (!payload.success) throw new PermanentJobError("A note job needs { contactId, events }");
  const { contactId, events, notes: carried } = payload.data;
  if (events.length === 0 && carried.every((n) => n.sent)) return;
  const target = await contactTargetOrThrow(ctx, contactId);
  const notes = events.length > 0 ? await claimSessions(ctx, target, events, carried) : [...carried];

  // Notes a previous run claimed but did not see confirmed: did they reach the CRM?
  const maybeSent = carried.filter((n) => !n.sent);
  const stored = maybeSent.length > 0 ? await listContactNotes(target.deps, target.locationId, contactId, JOB_CALL_OPTIONS) : [];
  for (const note of notes) {
    if (note.sent) continue;
    const isStored =
      maybeSent.includes(note) &&
      stored.some((s) => s.body === note.body && (s.dateAdded === undefined || Date.parse(s.dateAdded) >= note.claimedAt - CLOCK_SKEW_MS));
    if (!isStored) await createContactNote(target.deps, target.locationId, contactId, note.body, JOB_CALL_OPTIONS);
    note.sent = true;
    await savePayload(ctx.db, ctx, { notes });
  }
}
