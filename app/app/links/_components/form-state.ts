/**
 * The link form's state: strings while typing (a weight "" is allowed mid-edit), turned into the
 * shared schema's input on submit so the form, the server action and the REST API validate alike.
 * Field errors are keyed by zod paths (`rules.ab.0.weight`); rows are sent in the order shown and
 * never filtered, so an error's index is the row's index.
 */
import {
  DEFAULT_LEAD_FIELDS,
  UTM_KEYS,
  type CreateLinkInput,
  type DeviceKeyValue,
  type LeadFieldValue,
  type LinkDto,
  type UpdateLinkInput,
  type UtmKey,
} from "@/lib/links/schemas";

export type CountryRow = { key: string; countries: string[]; url: string };
export type DeviceRow = { key: string; devices: DeviceKeyValue[]; url: string };
export type AbRow = { key: string; url: string; weight: string };

/** Create: "none" | "set". Edit of a protected link: "keep" | "set" (change) | "remove". */
export type PasswordMode = "none" | "keep" | "set" | "remove";

export type Automation = { tagOnClick: boolean; syncContact: boolean; addNote: boolean };

export type LinkFormState = {
  url: string;
  domain: string;
  slug: string;
  title: string;
  utm: Record<UtmKey, string>;
  country: CountryRow[];
  device: DeviceRow[];
  ab: AbRow[];
  passwordMode: PasswordMode;
  password: string;
  hasExpiry: boolean;
  /** `<input type="datetime-local">` value, in the browser's time zone. */
  expiresAt: string;
  expiredUrl: string;
  hasClickLimit: boolean;
  clickLimit: string;
  limitUrl: string;
  lead: { enabled: boolean; headline: string; fields: LeadFieldValue[] };
  crm: Automation;
  tags: string[];
  campaignId: string;
  preview: { title: string; description: string; image: string };
};

export type FieldErrors = Record<string, string[]>;

let counter = 0;
/** A key for a row added in the browser (never used during server rendering). */
export const rowKey = () => `r${Date.now().toString(36)}${(counter++).toString(36)}`;

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO → `YYYY-MM-DDTHH:mm` in the browser's zone (what datetime-local shows). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** datetime-local (browser zone) → ISO 8601 UTC; unparseable text is passed on for the schema to refuse. */
export function fromLocalInput(value: string): string {
  if (!value) return "";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const emptyUtm = (): Record<UtmKey, string> => ({ source: "", medium: "", campaign: "", term: "", content: "" });

export function emptyForm(defaults: { domain: string; crm: Automation }): LinkFormState {
  return {
    url: "",
    domain: defaults.domain,
    slug: "",
    title: "",
    utm: emptyUtm(),
    country: [],
    device: [],
    ab: [],
    passwordMode: "none",
    password: "",
    hasExpiry: false,
    expiresAt: "",
    expiredUrl: "",
    hasClickLimit: false,
    clickLimit: "",
    limitUrl: "",
    lead: { enabled: false, headline: "", fields: [...DEFAULT_LEAD_FIELDS] },
    crm: defaults.crm,
    tags: [],
    campaignId: "",
    preview: { title: "", description: "", image: "" },
  };
}

export function formFromLink(link: LinkDto, crmDefaults: Automation): LinkFormState {
  const utm = emptyUtm();
  for (const key of UTM_KEYS) utm[key] = link.utm?.[key] ?? "";
  return {
    url: link.url,
    domain: link.domain,
    slug: link.slug,
    title: link.title ?? "",
    utm,
    // Keys of saved rows are stable (server and browser render the same HTML); new rows get rowKey().
    country: (link.rules.country ?? []).map((r, i) => ({ key: `country-${i}`, countries: r.countries, url: r.url })),
    device: (link.rules.device ?? []).map((r, i) => ({ key: `device-${i}`, devices: r.devices, url: r.url })),
    ab: (link.rules.ab ?? []).map((r, i) => ({ key: `ab-${i}`, url: r.url, weight: String(r.weight) })),
    passwordMode: link.hasPassword ? "keep" : "none",
    password: "",
    hasExpiry: link.expiresAt !== null,
    expiresAt: toLocalInput(link.expiresAt),
    expiredUrl: link.expiredUrl ?? "",
    hasClickLimit: link.clickLimit !== null,
    clickLimit: link.clickLimit === null ? "" : String(link.clickLimit),
    limitUrl: link.limitUrl ?? "",
    lead: {
      enabled: link.leadCapture?.enabled ?? false,
      headline: link.leadCapture?.headline ?? "",
      fields: link.leadCapture?.fields?.length ? link.leadCapture.fields : [...DEFAULT_LEAD_FIELDS],
    },
    crm: {
      tagOnClick: link.crm.tagOnClick ?? crmDefaults.tagOnClick,
      syncContact: link.crm.syncContact ?? crmDefaults.syncContact,
      addNote: link.crm.addNote ?? crmDefaults.addNote,
    },
    tags: link.tags,
    campaignId: link.campaignId ?? "",
    preview: { title: link.preview?.title ?? "", description: link.preview?.description ?? "", image: link.preview?.image ?? "" },
  };
}

/** "" → NaN is refused by the schema with its own message; blank optional numbers are handled by callers. */
const toNumber = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.trim()));

