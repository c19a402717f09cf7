/**
 * `crm.tag_contact`: the tags of every link the contact clicked since the job opened (the links'
 * own and their campaigns'), in one add-tags call. Adding tags never removes any (the upsert's
 * `tags` field would replace them all), and adding a tag the contact has is a no-op, so a retry
 * is harmless. Tags are read when the job runs: a tag renamed meanwhile is added as it is now.
 */
import { contactTargetOrThrow } from "@/lib/automation/contact-target";
import { JOB_CALL_OPTIONS, tagPayloadSchema } from "@/lib/automation/effects";
import { tagNamesOfLinks } from "@/lib/automation/link-tags";
import { addContactTags } from "@/lib/crm/contacts";
import { PermanentJobError, type JobContext } from "@/lib/jobs/handlers";

export async function tagContact(ctx: JobContext): Promise<void> {
  const payload = tagPayloadSchema.safeParse(ctx.job.payload);
  if (!payload.success || !ctx.job.workspaceId) throw new PermanentJobError("A tag job needs { contactId, linkIds } and a workspace");
  const { contactId, linkIds } = payload.data;
  // Links without tags (or deleted since) need no CRM call, nor a contact check.
  const names = await tagNamesOfLinks(ctx.db, ctx.job.workspaceId, linkIds);
  if (names.length === 0) return;
  const target = await contactTargetOrThrow(ctx, contactId);
  await addContactTags(target.deps, target.locationId, contactId, names, JOB_CALL_OPTIONS);
}
