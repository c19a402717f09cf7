/**
 * Reads behind the sandbox control API (`/sandbox/api/*`): the state the shell renders, the SSO
 * payload it hands the iframe, and contacts as the contacts page shows them.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sandboxCompanies, sandboxContacts, sandboxCustomFields, sandboxLocations, sandboxNotes, sandboxUsers } from "@/db/schema";
import type { Plan } from "@/lib/billing/plans";
import { encryptSsoPayload } from "@/lib/auth/sso-cipher";
import { AppError } from "@/lib/errors";
import { planOfPlanId } from "@/lib/sandbox/config";
import type { ContactsQuery, SsoPayloadQuery } from "@/lib/sandbox/schemas";

export type SandboxUserDto = { id: string; name: string; email: string; role: string; type: "agency" | "account" };
export type SandboxLocationDto = { id: string; name: string; installed: boolean; plan: Plan | null; users: SandboxUserDto[]; contactIds: string[] };
export type SandboxStateDto = { agency: { id: string; name: string }; locations: SandboxLocationDto[] };

const userTypeOf = (type: string): "agency" | "account" => (type === "agency" ? "agency" : "account");

async function sandboxCompanyOrThrow(db: Db) {
  const [company] = await db.select().from(sandboxCompanies).orderBy(asc(sandboxCompanies.createdAt), asc(sandboxCompanies.id)).limit(1);
  if (!company) throw new AppError("not_found", "The sandbox CRM has no data yet: it is seeded at start-up, or POST /sandbox/api/reset");
  return company;
}

/** `GET /sandbox/api/state`: locations in seed order; each lists its own users first, then the agency's. */
export async function getSandboxState(db: Db, planIds: Record<string, Plan>): Promise<SandboxStateDto> {
  const company = await sandboxCompanyOrThrow(db);
  const locations = await db.select().from(sandboxLocations).where(eq(sandboxLocations.companyId, company.id)).orderBy(asc(sandboxLocations.position), asc(sandboxLocations.id));
  const users = await db.select().from(sandboxUsers).where(eq(sandboxUsers.companyId, company.id)).orderBy(asc(sandboxUsers.position), asc(sandboxUsers.id));
  const contacts =
    locations.length === 0
      ? []
      : await db
          .select({ id: sandboxContacts.id, locationId: sandboxContacts.locationId })
          .from(sandboxContacts)
          .where(inArray(sandboxContacts.locationId, locations.map((l) => l.id)))
          .orderBy(desc(sandboxContacts.dateAdded), asc(sandboxContacts.id));
  const toUser = (u: (typeof users)[number]): SandboxUserDto => ({ id: u.id, name: u.name, email: u.email, role: u.role, type: userTypeOf(u.type) });
  return {
    agency: { id: company.id, name: company.name },
    locations: locations.map((l) => ({
      id: l.id,
      name: l.name,
      installed: l.isAppInstalled,
      plan: l.isAppInstalled ? planOfPlanId(planIds, l.planId) : null,
      users: [
        ...users.filter((u) => u.type !== "agency" && u.locationIds.includes(l.id)),
        ...users.filter((u) => u.type === "agency"),
      ].map(toUser),
      contactIds: contacts.filter((c) => c.locationId === l.id).map((c) => c.id),
    })),
  };
}

/**
 * `GET /sandbox/api/sso-payload`: what the CRM hands the iframe — the user (crm-api.md §2.4),
 * with `activeLocation` only in a location's context — encrypted with the SSO key.
 */
export async function buildSsoPayload(db: Db, ssoKey: string, query: SsoPayloadQuery): Promise<{ payload: string }> {
  const [user] = await db.select().from(sandboxUsers).where(eq(sandboxUsers.id, query.userId)).limit(1);
  if (!user) throw new AppError("not_found", `The sandbox has no user ${query.userId}`);
  const isAgencyUser = user.type === "agency";
  if (query.locationId) {
    const [location] = await db.select().from(sandboxLocations).where(eq(sandboxLocations.id, query.locationId)).limit(1);
    if (!location) throw new AppError("not_found", `The sandbox has no location ${query.locationId}`);
    const canOpen = location.companyId === user.companyId && (isAgencyUser || user.locationIds.includes(location.id));
    if (!canOpen) throw new AppError("forbidden", `${user.name} cannot open ${location.name}`);
  } else if (!isAgencyUser) {
    throw new AppError("forbidden", `${user.name} is a location user: only agency users have the agency view`);
  }
  const plaintext = {
    userId: user.id,
    companyId: user.companyId,
    role: user.role,
    type: isAgencyUser ? "agency" : "location",
    userName: user.name,
    email: user.email,
    ...(query.locationId ? { activeLocation: query.locationId } : {}),
  };
  return { payload: encryptSsoPayload(JSON.stringify(plaintext), ssoKey) };
}

