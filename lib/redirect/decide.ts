/**
 * What a short URL answers, as a pure function of the link, the classified visit, the visitor's
 * cookies and the time: no I/O, no `Date.now()`, no `Math.random()` (the A/B roll comes in).
 * The handler maps the decision to a `Response`; see architecture.md "URLs and status codes".
 *
 * Order, first match wins:
 *   not found → unavailable (archived, workspace uninstalled) → expired → click limit reached
 *   → bot or preview fetcher (preview card) → password → lead capture
 *   → country rule → device rule → A/B → default destination.
 * Dead links (the first four) answer bots and people alike; gates and routing are for people.
 */
import type { LeadCapture, LinkRules } from "@/db/schema/links";
import type { Visit } from "@/lib/redirect/visit";

export type DecidableLink = {
  status: "active" | "archived";
  /** False after uninstall. */
  workspaceActive: boolean;
  /** Default destination, UTM already merged. */
  url: string;
  rules: LinkRules;
  hasPassword: boolean;
  /** The link is expired from this instant on (`now >= expiresAt`). */
  expiresAt: Date | null;
  expiredUrl: string | null;
  clickLimit: number | null;
  /** Human clicks counted so far; the limit is reached when `humanClicks >= clickLimit`. */
  humanClicks: number;
  limitUrl: string | null;
  leadCapture: LeadCapture | null;
};

export type VisitorState = {
  /** The visitor holds a valid unlock cookie for this link. */
  unlocked: boolean;
  /** The visitor already submitted this link's lead form. */
  leadCaptured: boolean;
  /** Sticky cookie: index into `rules.ab`; ignored when out of range or not a usable variant. */
  abVariant: number | null;
  /** Uniform random number in [0, 1) for the A/B draw. */
  roll: number;
};

export type RouteRule = "country" | "device" | "ab" | "default";

export type Decision =
  | { kind: "not_found"; status: 404 }
  | { kind: "unavailable"; status: 410 }
  | { kind: "expired"; status: 302 | 410; url: string | null }
  | { kind: "limit_reached"; status: 302 | 410; url: string | null }
  | { kind: "preview"; status: 200 }
  | { kind: "password"; status: 200 }
  | { kind: "lead_capture"; status: 200 }
  | {
      kind: "redirect";
      status: 302;
      /** The rule's destination, before query pass-through (the caller appends it). */
      url: string;
      rule: RouteRule;
      /** Index into `rules.ab` when `rule === "ab"` (set or refresh the sticky cookie), else null. */
      abVariant: number | null;
    };

export type DecidableVisit = Pick<Visit, "isBot" | "country" | "deviceType" | "osKey">;

export function decide(
  link: DecidableLink | null,
  visit: DecidableVisit,
  visitor: VisitorState,
  now: Date,
): Decision {
  if (!link) return { kind: "not_found", status: 404 };
  if (link.status !== "active" || !link.workspaceActive) return { kind: "unavailable", status: 410 };
  if (link.expiresAt && now.getTime() >= link.expiresAt.getTime()) {
    return link.expiredUrl
      ? { kind: "expired", status: 302, url: link.expiredUrl }
      : { kind: "expired", status: 410, url: null };
  }
  if (link.clickLimit !== null && link.humanClicks >= link.clickLimit) {
    return link.limitUrl
      ? { kind: "limit_reached", status: 302, url: link.limitUrl }
      : { kind: "limit_reached", status: 410, url: null };
  }
  // An unfurl is not a click: bots get the social card, never a gate or a destination.
  if (visit.isBot) return { kind: "preview", status: 200 };
  if (link.hasPassword && !visitor.unlocked) return { kind: "password", status: 200 };
  if (link.leadCapture?.enabled && !visitor.leadCaptured) return { kind: "lead_capture", status: 200 };
  return route(link, visit, visitor);
}

function route(link: DecidableLink, visit: DecidableVisit, visitor: VisitorState): Decision {
  const { rules } = link;
  const country = visit.country?.toUpperCase();
  if (country) {
    const byCountry = rules.country?.find((r) => r.countries.some((c) => c.toUpperCase() === country));
    if (byCountry) return redirect(byCountry.url, "country", null);
  }
  const byDevice = rules.device?.find((r) =>
    r.devices.some((d) => d === visit.osKey || d === visit.deviceType),
  );
  if (byDevice) return redirect(byDevice.url, "device", null);
  const variant = pickAbVariant(rules.ab ?? [], visitor);
  if (variant !== null) {
    const chosen = rules.ab?.[variant];
    if (chosen) return redirect(chosen.url, "ab", variant);
  }
  return redirect(link.url, "default", null);
}

function redirect(url: string, rule: RouteRule, abVariant: number | null): Decision {
  return { kind: "redirect", status: 302, url, rule, abVariant };
}

/** A usable A/B weight: a positive integer (anything else is bad data and never drawn). */
function isUsableWeight(weight: number): boolean {
  return Number.isSafeInteger(weight) && weight > 0;
}

/**
 * The index into `ab` this visitor goes to: their sticky variant when it still names a usable
 * entry, else a draw weighted by the entries' shares; null when no entry is usable.
 */
export function pickAbVariant(ab: readonly { weight: number }[], visitor: Pick<VisitorState, "abVariant" | "roll">): number | null {
  const sticky = visitor.abVariant;
  if (sticky !== null && Number.isInteger(sticky) && sticky >= 0) {
    const entry = ab[sticky];
    if (entry && isUsableWeight(entry.weight)) return sticky;
  }
  let total = 0;
  for (const entry of ab) if (isUsableWeight(entry.weight)) total += entry.weight;
  if (total === 0) return null;
  // Clamp so a bad roll (NaN, 1, negative) still lands on a usable entry.
  const roll = Number.isFinite(visitor.roll) ? Math.min(Math.max(visitor.roll, 0), 1 - Number.EPSILON) : 0;
  const target = roll * total;
  let cumulative = 0;
  let last: number | null = null;
  for (const [index, entry] of ab.entries()) {
    if (!isUsableWeight(entry.weight)) continue;
    cumulative += entry.weight;
    last = index;
    if (target < cumulative) return index;
  }
  return last;
}
