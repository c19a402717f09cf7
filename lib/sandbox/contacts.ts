/**
 * Contacts API v2 on sandbox tables (crm-api.md §3): get, create, upsert (match on email, then
 * phone), update (unknown properties refused), delete, tags, notes, search and duplicate lookup.
 * `tags` on create/upsert/update replaces every tag; tags are stored trimmed and lower-case, as
 * HighLevel does. Custom field values are written as `[{id|key, field_value|fieldValue}]` and
 * read as `[{id, value}]`.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxContacts, sandboxCustomFields, sandboxNotes, type SandboxContactRow, type SandboxCustomFieldRow, type SandboxNoteRow } from "@/db/schema";
import { crmId } from "@/lib/sandbox/config";
import { crmErrors, parseBody } from "@/lib/sandbox/crm-errors";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** E.164 from what people type: "+44 20 7946 0000" keeps its country; ten digits are taken as US/Canada. */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return null;
  if (trimmed.startsWith("+")) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  return `+${digits}`;
}

export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const t = tag.trim().toLowerCase();
    if (t !== "" && !out.includes(t)) out.push(t);
  }
  return out;
}

const WRITE_KEYS = [
  "firstName", "lastName", "name", "email", "phone", "address1", "city", "state", "postalCode", "website",
  "timezone", "dnd", "dndSettings", "inboundDndSettings", "tags", "customFields", "source", "country", "assignedTo", "dateOfBirth",
] as const;
const UPDATE_KEYS: readonly string[] = WRITE_KEYS;
const CREATE_KEYS: readonly string[] = [...WRITE_KEYS, "locationId", "gender", "companyName"];
const UPSERT_KEYS: readonly string[] = [...CREATE_KEYS, "createNewIfDuplicateAllowed"];

const optionalText = z.string().nullish();
const customFieldInputSchema = z
  .object({ id: z.string().optional(), key: z.string().optional(), field_value: z.unknown().optional(), fieldValue: z.unknown().optional(), value: z.unknown().optional() })
  .refine((f) => Boolean(f.id || f.key), "each value in customFields must have an id or a key");
const writeSchema = z.object({
  firstName: optionalText,
  lastName: optionalText,
  name: optionalText,
  email: optionalText.refine((v) => !v || v.trim() === "" || EMAIL_PATTERN.test(v.trim()), "email must be an email"),
  phone: optionalText.refine((v) => !v || v.trim() === "" || normalizePhone(v) !== null, "phone must be a valid phone number"),
  tags: z.array(z.string()).optional(),
  customFields: z.array(customFieldInputSchema).optional(),
  source: optionalText,
});
const locatedWriteSchema = writeSchema.extend({ locationId: z.string().min(1) });

type ContactWrite = z.output<typeof writeSchema>;
type ContactPatch = Partial<Pick<SandboxContactRow, "firstName" | "lastName" | "email" | "phone" | "tags" | "customFields" | "source">>;

const blankToNull = (v: string | null | undefined): string | null | undefined => (v === undefined ? undefined : v === null || v.trim() === "" ? null : v.trim());

function normalizedEmail(w: ContactWrite): string | null | undefined {
  const v = blankToNull(w.email);
  return v ? v.toLowerCase() : v;
}

function normalizedPhone(w: ContactWrite): string | null | undefined {
  const v = blankToNull(w.phone);
  return v ? normalizePhone(v) : v;
}