export type SandboxContactViewDto = {
  id: string;
  locationId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  tags: string[];
  customFields: { id: string; key: string; name: string; value: unknown }[];
  notes: { id: string; body: string; dateAdded: string }[];
};

/** `GET /sandbox/api/contacts/{id}`: the contact with its custom field values (named) and notes, newest first. */
export async function getSandboxContactView(db: Db, contactId: string): Promise<SandboxContactViewDto> {
  const [contact] = await db.select().from(sandboxContacts).where(eq(sandboxContacts.id, contactId)).limit(1);
  if (!contact) throw new AppError("not_found", `The sandbox has no contact ${contactId}`);
  const fields = await db.select().from(sandboxCustomFields).where(eq(sandboxCustomFields.locationId, contact.locationId)).orderBy(asc(sandboxCustomFields.createdAt));
  const notes = await db.select().from(sandboxNotes).where(eq(sandboxNotes.contactId, contact.id)).orderBy(desc(sandboxNotes.dateAdded), desc(sandboxNotes.id));
  return {
    id: contact.id,
    locationId: contact.locationId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    tags: contact.tags,
    customFields: fields
      .filter((f) => f.id in contact.customFields)
      .map((f) => ({ id: f.id, key: f.fieldKey, name: f.name, value: contact.customFields[f.id] })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, dateAdded: n.dateAdded.toISOString() })),
  };
}

export type SandboxContactListDto = {
  contacts: { id: string; firstName: string | null; lastName: string | null; email: string | null; phone: string | null; tags: string[] }[];
  total: number;
};

export const CONTACT_LIST_LIMIT = 100;

const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `GET /sandbox/api/contacts?locationId=&q=`: name, email or phone contains `q` (any case), newest first. */
export async function listSandboxContacts(db: Db, query: ContactsQuery): Promise<SandboxContactListDto> {
  const [location] = await db.select({ id: sandboxLocations.id }).from(sandboxLocations).where(eq(sandboxLocations.id, query.locationId)).limit(1);
  if (!location) throw new AppError("not_found", `The sandbox has no location ${query.locationId}`);
  const conditions: SQL[] = [eq(sandboxContacts.locationId, query.locationId)];
  const q = query.q?.trim() ?? "";
  if (q !== "") {
    const pattern = likeEscaped(q);
    const digits = q.replace(/\D/g, "");
    const search = or(
      ilike(sandboxContacts.firstName, pattern),
      ilike(sandboxContacts.lastName, pattern),
      ilike(sql`coalesce(${sandboxContacts.firstName}, '') || ' ' || coalesce(${sandboxContacts.lastName}, '')`, pattern),
      ilike(sandboxContacts.email, pattern),
      ilike(sandboxContacts.phone, pattern),
      ...(digits.length >= 3 ? [ilike(sandboxContacts.phone, likeEscaped(digits))] : []),
    );
    if (search) conditions.push(search);
  }
  const where = and(...conditions);
  const rows = await db
    .select({ id: sandboxContacts.id, firstName: sandboxContacts.firstName, lastName: sandboxContacts.lastName, email: sandboxContacts.email, phone: sandboxContacts.phone, tags: sandboxContacts.tags })
    .from(sandboxContacts)
    .where(where)
    .orderBy(desc(sandboxContacts.dateAdded), asc(sandboxContacts.id))
    .limit(CONTACT_LIST_LIMIT);
  const [total] = await db.select({ n: count() }).from(sandboxContacts).where(where);
  return { contacts: rows, total: total?.n ?? 0 };
}
