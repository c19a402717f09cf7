/**
 * Wiring of the CRM automation, once per process (server.ts calls `registerClickEffects()` at
 * start-up, before `startJobWorker()`): the click batch hook that enqueues click effects, and the
 * job handlers that perform them and the lead upserts.
 */
import { addClickNotes } from "@/lib/automation/click-notes";
import { updateContactFields } from "@/lib/automation/contact-fields";
import { ADD_NOTE_JOB, TAG_CONTACT_JOB, UPDATE_CONTACT_FIELDS_JOB } from "@/lib/automation/effects";
import { enqueueClickEffects } from "@/lib/automation/enqueue-click-effects";
import { tagContact } from "@/lib/automation/tag-contact";
import { upsertLead } from "@/lib/automation/upsert-lead";
import { onClickBatch } from "@/lib/clicks/record-click";
import { LEAD_UPSERT_JOB } from "@/lib/gates/save-lead";
import { registerJobHandler } from "@/lib/jobs/handlers";
import { processSingleton } from "@/lib/process-state";

/** The handlers of the automation's jobs (tag, fields, note, lead upsert). Idempotent. */
export function registerAutomationJobs(): void {
  registerJobHandler(TAG_CONTACT_JOB, tagContact);
  registerJobHandler(UPDATE_CONTACT_FIELDS_JOB, updateContactFields);
  registerJobHandler(ADD_NOTE_JOB, addClickNotes);
  registerJobHandler(LEAD_UPSERT_JOB, upsertLead);
}

/**
 * Registers the click batch hook (once per process, whichever copy of `lib/` asks first: the
 * hook runs in every click batch's transaction) and the automation's job handlers.
 */
export function registerClickEffects(): void {
  processSingleton("automation-click-hook", () => {
    onClickBatch(enqueueClickEffects);
    return true;
  });
  registerAutomationJobs();
}