/** The columns a write changes; absent properties keep their value. */
async function patchOf(db: Db, locationId: string, w: ContactWrite, current: Record<string, unknown>): Promise<ContactPatch> {
  const patch: ContactPatch = {};
  if (w.firstName !== undefined) patch.firstName = blankToNull(w.firstName);
  if (w.lastName !== undefined) patch.lastName = blankToNull(w.lastName);
  const name = blankToNull(w.name);
  if (name && w.firstName === undefined && w.lastName === undefined) {
    const [first, ...rest] = name.split(/\s+/);
    patch.firstName = first ?? null;
    patch.lastName = rest.length > 0 ? rest.join(" ") : null;
  }
  const email = normalizedEmail(w);
  if (email !== undefined) patch.email = email;
  const phone = normalizedPhone(w);
  if (phone !== undefined) patch.phone = phone;
  if (w.tags !== undefined) patch.tags = normalizeTags(w.tags);
  if (w.source !== undefined) patch.source = blankToNull(w.source);
  if (w.customFields && w.customFields.length > 0) {
    const fields = await db.select().from(sandboxCustomFields).where(eq(sandboxCustomFields.locationId, locationId));
    const values = { ...current };
    for (const input of w.customFields) {
      const field = resolveField(fields, input);
      if (!field) continue; // HighLevel ignores values for fields it does not know
      const value = input.field_value ?? input.fieldValue ?? input.value;
      if (value === null || value === undefined || value === "") delete values[field.id];
      else values[field.id] = value;
    }
    patch.customFields = values;
  }
  return patch;
}

function resolveField(fields: SandboxCustomFieldRow[], input: { id?: string; key?: string }): SandboxCustomFieldRow | undefined {
  if (input.id) return fields.find((f) => f.id === input.id);
  const key = input.key ?? "";
  return fields.find((f) => f.fieldKey === key || f.fieldKey === `contact.${key}`);
}

export function toContactDto(row: SandboxContactRow) {
  const fullName = [row.firstName, row.lastName].filter((v): v is string => Boolean(v)).join(" ");
  return {
    id: row.id,
    locationId: row.locationId,
    ...(fullName ? { contactName: fullName, name: fullName, fullNameLowerCase: fullName.toLowerCase() } : {}),
    ...(row.firstName ? { firstName: row.firstName, firstNameLowerCase: row.firstName.toLowerCase() } : {}),
    ...(row.lastName ? { lastName: row.lastName, lastNameLowerCase: row.lastName.toLowerCase() } : {}),
    ...(row.email ? { email: row.email, emailLowerCase: row.email.toLowerCase() } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.source ? { source: row.source } : {}),
    type: "lead",
    dnd: false,
    tags: row.tags,
    customFields: Object.entries(row.customFields).map(([id, value]) => ({ id, value })),
    dateAdded: row.dateAdded.toISOString(),
    dateUpdated: row.dateUpdated.toISOString(),
  };
}

/** The contact, refused with 404 when unknown and 403 when it belongs to another location. */
export async function getContactOrThrow(db: Db, locationId: string, contactId: string): Promise<SandboxContactRow> {
  const [row] = await db.select().from(sandboxContacts).where(eq(sandboxContacts.id, contactId)).limit(1);
  if (!row) throw crmErrors.notFound("Contact not found");
  if (row.locationId !== locationId) throw crmErrors.noAccessToLocation();
  return row;
}

async function findByEmail(db: Db, locationId: string, email: string): Promise<SandboxContactRow | null> {
  const [row] = await db
    .select()
    .from(sandboxContacts)
    .where(and(eq(sandboxContacts.locationId, locationId), sql`lower(${sandboxContacts.email}) = ${email.toLowerCase()}`))
    .orderBy(asc(sandboxContacts.dateAdded))
    .limit(1);
  return row ?? null;
}

async function findByPhone(db: Db, locationId: string, phone: string): Promise<SandboxContactRow | null> {
  const [row] = await db
    .select()
    .from(sandboxContacts)
    .where(and(eq(sandboxContacts.locationId, locationId), eq(sandboxContacts.phone, phone)))
    .orderBy(asc(sandboxContacts.dateAdded))
    .limit(1);
  return row ?? null;
}

