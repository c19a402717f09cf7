/**
 * The pages a short URL can answer with besides a redirect: dead-link pages (404, 410, 429, 503),
 * the password and lead-capture gates (their forms post back to the short URL itself), and the
 * social preview card for bots. Each returns a whole HTML document; every user string is escaped.
 */
import type { LeadField, LinkPreview } from "@/db/schema/links";
import { DEFAULT_LEAD_HEADLINE, isLeadFieldRequired, type LeadErrors, type LeadValues } from "@/lib/gates/lead-form";
import { escapeHtml, ICONS, PRODUCT_NAME, renderPage, type PageBrand } from "@/lib/gates/page-shell";

export type StatusPageKind = "not_found" | "unavailable" | "expired" | "limit_reached" | "too_many_tries" | "error";

const STATUS_PAGES: Record<StatusPageKind, { code: string | null; icon: string | null; title: string; text: string }> = {
  not_found: {
    code: "404",
    icon: null,
    title: "This link doesn't exist",
    text: "Check the address for typos, or ask whoever shared it for a new link.",
  },
  unavailable: {
    code: null,
    icon: ICONS.linkOff,
    title: "This link is no longer available",
    text: "Its owner has turned it off. If you expected it to work, contact them for a new link.",
  },
  expired: {
    code: null,
    icon: ICONS.clock,
    title: "This link has expired",
    text: "It was set to work until a certain date, and that date has passed.",
  },
  limit_reached: {
    code: null,
    icon: ICONS.gauge,
    title: "This link has reached its limit",
    text: "It was set to work a limited number of times, and it has been used that many times already.",
  },
  too_many_tries: {
    code: null,
    icon: ICONS.shield,
    title: "Too many attempts",
    text: "For security, this link is locked for a few minutes after several wrong passwords. Try again in 15 minutes.",
  },
  error: {
    code: null,
    icon: ICONS.alert,
    title: "Something went wrong on our side",
    text: "We couldn't open this link just now. Please try again in a moment.",
  },
};

export function renderStatusPage(kind: StatusPageKind, brand: PageBrand): string {
  const page = STATUS_PAGES[kind];
  const mark = page.code ? `<div class="code" aria-hidden="true">${page.code}</div>` : `<div class="icon">${page.icon ?? ""}</div>`;
  return renderPage({
    title: page.title,
    brand,
    cardHtml: `${mark}<h1>${page.title}</h1><p>${page.text}</p>`,
  });
}

export type PasswordPageInput = {
  brand: PageBrand;
  /** Where the form posts: the short URL's path and query, as the visitor opened it. */
  action: string;
  title: string | null;
  error: string | null;
};

export function renderPasswordPage(input: PasswordPageInput): string {
  const error = input.error ? `<div class="alert" role="alert" id="pw-error">${escapeHtml(input.error)}</div>` : "";
  const subject = input.title ? `<p><strong>${escapeHtml(input.title)}</strong></p>` : "";
  const invalid = input.error ? ' aria-invalid="true" aria-describedby="pw-error"' : "";
  return renderPage({
    title: "Password required",
    brand: input.brand,
    cardHtml:
      `<div class="icon">${ICONS.lock}</div><h1>This link is password protected</h1>${subject}` +
      `<p>Enter the password you were given to continue.</p>` +
      `<form method="post" action="${escapeHtml(input.action)}">${error}` +
      `<label>Password<input type="password" name="password" required autofocus autocomplete="off"${invalid}></label>` +
      `<button type="submit">Continue</button></form>`,
  });
}

export type LeadPageInput = {
  brand: PageBrand;
  action: string;
  headline: string | null;
  fields: readonly LeadField[];
  values: LeadValues;
  errors: LeadErrors;
  /** Whose form this is, for the privacy note (the workspace's brand or name). */
  ownerName: string | null;
};

const FIELD_INPUTS: Record<LeadField, { label: string; type: string; autocomplete: string }> = {
  name: { label: "Name", type: "text", autocomplete: "name" },
  email: { label: "Email", type: "email", autocomplete: "email" },
  phone: { label: "Phone", type: "tel", autocomplete: "tel" },
  company: { label: "Company", type: "text", autocomplete: "organization" },
  message: { label: "Message", type: "textarea", autocomplete: "off" },
};

