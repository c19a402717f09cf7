/**
 * The lead-capture form: which fields a link asks for, and the one schema that checks a
 * submission (the page renders the same field list and shows these messages).
 */
import { z } from "zod";
import type { LeadCapture, LeadField } from "@/db/schema/links";

/** Display order, whatever order the link lists them in. */
export const LEAD_FIELDS = ["name", "email", "phone", "company", "message"] as const satisfies readonly LeadField[];
export const DEFAULT_LEAD_FIELDS: readonly LeadField[] = ["name", "email"];
export const DEFAULT_LEAD_HEADLINE = "Tell us a little about yourself";

/** Company and message are extras; the contact details are what the form is for. */
const OPTIONAL_FIELDS: ReadonlySet<LeadField> = new Set<LeadField>(["company", "message"]);

export type LeadValues = Partial<Record<LeadField, string>>;
export type LeadErrors = Partial<Record<LeadField, string>>;

const FIELD_SCHEMAS: Record<LeadField, z.ZodType<string>> = {
  name: z.string().trim().min(1, "Enter your name").max(200, "Use at most 200 characters"),
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Use at most 254 characters")
    .pipe(z.email("Enter a valid email address, like name@example.com")),
  phone: z
    .string()
    .trim()
    .min(1, "Enter your phone number")
    .regex(/^\+?[0-9 ().-]{6,30}$/, "Enter a valid phone number, like +1 555 010 2030")
    .refine((v) => v.replace(/\D/g, "").length >= 6, "Enter a valid phone number, like +1 555 010 2030"),
  company: z.string().trim().max(200, "Use at most 200 characters"),
  message: z.string().trim().max(2000, "Use at most 2,000 characters"),
};

/** The link's fields in display order, known keys only; the default pair when none are set. */
export function leadFieldsOf(capture: LeadCapture | null): LeadField[] {
  const configured = new Set(capture?.fields ?? []);
  const fields = LEAD_FIELDS.filter((f) => configured.has(f));
  return fields.length > 0 ? fields : [...DEFAULT_LEAD_FIELDS];
}

/** Whether a field must be filled in. A form of extras only still needs its first field. */
export function isLeadFieldRequired(field: LeadField, fields: readonly LeadField[]): boolean {
  if (!OPTIONAL_FIELDS.has(field)) return true;
  return fields.every((f) => OPTIONAL_FIELDS.has(f)) && fields[0] === field;
}

export type LeadSubmission =
  | { ok: true; values: LeadValues }
  | { ok: false; values: LeadValues; errors: LeadErrors };

/** Checks a posted form against the link's fields. `values` are what the visitor typed (trimmed), for re-display. */
export function parseLeadForm(form: URLSearchParams, fields: readonly LeadField[]): LeadSubmission {
  const values: LeadValues = {};
  const errors: LeadErrors = {};
  for (const field of fields) {
    const raw = (form.get(field) ?? "").slice(0, 5000);
    values[field] = raw.trim();
    if (raw.trim() === "" && !isLeadFieldRequired(field, fields)) continue;
    const parsed = FIELD_SCHEMAS[field].safeParse(raw);
    if (parsed.success) values[field] = parsed.data;
    else errors[field] = parsed.error.issues[0]?.message ?? "Check this field";
  }
  return Object.keys(errors).length > 0 ? { ok: false, values, errors } : { ok: true, values };
}
