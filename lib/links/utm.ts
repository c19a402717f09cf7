/**
 * The UTM builder: merges `utm_*` parameters into a destination. Pure and client-safe, so the
 * form previews exactly what the server stores and the click path serves.
 */
import { UTM_KEYS, type UtmValues } from "@/lib/links/schemas";

function decodedName(part: string): string {
  const name = part.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

/**
 * `url` with each set UTM field as `utm_<key>`: a parameter of the same name already in the URL
 * is replaced (at its first position; repeats are dropped), new ones are appended, and every
 * other parameter and the fragment are kept byte for byte. No fields → `url` unchanged.
 */
export function mergeUtm(url: string, utm: UtmValues | null | undefined): string {
  const wanted = new Map<string, string>();
  for (const key of UTM_KEYS) {
    const value = utm?.[key];
    if (value) wanted.set(`utm_${key}`, `utm_${key}=${encodeURIComponent(value)}`);
  }
  if (wanted.size === 0) return url;

  const hashAt = url.indexOf("#");
  const fragment = hashAt >= 0 ? url.slice(hashAt) : "";
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeHash.indexOf("?");
  const base = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const query = queryAt >= 0 ? beforeHash.slice(queryAt + 1) : "";

  const parts: string[] = [];
  const placed = new Set<string>();
  for (const part of query.split("&")) {
    if (part === "") continue;
    const name = decodedName(part);
    const replacement = wanted.get(name);
    if (replacement === undefined) parts.push(part);
    else if (!placed.has(name)) {
      parts.push(replacement);
      placed.add(name);
    }
  }
  for (const [name, part] of wanted) if (!placed.has(name)) parts.push(part);
  return `${base}?${parts.join("&")}${fragment}`;
}
