/**
 * The HTML shell of every public page served at a short URL (gates, status pages, the preview
 * card). These pages are answered by the fast path in server.ts without React or Next, so they
 * cannot use `app/globals.css`: the few tokens they need are repeated here, with the same values
 * (light and dark by the visitor's preference). Nothing is loaded from anywhere else — no font,
 * no script, no stylesheet — apart from a workspace's own logo when its branding is on.
 *
 * Every user-controlled string goes through `escapeHtml` before it reaches the markup.
 */
import type { Branding } from "@/db/schema/workspaces";

/** How a public page is branded; derived from the workspace once, when the link is resolved. */
export type PageBrand = {
  /** The workspace's brand name, shown above the card; null = no brand header. */
  name: string | null;
  /** A `data:image/…` or `https:` URL; anything else is dropped by `brandOf`. */
  logoUrl: string | null;
  /** `#rrggbb`; replaces the product's indigo on buttons and accents. */
  color: string | null;
  /** The small "Smart Links" footer; false under white-label. */
  showProductName: boolean;
};

export const DEFAULT_BRAND: PageBrand = { name: null, logoUrl: null, color: null, showProductName: true };

export const PRODUCT_NAME = "Smart Links";

type BrandSource = { name: string; branding: Branding; brandingEnabled: boolean; whiteLabel: boolean };

/** Branding shows when the workspace turned it on or is white-label; white-label also hides our name. */
export function brandOf(workspace: BrandSource): PageBrand {
  if (!workspace.brandingEnabled && !workspace.whiteLabel) return DEFAULT_BRAND;
  const { branding } = workspace;
  return {
    name: nonEmpty(branding.name) ?? nonEmpty(workspace.name),
    logoUrl: safeLogoUrl(branding.logoUrl),
    color: safeColor(branding.primaryColor),
    showProductName: !workspace.whiteLabel,
  };
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function safeColor(value: string | undefined): string | null {
  return value && HEX_COLOR.test(value) ? value.toLowerCase() : null;
}

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[a-z0-9+/=]+$/i;

/** Inline images, or the workspace's own https logo; never `javascript:` or plain http. */
function safeLogoUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (DATA_IMAGE.test(value)) return value;
  try {
    return new URL(value).protocol === "https:" ? value : null;
  } catch {
    return null;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for element content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Headers of every HTML page at a short URL: no caching, no framing, no scripts, no referrer. */
export function pageHeaders(): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "private, no-store",
    // Inline styles only; images for the brand logo; forms post back to the short URL and may be
    // redirected to any destination (form-action would also apply to that redirect).
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'none'; frame-ancestors 'none'",
    // The page URL can carry the contact id (`?c=`): the destination must never see it.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
  };
}

