/**
 * Which request paths are short links. The rule, used by server.ts's fast path:
 *
 *   exactly one path segment, `/{slug}`, that is not an app word and contains no dot.
 *
 * App words are the app's top-level routes and Next's file conventions (`RESERVED_SLUGS`, plus
 * anything starting with `_`, and Next's metadata images `icon`, `apple-icon`, …). A dotted
 * segment (`favicon.ico`, `robots.txt`, `sitemap.xml`, `manifest.json`, `icon.png`, files from
 * `public/`) is left to Next as well: Next serves its files, and when none matches, Next's own
 * `app/[slug]/route.ts` — the same handler — answers it, so a dotted slug would still work, only
 * without the fast path. Slug validation (lib/links/schemas.ts) refuses `isReservedSlug` words.
 */

/** Top-level path words a slug can never be (compared case-insensitively). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "app",
  "api",
  "p",
  "sandbox",
  "_next",
  "favicon.ico",
  "robots.txt",
  "sitemap.xml",
  "manifest.json",
  "manifest.webmanifest",
  "icon",
  "apple-icon",
  "opengraph-image",
  "twitter-image",
  // Words users would mistake for the app's own pages.
  "static",
  "assets",
  "public",
  "login",
  "logout",
  "health",
  "admin",
]);

/** Next's metadata routes: `icon`, `icon1`, `apple-icon`, `apple-touch-icon…`, `opengraph-image2`, … */
const METADATA_ROUTE = /^(icon|apple-icon|opengraph-image|twitter-image)\d*$|^apple-touch-icon/;

export function isReservedSlug(slug: string): boolean {
  const lower = slug.toLowerCase();
  return RESERVED_SLUGS.has(lower) || lower.startsWith("_") || METADATA_ROUTE.test(lower);
}

/**
 * The slug of a short-link request target (`/abc?x=1` → `abc`), or null when the path belongs to
 * Next. Works on the raw request target, before any URL parsing, so other requests pay nothing.
 */
export function shortLinkSlugOf(target: string): string | null {
  if (target.charCodeAt(0) !== 47 /* "/" */) return null;
  let end = target.length;
  const q = target.indexOf("?");
  if (q !== -1) end = q;
  const h = target.indexOf("#");
  if (h !== -1 && h < end) end = h;
  if (end <= 1) return null;
  const segment = target.slice(1, end);
  if (segment.includes("/") || segment.includes(".")) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return null;
  }
  if (slug === "" || slug.includes("/") || slug.includes(".") || isReservedSlug(slug)) return null;
  return slug;
}
