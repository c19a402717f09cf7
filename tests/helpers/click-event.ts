import type { ClickEvent } from "@/lib/clicks/click-event";

/** A human desktop click on `linkId` with nothing else known; override what a test is about. */
export function clickEvent(workspaceId: string, linkId: string, overrides: Partial<ClickEvent> = {}): ClickEvent {
  return {
    workspaceId,
    linkId,
    rootLinkId: linkId,
    occurredAt: new Date("2026-11-20T10:00:00Z"),
    destination: "https://example.com/",
    rule: "default",
    country: null,
    region: null,
    city: null,
    deviceType: "desktop",
    os: null,
    browser: null,
    referrer: null,
    referrerHost: null,
    source: "direct",
    isQr: false,
    isBot: false,
    contactId: null,
    visitorKey: "v".repeat(22),
    ...overrides,
  };
}