/** Relative luminance (WCAG) of `#rrggbb`, to pick readable text on a custom brand colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const BASE_CSS = `:root{--brand:#6366f1;--brand-strong:#4f46e5;--brand-soft:#eef2ff;--gradient:linear-gradient(135deg,#7c3aed 0%,#c026d3 100%);--danger:#e11d48;--danger-soft:#fff1f2;--bg:#f7f7fb;--surface:#fff;--surface-2:#f4f4f8;--border:#e6e6ef;--border-strong:#d4d4de;--text:#18181b;--text-muted:#5f5f6e;--text-subtle:#8a8a99;--on-brand:#fff;--ring:0 0 0 3px rgba(99,102,241,.35);--shadow:0 1px 3px rgba(24,24,27,.06),0 6px 16px rgba(24,24,27,.05);--font:"Inter Variable","Inter",ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color-scheme:light}
@media (prefers-color-scheme:dark){:root{--brand:#818cf8;--brand-strong:#a5b4fc;--brand-soft:rgba(99,102,241,.16);--danger:#fb7185;--danger-soft:rgba(225,29,72,.16);--bg:#0f0f13;--surface:#18181d;--surface-2:#212129;--border:#2b2b35;--border-strong:#3a3a46;--text:#f4f4f6;--text-muted:#a5a5b4;--text-subtle:#7c7c8c;--ring:0 0 0 3px rgba(129,140,248,.45);--shadow:0 1px 3px rgba(0,0,0,.4),0 8px 24px rgba(0,0,0,.3);color-scheme:dark}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;min-height:100dvh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:20px;padding:24px 16px;font:15px/1.55 var(--font);color:var(--text);background:radial-gradient(1200px 500px at 50% -10%,var(--brand-soft),transparent 70%),var(--bg)}
main{width:100%;max-width:440px}
.brand{display:flex;align-items:center;justify-content:center;gap:10px;font-weight:650;font-size:16px;color:var(--text)}
.brand img{max-height:40px;max-width:180px;object-fit:contain}
.card{background:var(--surface);border:1px solid var(--border);border-radius:16px;box-shadow:var(--shadow);padding:32px 28px;display:flex;flex-direction:column;gap:14px;text-align:center;align-items:center}
.icon{width:48px;height:48px;border-radius:14px;display:grid;place-items:center;background:var(--brand-soft);color:var(--brand)}
.icon svg{width:24px;height:24px}
.code{font-size:52px;font-weight:750;letter-spacing:-.04em;line-height:1;background:var(--gradient);-webkit-background-clip:text;background-clip:text;color:transparent}
h1{margin:0;font-size:21px;line-height:1.3;font-weight:650;letter-spacing:-.01em;overflow-wrap:anywhere}
p{margin:0;color:var(--text-muted);overflow-wrap:anywhere}
form{width:100%;display:flex;flex-direction:column;gap:14px;text-align:left;margin-top:4px}
label{display:flex;flex-direction:column;gap:6px;font-size:13.5px;font-weight:550}
.opt{color:var(--text-subtle);font-weight:400}
input,textarea{width:100%;font:inherit;color:var(--text);background:var(--surface);border:1px solid var(--border-strong);border-radius:10px;padding:10px 12px;min-height:44px}
textarea{min-height:96px;resize:vertical}
input:focus,textarea:focus{outline:none;border-color:var(--brand);box-shadow:var(--ring)}
[aria-invalid=true]{border-color:var(--danger)}
.err{color:var(--danger);font-size:13px;font-weight:500}
.alert{background:var(--danger-soft);color:var(--danger);border-radius:10px;padding:10px 12px;font-size:14px;font-weight:500;text-align:left;width:100%}
button,.btn{appearance:none;border:0;cursor:pointer;font:inherit;font-weight:600;min-height:44px;border-radius:10px;padding:10px 18px;background:var(--brand);color:var(--on-brand);text-decoration:none;display:inline-flex;align-items:center;justify-content:center}
button:hover,.btn:hover{filter:brightness(1.06)}
button:focus-visible,.btn:focus-visible{outline:none;box-shadow:var(--ring)}
.fine{font-size:12.5px;color:var(--text-subtle);text-align:center}
footer{font-size:12px;color:var(--text-subtle)}
footer b{font-weight:600;color:var(--text-muted)}
@media (max-width:480px){.card{padding:26px 18px}h1{font-size:19px}}`;

function brandCss(color: string | null): string {
  if (!color) return "";
  const onBrand = luminance(color) > 0.45 ? "#18181b" : "#fff";
  return `:root{--brand:${color};--brand-strong:${color};--brand-soft:${color}1f;--gradient:linear-gradient(135deg,${color} 0%,${color} 100%);--on-brand:${onBrand};--ring:0 0 0 3px ${color}59}`;
}

export type PageSpec = {
  /** The document title (plain text; escaped here). */
  title: string;
  brand: PageBrand;
  /** The card's inner HTML: every interpolated value must already be escaped. */
  cardHtml: string;
  /** Extra `<head>` HTML (meta tags), already escaped. */
  headHtml?: string;
};

/** A complete, self-contained HTML document. */
export function renderPage(spec: PageSpec): string {
  const { brand } = spec;
  const titleSuffix = brand.name ?? (brand.showProductName ? PRODUCT_NAME : null);
  const title = titleSuffix ? `${spec.title} · ${titleSuffix}` : spec.title;
  const header = brand.logoUrl
    ? `<div class="brand"><img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name ?? "")}" referrerpolicy="no-referrer"></div>`
    : brand.name
      ? `<div class="brand">${escapeHtml(brand.name)}</div>`
      : "";
  const footer = brand.showProductName ? `<footer>Short link by <b>${PRODUCT_NAME}</b></footer>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>${spec.headHtml ?? ""}<style>${BASE_CSS}${brandCss(brand.color)}</style></head><body>${header}<main><div class="card">${spec.cardHtml}</div></main>${footer}</body></html>`;
}

/** Small inline icons (Lucide-style strokes), decorative only. */
export const ICONS = {
  lock: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/></svg>',
  clock: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/></svg>',
  gauge: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m12 14 4-4"/><path d="M3.34 19a10 10 0 1 1 17.32 0"/></svg>',
  linkOff: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9 17H7A5 5 0 0 1 7 7"/><path d="M15 7h2a5 5 0 0 1 4 8"/><path d="M8 12h4"/><path d="m2 2 20 20"/></svg>',
  shield: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1z"/></svg>',
  form: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/><path d="M16 13H8"/><path d="M16 17H8"/></svg>',
  alert: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="10"/><path d="M12 8v4"/><path d="M12 16h.01"/></svg>',
} as const;