function leadFieldHtml(field: LeadField, input: LeadPageInput, autofocus: boolean): string {
  const spec = FIELD_INPUTS[field];
  const required = isLeadFieldRequired(field, input.fields);
  const error = input.errors[field];
  const value = input.values[field] ?? "";
  const id = `f-${field}`;
  const attrs =
    ` id="${id}" name="${field}" autocomplete="${spec.autocomplete}"${required ? " required" : ""}` +
    `${autofocus ? " autofocus" : ""}${error ? ` aria-invalid="true" aria-describedby="${id}-err"` : ""}`;
  const control =
    spec.type === "textarea"
      ? `<textarea${attrs} maxlength="2000">${escapeHtml(value)}</textarea>`
      : `<input type="${spec.type}"${attrs} value="${escapeHtml(value)}" maxlength="254">`;
  const optional = required ? "" : ' <span class="opt">(optional)</span>';
  const message = error ? `<span class="err" id="${id}-err">${escapeHtml(error)}</span>` : "";
  return `<label for="${id}"><span>${spec.label}${optional}</span>${control}${message}</label>`;
}

export function renderLeadPage(input: LeadPageInput): string {
  const firstInvalid = input.fields.find((f) => input.errors[f]) ?? input.fields[0];
  const hasErrors = Object.keys(input.errors).length > 0;
  const alert = hasErrors ? `<div class="alert" role="alert">Please check the highlighted fields.</div>` : "";
  const owner = input.ownerName ? ` with ${escapeHtml(input.ownerName)}` : "";
  return renderPage({
    title: input.headline ?? DEFAULT_LEAD_HEADLINE,
    brand: input.brand,
    cardHtml:
      `<div class="icon">${ICONS.form}</div><h1>${escapeHtml(input.headline ?? DEFAULT_LEAD_HEADLINE)}</h1>` +
      `<p>Fill in the form to continue to the page.</p>` +
      `<form method="post" action="${escapeHtml(input.action)}" novalidate>${alert}` +
      input.fields.map((f) => leadFieldHtml(f, input, f === firstInvalid)).join("") +
      `<button type="submit">Continue</button><p class="fine">Your details are shared${owner} and used to follow up with you.</p></form>`,
  });
}

export type PreviewPageInput = {
  brand: PageBrand;
  /** The canonical short URL (no query: it may carry a contact id). */
  shortUrl: string;
  preview: LinkPreview | null;
  title: string | null;
  description: string | null;
  /** Shown as a plain link for unprotected links only; a gated destination is never revealed. */
  destination: string | null;
};

function meta(attr: "property" | "name", key: string, value: string | null | undefined): string {
  return value ? `<meta ${attr}="${key}" content="${escapeHtml(value)}">` : "";
}

/** What bots and link-preview fetchers get: OG and Twitter tags from the link's preview settings. */
export function renderPreviewPage(input: PreviewPageInput): string {
  const destinationHost = hostOf(input.destination);
  const title = input.preview?.title?.trim() || input.title?.trim() || destinationHost || "Shared link";
  const description = input.preview?.description?.trim() || input.description?.trim() || null;
  const image = httpUrl(input.preview?.image);
  const siteName = input.brand.name ?? (input.brand.showProductName ? PRODUCT_NAME : null);
  const head =
    meta("property", "og:type", "website") +
    meta("property", "og:title", title) +
    meta("property", "og:description", description) +
    meta("property", "og:url", input.shortUrl) +
    meta("property", "og:image", image) +
    meta("property", "og:site_name", siteName) +
    meta("name", "twitter:card", image ? "summary_large_image" : "summary") +
    meta("name", "twitter:title", title) +
    meta("name", "twitter:description", description) +
    meta("name", "twitter:image", image) +
    meta("name", "description", description);
  const continueLink = input.destination
    ? `<a class="btn" href="${escapeHtml(input.destination)}" rel="noreferrer nofollow">Continue to ${escapeHtml(destinationHost ?? "the page")}</a>`
    : "";
  return renderPage({
    title,
    brand: input.brand,
    headHtml: head,
    cardHtml: `<h1>${escapeHtml(title)}</h1>${description ? `<p>${escapeHtml(description)}</p>` : ""}${continueLink}`,
  });
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const protocol = new URL(value).protocol;
    return protocol === "https:" || protocol === "http:" ? value : null;
  } catch {
    return null;
  }
}
