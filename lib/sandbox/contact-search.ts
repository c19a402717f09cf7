/**
 * `POST /contacts/search` (crm-api.md §3): `{locationId, pageLimit, page | searchAfter, query,
 * filters, sort}` with the operators HighLevel documents (`eq, not_eq, contains, not_contains,
 * exists, not_exists, range`) and nested AND/OR groups. A sandbox location holds at most a few
 * thousand contacts, so filtering happens in memory over the location's rows.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxContacts, type SandboxContactRow } from "@/db/schema";
import { assertBodyLocation, toContactDto } from "@/lib/sandbox/contacts";
import { crmErrors, parseBody } from "@/lib/sandbox/crm-errors";

const OPERATORS = ["eq", "not_eq", "contains", "not_contains", "exists", "not_exists", "range"] as const;
/** `page` × `pageLimit` reaches at most this many records; beyond it HighLevel wants `searchAfter`. */
export const MAX_PAGED_RECORDS = 10_000;

type LeafFilter = { field: string; operator: (typeof OPERATORS)[number]; value?: unknown };
type GroupFilter = { group: "AND" | "OR"; filters: Filter[] };
type Filter = LeafFilter | GroupFilter;

const leafSchema = z.object({ field: z.string().min(1), operator: z.enum(OPERATORS), value: z.unknown().optional() });
const filterSchema: z.ZodType<Filter> = z.lazy(() => z.union([leafSchema, z.object({ group: z.enum(["AND", "OR"]), filters: z.array(filterSchema) })]));
const SORT_FIELDS = ["dateAdded", "dateUpdated", "firstName", "lastName", "firstNameLowerCase", "lastNameLowerCase", "fullNameLowerCase", "email", "phone"] as const;

const searchSchema = z.object({
  locationId: z.string().min(1),
  pageLimit: z.number().int().min(1).max(500),
  page: z.number().int().min(1).optional(),
  searchAfter: z.array(z.union([z.string(), z.number()])).optional(),
  query: z.string().optional(),
  filters: z.array(filterSchema).optional(),
  sort: z.array(z.object({ field: z.enum(SORT_FIELDS), direction: z.enum(["asc", "desc"]) })).max(2).optional(),
});

function fieldValue(c: SandboxContactRow, field: string): unknown {
  const full = [c.firstName, c.lastName].filter(Boolean).join(" ");
  switch (field) {
    case "id": return c.id;
    case "email": return c.email;
    case "phone": return c.phone;
    case "firstName": return c.firstName;
    case "lastName": return c.lastName;
    case "firstNameLowerCase": return c.firstName?.toLowerCase() ?? null;
    case "lastNameLowerCase": return c.lastName?.toLowerCase() ?? null;
    case "fullNameLowerCase": return full.toLowerCase() || null;
    case "source": return c.source;
    case "tags": return c.tags;
    case "dateAdded": return c.dateAdded.getTime();
    case "dateUpdated": return c.dateUpdated.getTime();
  }
  if (field.startsWith("customFields.")) return c.customFields[field.slice("customFields.".length)] ?? null;
  throw crmErrors.unprocessable([`filters field ${field} is not supported`]);
}

const lower = (v: unknown): string => (typeof v === "string" ? v.toLowerCase() : String(v));
const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
const asNumber = (v: unknown): number => (typeof v === "number" ? v : typeof v === "string" ? Date.parse(v) || Number(v) : NaN);

function equals(actual: unknown, expected: unknown): boolean {
  const wanted = Array.isArray(expected) ? expected : [expected];
  const values = Array.isArray(actual) ? actual : [actual];
  return values.some((a) => wanted.some((w) => !isEmpty(a) && lower(a) === lower(w)));
}

function contains(actual: unknown, expected: unknown): boolean {
  const values = Array.isArray(actual) ? actual : [actual];
  return values.some((a) => !isEmpty(a) && lower(a).includes(lower(expected)));
}

function inRange(actual: unknown, range: unknown): boolean {
  const r = z.object({ gt: z.unknown(), gte: z.unknown(), lt: z.unknown(), lte: z.unknown() }).partial().safeParse(range);
  if (!r.success || isEmpty(actual)) return false;
  const n = asNumber(actual);
  const { gt, gte, lt, lte } = r.data;
  return (gt === undefined || n > asNumber(gt)) && (gte === undefined || n >= asNumber(gte)) && (lt === undefined || n < asNumber(lt)) && (lte === undefined || n <= asNumber(lte));
}

function matches(c: SandboxContactRow, filter: Filter): boolean {
  if ("group" in filter) return filter.group === "AND" ? filter.filters.every((f) => matches(c, f)) : filter.filters.some((f) => matches(c, f));
  const actual = fieldValue(c, filter.field);
  switch (filter.operator) {
    case "eq": return equals(actual, filter.value);
    case "not_eq": return !equals(actual, filter.value);
    case "contains": return contains(actual, filter.value);
    case "not_contains": return !contains(actual, filter.value);
    case "exists": return !isEmpty(actual);
    case "not_exists": return isEmpty(actual);
    case "range": return inRange(actual, filter.value);
  }
}

function matchesQuery(c: SandboxContactRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  const digits = q.replace(/\D/g, "");
  const haystack = [c.firstName, c.lastName, [c.firstName, c.lastName].filter(Boolean).join(" "), c.email].map((v) => (v ?? "").toLowerCase());
  return haystack.some((v) => v.includes(q)) || (digits.length >= 3 && (c.phone ?? "").includes(digits));
}

function compare(a: SandboxContactRow, b: SandboxContactRow, sort: { field: string; direction: "asc" | "desc" }[]): number {
  for (const { field, direction } of sort) {
    const x = fieldValue(a, field);
    const y = fieldValue(b, field);
    const order = typeof x === "number" && typeof y === "number" ? x - y : lower(x ?? "").localeCompare(lower(y ?? ""));
    if (order !== 0) return direction === "asc" ? order : -order;
  }
  return a.id.localeCompare(b.id);
}

export async function searchContacts(db: Db, tokenLocationId: string, body: unknown) {
  const input = parseBody(searchSchema, body, ["locationId", "pageLimit", "page", "searchAfter", "query", "filters", "sort"]);
  assertBodyLocation(tokenLocationId, input.locationId);
  const page = input.page ?? 1;
  if (!input.searchAfter && page * input.pageLimit > MAX_PAGED_RECORDS) {
    throw crmErrors.unprocessable([`page and pageLimit reach at most ${MAX_PAGED_RECORDS} records; use searchAfter to go further`]);
  }
  const sort = input.sort && input.sort.length > 0 ? input.sort : [{ field: "dateAdded", direction: "desc" as const }];
  const rows = await db.select().from(sandboxContacts).where(eq(sandboxContacts.locationId, input.locationId));
  const found = rows
    .filter((c) => matchesQuery(c, input.query ?? "") && (input.filters ?? []).every((f) => matches(c, f)))
    .sort((a, b) => compare(a, b, sort));

  let start = (page - 1) * input.pageLimit;
  const afterId = input.searchAfter?.at(-1);
  if (afterId !== undefined) start = found.findIndex((c) => c.id === String(afterId)) + 1;
  const pageRows = found.slice(start, start + input.pageLimit);
  const contacts = pageRows.map((c) => ({ ...toContactDto(c), searchAfter: [c.dateAdded.getTime(), c.id] }));
  // HighLevel's own documents name the total `total` (search schema) and `count` (list schema): both are sent.
  return { contacts, total: found.length, count: found.length };
}