/** Duplicate matching as the location's "Allow Duplicate Contact" setting does it: email first, then phone. */
export async function findDuplicate(db: Db, locationId: string, email: string | null | undefined, phone: string | null | undefined): Promise<{ row: SandboxContactRow; field: "email" | "phone" } | null> {
  if (email) {
    const row = await findByEmail(db, locationId, email);
    if (row) return { row, field: "email" };
  }
  const normalized = phone ? normalizePhone(phone) : null;
  if (normalized) {
    const row = await findByPhone(db, locationId, normalized);
    if (row) return { row, field: "phone" };
  }
  return null;
}

/** Checks the body's `locationId` against the token's location (403 for another one). */
export function assertBodyLocation(tokenLocationId: string, bodyLocationId: string): void {
  if (bodyLocationId !== tokenLocationId) throw crmErrors.noAccessToLocation();
}

async function insertContact(db: Db, locationId: string, patch: ContactPatch, now: Date): Promise<SandboxContactRow> {
  const [row] = await db
    .insert(sandboxContacts)
    .values({ id: crmId(), locationId, ...patch, tags: patch.tags ?? [], customFields: patch.customFields ?? {}, dateAdded: now, dateUpdated: now })
    .returning();
  if (!row) throw new Error("contact insert returned nothing");
  return row;
}

async function updateRow(db: Db, row: SandboxContactRow, patch: ContactPatch, now: Date): Promise<SandboxContactRow> {
  const [updated] = await db
    .update(sandboxContacts)
    .set({ ...patch, dateUpdated: now })
    .where(eq(sandboxContacts.id, row.id))
    .returning();
  return updated ?? row;
}

/**
 * Runs a matching write (create, upsert) alone among the location's matching writes, in every
 * process: two concurrent upserts of one new email make one contact, as in HighLevel.
 */
async function withContactLock<T>(db: Db, locationId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sandbox-contacts:${locationId}`}))`);
    return fn(tx);
  });
}

/** `POST /contacts/`: refused with 400 when the location already has the email or phone (duplicates not allowed). */
export async function createContact(db: Db, tokenLocationId: string, body: unknown, now: Date = new Date()): Promise<SandboxContactRow> {
  const input = parseBody(locatedWriteSchema, body, CREATE_KEYS);
  assertBodyLocation(tokenLocationId, input.locationId);
  return withContactLock(db, input.locationId, (tx) => createUnlocked(tx, input, now));
}

async function createUnlocked(db: Db, input: z.output<typeof locatedWriteSchema>, now: Date): Promise<SandboxContactRow> {
  const duplicate = await findDuplicate(db, input.locationId, normalizedEmail(input), normalizedPhone(input));
  if (duplicate) {
    const name = [duplicate.row.firstName, duplicate.row.lastName].filter(Boolean).join(" ");
    throw crmErrors.badRequest("This location does not allow duplicated contacts.", {
      meta: { contactName: name, contactId: duplicate.row.id, matchingField: duplicate.field },
    });
  }
  return insertContact(db, input.locationId, await patchOf(db, input.locationId, input, {}), now);
}

/**
 * `POST /contacts/upsert`: matches on email, then phone. When the email and the phone match two
 * different contacts, the email's contact is updated and the phone is dropped (as HighLevel does).
 */
export async function upsertContact(db: Db, tokenLocationId: string, body: unknown, now: Date = new Date()): Promise<{ isNew: boolean; row: SandboxContactRow }> {
  const input = parseBody(locatedWriteSchema, body, UPSERT_KEYS);
  assertBodyLocation(tokenLocationId, input.locationId);
  const email = normalizedEmail(input);
  const phone = normalizedPhone(input);
  if (!email && !phone) throw crmErrors.unprocessable(["email or phone must be provided"]);
  return withContactLock(db, input.locationId, (tx) => upsertUnlocked(tx, input, email, phone, now));
}