export type Capabilities = { targeting: boolean; passwords: boolean; domains: boolean };

/**
 * The body for `createLinkSchema` / `updateLinkSchema`. Pro-only parts are left out on Starter
 * (absent = unchanged on edit), so a downgraded workspace can still edit a link's other fields.
 */
export function toLinkInput(s: LinkFormState, can: Capabilities, isEdit: boolean): CreateLinkInput & UpdateLinkInput {
  // On edit a switched-off form keeps its headline and fields for next time.
  const lead = s.lead.enabled || isEdit ? { enabled: s.lead.enabled, headline: s.lead.headline, fields: s.lead.fields } : undefined;
  const input: CreateLinkInput & UpdateLinkInput = {
    url: s.url,
    slug: s.slug,
    title: s.title,
    utm: { ...s.utm },
    expiresAt: s.hasExpiry ? fromLocalInput(s.expiresAt) : null,
    expiredUrl: s.hasExpiry ? s.expiredUrl : null,
    clickLimit: s.hasClickLimit ? toNumber(s.clickLimit) : null,
    limitUrl: s.hasClickLimit ? s.limitUrl : null,
    leadCapture: lead,
    crm: { ...s.crm },
    tags: s.tags,
    campaignId: s.campaignId || null,
    preview: { ...s.preview },
  };
  if (can.domains) input.domain = s.domain;
  if (can.targeting) {
    input.rules = {
      country: s.country.map((r) => ({ countries: r.countries, url: r.url })),
      device: s.device.map((r) => ({ devices: r.devices, url: r.url })),
      ab: s.ab.map((r) => ({ url: r.url, weight: toNumber(r.weight) })),
    };
  }
  if (can.passwords) {
    if (s.passwordMode === "set") input.password = s.password;
    else if (s.passwordMode === "remove") input.password = null;
  }
  return input;
}

/** Checks the schema cannot make (it reads a blank date as "no expiry"). */
export function formOnlyErrors(s: LinkFormState): FieldErrors {
  const errors: FieldErrors = {};
  if (s.hasExpiry && !s.expiresAt) errors.expiresAt = ["Pick the date and time the link expires"];
  if (s.hasClickLimit && !s.clickLimit.trim()) errors.clickLimit = ["Enter how many clicks the link allows"];
  if (s.passwordMode === "set" && !s.password) errors.password = ["Enter a password"];
  return errors;
}

/** Drops the errors of `path` and of everything under it (after the user edits that part). */
export function withoutErrors(errors: FieldErrors, ...paths: string[]): FieldErrors {
  let changed = false;
  const next: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (paths.some((p) => key === p || key.startsWith(`${p}.`))) changed = true;
    else next[key] = messages;
  }
  return changed ? next : errors;
}

/** The DOM id of the control that shows the error at `path`. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, "-")}`;

const UTM_LABELS: Record<UtmKey, string> = { source: "UTM source", medium: "UTM medium", campaign: "UTM campaign", term: "UTM term", content: "UTM content" };

/** A readable name for an error path, for the summary at the top of the form. */
export function labelOfPath(path: string): string {
  const parts = path.split(".");
  const [head, second, third, fourth] = parts;
  switch (head) {
    case "url":
      return "Destination URL";
    case "slug":
      return "Slug";
    case "domain":
      return "Domain";
    case "title":
      return "Title";
    case "utm":
      return second && second in UTM_LABELS ? UTM_LABELS[second as UtmKey] : "UTM fields";
    case "rules": {
      const n = third !== undefined ? Number(third) + 1 : null;
      const what = fourth === "url" ? "URL" : fourth === "weight" ? "weight" : fourth === "countries" ? "countries" : fourth === "devices" ? "devices" : "";
      if (second === "country") return n ? `Country rule ${n}${what ? ` ${what}` : ""}` : "Country rules";
      if (second === "device") return n ? `Device rule ${n}${what ? ` ${what}` : ""}` : "Device rules";
      if (second === "ab") return n ? `A/B variant ${n}${what ? ` ${what}` : ""}` : "A/B rotation";
      return "Routing rules";
    }
    case "password":
      return "Password";
    case "expiresAt":
      return "Expiry date";
    case "expiredUrl":
      return "URL after expiry";
    case "clickLimit":
      return "Click limit";
    case "limitUrl":
      return "URL after the limit";
    case "leadCapture":
      return second === "headline" ? "Lead form headline" : "Lead form fields";
    case "tags":
      return "Tags";
    case "campaignId":
      return "Campaign";
    case "preview":
      return second === "image" ? "Preview image" : second === "description" ? "Preview description" : "Preview title";
    case "crm":
      return "CRM automation";
    default:
      return "Form";
  }
}

/** The control to focus for an error path (rows' array-level errors go to their section's add button). */
export function focusTargetOf(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "rules" && parts.length <= 2) return `add-${parts[1] ?? "ab"}-rule`;
  if (parts[0] === "leadCapture" && parts[1] === "fields") return fieldId("leadCapture.fields.name");
  if (parts[0] === "tags") return fieldId("tags");
  if (parts[0] === "rules" && (parts[3] === "countries" || parts[3] === "devices")) return fieldId(parts.slice(0, 4).join("."));
  return fieldId(parts.slice(0, 4).join("."));
}
