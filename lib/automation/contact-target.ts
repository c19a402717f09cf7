/**
 * What every contact effect does first: find the workspace's CRM location (the app must still
 * be installed there) and make sure the contact belongs to it. A contact id from a URL is never
 * acted on before the CRM said it is one of the location's contacts (asked once, then cached in
 * `crm_contacts`); one that is not ends the job as unresolved ("Contact not found").
 */
import { eq } from "drizzle-orm";
import { workspaces } from "@/db/schema";
import { checkContact } from "@/lib/crm/contact-check";
import type { CrmDeps } from "@/lib/crm/tokens";
import { PermanentJobError, type JobContext } from "@/lib/jobs/handlers";
import { processSingleton } from "@/lib/process-state";

export type ContactTarget = { deps: CrmDeps; workspaceId: string; locationId: string; contactId: string };

export const NOT_INSTALLED_MESSAGE = "Not installed: Smart Links is not installed on this CRM location any more";

export function contactNotFoundMessage(contactId: string): string {
  return `Contact not found: ${contactId} is not a contact of this CRM location`;
}

export async function workspaceLocationOrThrow(ctx: JobContext): Promise<{ workspaceId: string; locationId: string }> {
  const workspaceId = ctx.job.workspaceId;
  if (!workspaceId) throw new PermanentJobError(`A ${ctx.job.type} job needs a workspace`);
  const [workspace] = await ctx.db
    .select({ locationId: workspaces.crmLocationId, status: workspaces.status })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!workspace || workspace.status !== "active") throw new PermanentJobError(NOT_INSTALLED_MESSAGE);
  return { workspaceId, locationId: workspace.locationId };
}

/**
 * Checks the contact once per process at a time: the tag, fields and note jobs of a new
 * contact usually run together, and one CRM lookup answers all three.
 */
function checkContactOnce(deps: CrmDeps, workspaceId: string, locationId: string, contactId: string): Promise<boolean> {
  const inflight = processSingleton("automation-contact-checks", () => new Map<string, Promise<boolean>>());
  const key = `${workspaceId}\n${contactId}`;
  let check = inflight.get(key);
  if (!check) {
    check = checkContact(deps, workspaceId, locationId, contactId)
      .then((answer) => answer.belongs)
      .finally(() => inflight.delete(key));
    inflight.set(key, check);
  }
  return check;
}

/** The job's workspace, location and CRM dependencies, with the contact confirmed as the location's. */
export async function contactTargetOrThrow(ctx: JobContext, contactId: string): Promise<ContactTarget> {
  const { workspaceId, locationId } = await workspaceLocationOrThrow(ctx);
  const deps = await ctx.crm();
  if (!(await checkContactOnce(deps, workspaceId, locationId, contactId))) throw new PermanentJobError(contactNotFoundMessage(contactId));
  return { deps, workspaceId, locationId, contactId };
}
