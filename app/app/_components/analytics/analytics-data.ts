"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { z } from "zod";
import { FetchError } from "@/app/app/links/_components/links-data";
import { ANALYTICS_WINDOWS, type Analytics, type AnalyticsScope, type AnalyticsWindow } from "@/lib/analytics/types";

/** New clicks must show within 5 s: poll a little faster than that while the tab is visible. */
export const POLL_MS = 3_500;
export const DEFAULT_WINDOW: AnalyticsWindow = "30d";

/** What one analytics answer is about: the scope and the window. */
export type AnalyticsQuery = { scope: AnalyticsScope; window: AnalyticsWindow };

/** Query keys for analytics: one entry per scope and window. */
export const analyticsKeys = {
  all: ["analytics"] as const,
  detail: ({ scope, window }: AnalyticsQuery) =>
    [...analyticsKeys.all, scope.kind, scope.kind === "link" ? scope.linkId : scope.kind === "campaign" ? scope.campaignId : "", window] as const,
};

/** `window=30d&linkId=…`: the same query string for the JSON answer and both CSV exports. */
export function analyticsQueryString({ scope, window }: AnalyticsQuery): string {
  const params = new URLSearchParams({ window });
  if (scope.kind === "link") params.set("linkId", scope.linkId);
  if (scope.kind === "campaign") params.set("campaignId", scope.campaignId);
  return params.toString();
}

export const clicksCsvHref = (q: AnalyticsQuery) => `/api/v1/clicks.csv?${analyticsQueryString(q)}`;
export const summaryCsvHref = (q: AnalyticsQuery) => `/api/v1/analytics.csv?${analyticsQueryString(q)}`;

const namedCounts = z.array(z.object({ name: z.string(), clicks: z.number() }));

/** The contract of `lib/analytics/types.ts`, checked at the boundary (`satisfies` keeps the two in step). */
const analyticsSchema = z.object({
  window: z.enum(ANALYTICS_WINDOWS),
  from: z.string(),
  to: z.string(),
  historyDays: z.number(),
  scope: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("workspace") }),
    z.object({ kind: z.literal("link"), linkId: z.string() }),
    z.object({ kind: z.literal("campaign"), campaignId: z.string() }),
  ]),
  totals: z.object({
    clicks: z.number(),
    uniqueVisitors: z.number(),
    qrScans: z.number(),
    botsFiltered: z.number(),
    identifiedClicks: z.number(),
    uniqueContacts: z.number(),
  }),
  series: z.array(z.object({ date: z.string(), clicks: z.number() })),
  hours: z.array(z.number()),
  countries: z.array(z.object({ code: z.string(), clicks: z.number() })),
  cities: z.array(z.object({ city: z.string(), country: z.string(), clicks: z.number() })),
  devices: namedCounts,
  os: namedCounts,
  browsers: namedCounts,
  sources: namedCounts,
  referrers: namedCounts,
  destinations: z.array(z.object({ url: z.string(), rule: z.string(), clicks: z.number() })),
  topLinks: z.array(
    z.object({
      linkId: z.string(),
      slug: z.string(),
      domain: z.string(),
      shortUrl: z.string(),
      title: z.string().nullable(),
      url: z.string(),
      clicks: z.number(),
      deleted: z.boolean().optional(),
    }),
  ),
  topContacts: z.array(z.object({ contactId: z.string(), name: z.string().nullable(), clicks: z.number() })),
  perContact: z.object({
    linksSent: z.number(),
    linksClicked: z.number(),
    contactsReached: z.number(),
    clickThroughRate: z.number().nullable(),
  }),
  generatedAt: z.string(),
}) satisfies z.ZodType<Analytics>;

function errorMessageOf(body: unknown, fallback: string): string {
  if (typeof body === "object" && body !== null && "error" in body) {
    const error: unknown = body.error;
    if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  }
  return fallback;
}

export async function fetchAnalytics(q: AnalyticsQuery, signal?: AbortSignal): Promise<Analytics> {
  const res = await fetch(`/api/v1/analytics?${analyticsQueryString(q)}`, { credentials: "include", signal, cache: "no-store" });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new FetchError(res.status, errorMessageOf(body, "The analytics could not be loaded."));
  return analyticsSchema.parse(body);
}

function analyticsOptions<T>(q: AnalyticsQuery, select: (data: Analytics) => T) {
  return {
    queryKey: analyticsKeys.detail(q),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchAnalytics(q, signal),
    select,
    // A new window keeps showing the old figures (dimmed) until its own arrive.
    placeholderData: keepPreviousData,
    staleTime: POLL_MS / 2,
    // A 4xx (signed out, not found) will not heal by asking again.
    retry: (count: number, err: Error) => !(err instanceof FetchError && err.status < 500) && count < 2,
  };
}

/**
 * The one observer that polls (the view). Panels subscribe with `useAnalyticsSlice` and share its
 * fetches; each gets its own `select`ed slice, which structural sharing keeps referentially equal
 * while unchanged, so a poll re-renders only the panels whose figures moved.
 */
export function useAnalyticsPoll<T>(q: AnalyticsQuery, select: (data: Analytics) => T) {
  return useQuery({
    ...analyticsOptions(q, select),
    // A refetch of a query with no data resets it to "pending": stop polling after a failed first
    // load, so the error and its Retry button stay on screen. Once there is data, a failed poll
    // keeps the figures (the Live badge says "Reconnecting") and polling goes on.
    refetchInterval: (query) => (query.state.status === "error" && query.state.data === undefined ? false : POLL_MS),
    refetchIntervalInBackground: false,
  });
}

/** One panel's slice. `select` must be stable (module level), or it runs on every render. */
export function useAnalyticsSlice<T>(q: AnalyticsQuery, select: (data: Analytics) => T) {
  return useQuery(analyticsOptions(q, select));
}

function isWindow(value: string | null): value is AnalyticsWindow {
  return value !== null && (ANALYTICS_WINDOWS as readonly string[]).includes(value);
}

/**
 * The window lives in the URL (`?window=7d`) so a reload or a shared link keeps it. It is changed
 * with `history.replaceState`, which Next syncs into `useSearchParams` without a server round trip.
 */
export function useAnalyticsWindow(): [AnalyticsWindow, (next: AnalyticsWindow) => void] {
  const params = useSearchParams();
  const raw = params.get("window");
  const current = isWindow(raw) ? raw : DEFAULT_WINDOW;
  const setWindow = useCallback((next: AnalyticsWindow) => {
    const url = new URL(window.location.href);
    if (next === DEFAULT_WINDOW) url.searchParams.delete("window");
    else url.searchParams.set("window", next);
    window.history.replaceState(null, "", url);
  }, []);
  return [current, setWindow];
}
