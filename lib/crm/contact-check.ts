/**
 * Whether a contact id belongs to a workspace's CRM location, asked of the CRM once and then
 * answered from `crm_contacts` (which also keeps the contact's name and email for analytics).
 * A contact id from a URL (`?c=`) or an API call is never acted on before this says yes.
 */
import { and, eq } from "drizzle-orm";
import { crmContacts } from "@/db/schema";
import { getContact, type CrmContact } from "@/lib/crm/contacts";
import { CrmError } from "@/lib/crm/errors";
import type { CrmDeps } from "@/lib/crm/tokens";

export type ContactCheck = { belongs: boolean; name: string | null; email: string | null };

export function displayNameOf(contact: Pick<CrmContact, "name" | "firstName" | "lastName">): string | null {
  const joined = [contact.firstName, contact.lastName].filter((p) => p && p.trim() !== "").join(" ").trim();
  return contact.name?.trim() || joined || null;
}

/**
 * Answers from the cache when the contact was checked before; otherwise asks the CRM and stores
 * the answer (a contact the CRM does not know, or of another location, does not belong). CRM
 * failures other than "not found" / "forbidden" are thrown (`CrmError`, with `retryable`), and nothing is cached.
 */
export async function checkContact(deps: CrmDeps, workspaceId: string, locationId: string, contactId: string, now = new Date()): Promise<ContactCheck> {
  const [cached] = await deps.db
    .select({ belongs: crmContacts.belongsToLocation, name: crmContacts.name, email: crmContacts.email, erasedAt: crmContacts.erasedAt })
    .from(crmContacts)
    .where(and(eq(crmContacts.workspaceId, workspaceId), eq(crmContacts.contactId, contactId)));
  if (cached?.erasedAt) return { belongs: false, name: null, email: null };
  if (cached && cached.belongs !== null) return { belongs: cached.belongs, name: cached.name, email: cached.email };

  let answer: ContactCheck;
  try {
    const contact = await getContact(deps, locationId, contactId);
    answer = contact.locationId === locationId ? { belongs: true, name: displayNameOf(contact), email: contact.email ?? null } : { belongs: false, name: null, email: null };
  } catch (err) {
    // The CRM answers 403 for a contact of another location (the token has no access to it).
    if (!(err instanceof CrmError) || (err.kind !== "not_found" && err.kind !== "forbidden")) throw err;
    answer = { belongs: false, name: null, email: null };
  }
  await deps.db
    .insert(crmContacts)
    .values({ workspaceId, contactId, belongsToLocation: answer.belongs, name: answer.name, email: answer.email, verifiedAt: now })
    .onConflictDoUpdate({
      target: [crmContacts.workspaceId, crmContacts.contactId],
      set: { belongsToLocation: answer.belongs, name: answer.name, email: answer.email, verifiedAt: now },
    });
  return answer;
}
