/**
 * The CRM's contact calls the app makes (crm-api.md §3), each on the location's token through
 * `callCrm` (refresh on 401, pacing under 100 requests / 10 s, waits on 429). Tags are only ever
 * added with the add-tags endpoint: `tags` on upsert or update replaces every tag the contact has.
 */
import type { CallOptions } from "@/lib/crm/client";
import { callCrm } from "@/lib/crm/client";
import {
  createCustomFieldSchema,
  customFieldsSchema,
  getContactSchema,
  noteSchema,
  notesSchema,
  tagsSchema,
  updateContactSchema,
  upsertContactSchema,
  type CrmContact,
  type CrmCustomField,
  type CrmNote,
} from "@/lib/crm/schemas";
import type { CrmDeps } from "@/lib/crm/tokens";

export type { CrmContact, CrmCustomField, CrmNote };

/** One contact by id; `CrmError` kind `not_found` when the CRM does not know it. */
export async function getContact(deps: CrmDeps, locationId: string, contactId: string, options?: CallOptions): Promise<CrmContact> {
  const { contact } = await callCrm(deps, locationId, { method: "GET", path: `/contacts/${encodeURIComponent(contactId)}`, schema: getContactSchema }, options);
  return contact;
}

export type UpsertContactInput = {
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  companyName?: string | null;
  source?: string;
};

/**
 * Creates or updates the contact matching the email and/or phone (the location's duplicate
 * rules decide). Never sends `tags` (it would replace them all): add them after with `addContactTags`.
 */
export async function upsertContact(
  deps: CrmDeps,
  locationId: string,
  input: UpsertContactInput,
  options?: CallOptions,
): Promise<{ id: string; isNew: boolean }> {
  const json: Record<string, unknown> = { locationId };
  for (const [key, value] of Object.entries(input)) if (value !== null && value !== undefined && value !== "") json[key] = value;
  const answer = await callCrm(deps, locationId, { method: "POST", path: "/contacts/upsert", json, schema: upsertContactSchema }, options);
  return { id: answer.contact.id, isNew: answer.new ?? false };
}

/** Adds tags to a contact (never removes any); answers the contact's tags after. */
export async function addContactTags(deps: CrmDeps, locationId: string, contactId: string, tags: readonly string[], options?: CallOptions): Promise<string[]> {
  const answer = await callCrm(
    deps,
    locationId,
    { method: "POST", path: `/contacts/${encodeURIComponent(contactId)}/tags`, json: { tags: [...tags] }, schema: tagsSchema },
    options,
  );
  return answer.tags;
}

/** Adds a note to the contact's timeline; answers the note's id. */
export async function createContactNote(deps: CrmDeps, locationId: string, contactId: string, body: string, options?: CallOptions): Promise<string> {
  const answer = await callCrm(
    deps,
    locationId,
    { method: "POST", path: `/contacts/${encodeURIComponent(contactId)}/notes`, json: { body }, schema: noteSchema },
    options,
  );
  return answer.note.id;
}

/** The contact's timeline notes, newest first (used to tell whether a note whose answer was lost was stored). */
export async function listContactNotes(deps: CrmDeps, locationId: string, contactId: string, options?: CallOptions): Promise<CrmNote[]> {
  const answer = await callCrm(deps, locationId, { method: "GET", path: `/contacts/${encodeURIComponent(contactId)}/notes`, schema: notesSchema }, options);
  return answer.notes;
}

/** Sets custom field values by field id (`{id, field_value}`, crm-api.md §3; other fields untouched). */
export async function setContactCustomFields(
  deps: CrmDeps,
  locationId: string,
  contactId: string,
  values: readonly { id: string; value: string | number }[],
  options?: CallOptions,
): Promise<void> {
  await callCrm(
    deps,
    locationId,
    {
      method: "PUT",
      path: `/contacts/${encodeURIComponent(contactId)}`,
      json: { customFields: values.map((v) => ({ id: v.id, field_value: v.value })) },
      schema: updateContactSchema,
    },
    options,
  );
}

/** The location's contact custom fields. */
export async function listContactCustomFields(deps: CrmDeps, locationId: string, options?: CallOptions): Promise<CrmCustomField[]> {
  const answer = await callCrm(
    deps,
    locationId,
    { method: "GET", path: `/locations/${encodeURIComponent(locationId)}/customFields`, query: { model: "contact" }, schema: customFieldsSchema },
    options,
  );
  return answer.customFields;
}

/** Creates a contact custom field (`dataType` as the CRM names it: TEXT, NUMERICAL, DATE …). */
export async function createContactCustomField(
  deps: CrmDeps,
  locationId: string,
  field: { name: string; dataType: string },
  options?: CallOptions,
): Promise<CrmCustomField> {
  const answer = await callCrm(
    deps,
    locationId,
    { method: "POST", path: `/locations/${encodeURIComponent(locationId)}/customFields`, json: { ...field, model: "contact" }, schema: createCustomFieldSchema },
    options,
  );
  return answer.customField;
}
