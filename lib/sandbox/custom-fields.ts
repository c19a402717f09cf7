/**
 * Location custom fields (`/locations/{id}/customFields`, crm-api.md §3.1). Keys are derived
 * from the name once (`contact.<snake_case>`) and are unique per location; renaming keeps the key.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxContacts, sandboxCustomFields, type SandboxCustomFieldRow } from "@/db/schema";
import { crmId } from "@/lib/sandbox/config";
import { crmErrors, parseBody } from "@/lib/sandbox/crm-errors";

export const CUSTOM_FIELD_DATA_TYPES = [
  "TEXT", "LARGE_TEXT", "NUMERICAL", "PHONE", "MONETORY", "CHECKBOX", "SINGLE_OPTIONS",
  "MULTIPLE_OPTIONS", "DATE", "TEXTBOX_LIST", "FILE_UPLOAD", "RADIO", "EMAIL",
] as const;

const CREATE_KEYS = ["name", "dataType", "placeholder", "position", "model", "options", "textBoxListOptions", "acceptedFormat", "isMultipleFile", "maxNumberOfFiles", "fieldKey"];
const UPDATE_KEYS = ["name", "placeholder", "position", "model", "options", "textBoxListOptions", "acceptedFormat", "isMultipleFile", "maxNumberOfFiles"];

const createSchema = z.object({
  name: z.string().trim().min(1),
  dataType: z.enum(CUSTOM_FIELD_DATA_TYPES),
  model: z.enum(["contact", "opportunity"]).optional(),
  fieldKey: z.string().trim().min(1).optional(),
});
const updateSchema = z.object({ name: z.string().trim().min(1) });

export function toCustomFieldDto(row: SandboxCustomFieldRow, position = 0) {
  return {
    id: row.id,
    name: row.name,
    fieldKey: row.fieldKey,
    placeholder: "",
    dataType: row.dataType,
    position,
    picklistOptions: [] as string[],
    model: row.model,
    locationId: row.locationId,
    dateAdded: row.createdAt.toISOString(),
  };
}

function keyOf(name: string): string {
  const snake = name
    .normalize("NFKD")
    .replace(/[^\w\s]/g, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "_");
  return `contact.${snake || "field"}`;
}

export async function listCustomFields(db: Db, locationId: string, model: string | null): Promise<SandboxCustomFieldRow[]> {
  const rows = await db
    .select()
    .from(sandboxCustomFields)
    .where(eq(sandboxCustomFields.locationId, locationId))
    .orderBy(asc(sandboxCustomFields.createdAt), asc(sandboxCustomFields.id));
  return model && model !== "all" ? rows.filter((r) => r.model === model) : rows;
}

export async function getCustomFieldOrThrow(db: Db, locationId: string, id: string): Promise<SandboxCustomFieldRow> {
  const [row] = await db
    .select()
    .from(sandboxCustomFields)
    .where(and(eq(sandboxCustomFields.locationId, locationId), eq(sandboxCustomFields.id, id)))
    .limit(1);
  if (!row) throw crmErrors.notFound("Custom field not found");
  return row;
}

export async function createCustomField(db: Db, locationId: string, body: unknown, now: Date = new Date()): Promise<SandboxCustomFieldRow> {
  const input = parseBody(createSchema, body, CREATE_KEYS);
  const model = input.model ?? "contact";
  const fieldKey = input.fieldKey ? (input.fieldKey.startsWith(`${model}.`) ? input.fieldKey : `${model}.${input.fieldKey}`) : keyOf(input.name).replace(/^contact\./, `${model}.`);
  const [row] = await db
    .insert(sandboxCustomFields)
    .values({ id: crmId(), locationId, name: input.name, fieldKey, dataType: input.dataType, model, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) throw crmErrors.badRequest(`A custom field with the key ${fieldKey} already exists`);
  return row;
}

export async function updateCustomField(db: Db, locationId: string, id: string, body: unknown): Promise<SandboxCustomFieldRow> {
  const input = parseBody(updateSchema, body, UPDATE_KEYS);
  await getCustomFieldOrThrow(db, locationId, id);
  const [row] = await db
    .update(sandboxCustomFields)
    .set({ name: input.name })
    .where(and(eq(sandboxCustomFields.locationId, locationId), eq(sandboxCustomFields.id, id)))
    .returning();
  if (!row) throw crmErrors.notFound("Custom field not found");
  return row;
}

/** Deletes the field and every contact's value for it. */
export async function deleteCustomField(db: Db, locationId: string, id: string): Promise<void> {
  await getCustomFieldOrThrow(db, locationId, id);
  await db.transaction(async (tx) => {
    await tx
      .update(sandboxContacts)
      .set({ customFields: sql`${sandboxContacts.customFields} - ${id}::text` })
      .where(and(eq(sandboxContacts.locationId, locationId), sql`${sandboxContacts.customFields} ? ${id}::text`));
    await tx.delete(sandboxCustomFields).where(and(eq(sandboxCustomFields.locationId, locationId), eq(sandboxCustomFields.id, id)));
  });
}