async function upsertUnlocked(
  db: Db,
  input: z.output<typeof locatedWriteSchema>,
  email: string | null | undefined,
  phone: string | null | undefined,
  now: Date,
): Promise<{ isNew: boolean; row: SandboxContactRow }> {
  const byEmail = email ? await findByEmail(db, input.locationId, email) : null;
  const byPhone = phone ? await findByPhone(db, input.locationId, phone) : null;
  const target = byEmail ?? byPhone;
  if (!target) return { isNew: true, row: await insertContact(db, input.locationId, await patchOf(db, input.locationId, input, {}), now) };
  const write = byEmail && byPhone && byPhone.id !== byEmail.id ? { ...input, phone: undefined } : input;
  const patch = await patchOf(db, input.locationId, write, target.customFields);
  return { isNew: false, row: await updateRow(db, target, patch, now) };
}

/** `PUT /contacts/{id}`. */
export async function updateContact(db: Db, row: SandboxContactRow, body: unknown, now: Date = new Date()): Promise<SandboxContactRow> {
  const input = parseBody(writeSchema, body, UPDATE_KEYS);
  return updateRow(db, row, await patchOf(db, row.locationId, input, row.customFields), now);
}

export async function deleteContact(db: Db, row: SandboxContactRow): Promise<void> {
  await db.delete(sandboxContacts).where(eq(sandboxContacts.id, row.id));
}

const tagsBodySchema = z.object({ tags: z.array(z.string()).min(1) });

/** `POST /contacts/{id}/tags`: adds to the existing tags; answers every tag the contact now has. */
export async function addTags(db: Db, row: SandboxContactRow, body: unknown, now: Date = new Date()): Promise<string[]> {
  const { tags } = parseBody(tagsBodySchema, body, ["tags"]);
  const next = normalizeTags([...row.tags, ...tags]);
  return (await updateRow(db, row, { tags: next }, now)).tags;
}

/** `DELETE /contacts/{id}/tags`. */
export async function removeTags(db: Db, row: SandboxContactRow, body: unknown, now: Date = new Date()): Promise<string[]> {
  const { tags } = parseBody(tagsBodySchema, body, ["tags"]);
  const removed = normalizeTags(tags);
  return (await updateRow(db, row, { tags: row.tags.filter((t) => !removed.includes(t.toLowerCase())) }, now)).tags;
}

export function toNoteDto(note: SandboxNoteRow) {
  return { id: note.id, body: note.body, userId: note.userId ?? "", dateAdded: note.dateAdded.toISOString(), contactId: note.contactId };
}

/** A contact's notes, newest first. */
export async function listNotes(db: Db, contactId: string): Promise<SandboxNoteRow[]> {
  return db.select().from(sandboxNotes).where(eq(sandboxNotes.contactId, contactId)).orderBy(desc(sandboxNotes.dateAdded), desc(sandboxNotes.id));
}

const noteBodySchema = z.object({ body: z.string().trim().min(1), userId: z.string().optional() });

export async function createNote(db: Db, row: SandboxContactRow, body: unknown, now: Date = new Date()): Promise<SandboxNoteRow> {
  const input = parseBody(noteBodySchema, body, ["body", "userId", "title", "color", "pinned"]);
  const [note] = await db.insert(sandboxNotes).values({ id: crmId(), contactId: row.id, body: input.body, userId: input.userId ?? null, dateAdded: now }).returning();
  if (!note) throw new Error("note insert returned nothing");
  return note;
}

const duplicateQuerySchema = z.object({ locationId: z.string().min(1), email: z.string().optional(), number: z.string().optional() });

/** `GET /contacts/search/duplicate?locationId=&email=&number=`. */
export async function lookupDuplicate(db: Db, tokenLocationId: string, query: Record<string, string>): Promise<SandboxContactRow | null> {
  const input = parseBody(duplicateQuerySchema, query);
  assertBodyLocation(tokenLocationId, input.locationId);
  return (await findDuplicate(db, input.locationId, input.email?.trim().toLowerCase(), input.number))?.row ?? null;
}

