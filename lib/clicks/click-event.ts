/**
 * One click (or bot fetch) as the click path hands it over: everything the analytics show, and
 * nothing that identifies a person (no raw IP; `visitorKey` is a salted hash rotated daily).
 * This shape, not a table row, is the seam between the click path and storage: a column store
 * adapter takes the same events.
 */
import type { ClickRule, DeviceType, TrafficSource } from "@/db/schema/clicks";

export type ClickEvent = {
  workspaceId: string;
  /** The link or minted code the visitor opened. */
  linkId: string;
  /** The link whose analytics the click belongs to: a minted code's parent, else `linkId`. */
  rootLinkId: string;
  occurredAt: Date;
  /** The destination served (UTM merged, before query pass-through); null when none was. */
  destination: string | null;
  /** The routing rule that chose `destination`; null for fallbacks and preview cards. */
  rule: ClickRule | null;
  country: string | null;
  region: string | null;
  city: string | null;
  deviceType: DeviceType;
  os: string | null;
  browser: string | null;
  referrer: string | null;
  referrerHost: string | null;
  source: TrafficSource;
  isQr: boolean;
  /** Bots, preview fetchers and HEAD requests: stored so "bots filtered" can be shown, never counted. */
  isBot: boolean;
  contactId: string | null;
  visitorKey: string;
};
