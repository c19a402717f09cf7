"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { FetchError } from "@/app/app/links/_components/links-data";
import { crmStatusSchema, unresolvedPageSchema, type CrmStatusDto, type UnresolvedPageDto } from "@/lib/crm-status/schemas";

/** How often the page asks again: the queue drains in seconds, so the numbers should too. */
export const POLL_MS = 5_000;

/** Query keys for Settings → CRM: invalidate `crmKeys.all` after a retry or dismiss. */
export const crmKeys = {
  all: ["crm-status"] as const,
  status: () => [...crmKeys.all, "status"] as const,
  unresolved: () => [...crmKeys.all, "unresolved"] as const,
};

function errorMessageOf(body: unknown, fallback: string): string {
  if (typeof body === "object" && body !== null && "error" in body) {
    const error: unknown = body.error;
    if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  }
  return fallback;
}

async function getJson(url: string, fallback: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { credentials: "include", signal, cache: "no-store" });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new FetchError(res.status, errorMessageOf(body, fallback));
  return body;
}

export async function fetchCrmStatus(signal?: AbortSignal): Promise<CrmStatusDto> {
  return crmStatusSchema.parse(await getJson("/app/settings/crm/status", "The sync status could not be loaded.", signal));
}

export async function fetchUnresolvedPage(cursor: string | null, signal?: AbortSignal): Promise<UnresolvedPageDto> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return unresolvedPageSchema.parse(await getJson(`/app/settings/crm/unresolved${query}`, "Unresolved activity could not be loaded.", signal));
}

/**
 * The sync status, polled. Pass `select` to subscribe to one slice: a component then re-renders
 * only when its slice changes (structural sharing keeps unchanged slices identical).
 */
export function useCrmStatus<T>(select: (status: CrmStatusDto) => T) {
  return useQuery({
    queryKey: crmKeys.status(),
    queryFn: ({ signal }) => fetchCrmStatus(signal),
    select,
    refetchInterval: POLL_MS,
    staleTime: POLL_MS,
    retry: (count, err) => !(err instanceof FetchError && err.status < 500) && count < 2,
  });
}

export function useUnresolved() {
  return useInfiniteQuery({
    queryKey: crmKeys.unresolved(),
    queryFn: ({ pageParam, signal }) => fetchUnresolvedPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: POLL_MS,
    staleTime: POLL_MS,
    retry: (count, err) => !(err instanceof FetchError && err.status < 500) && count < 2,
  });
}

/** The current time, ticking every `everyMs`, for "2 minutes ago" labels that stay true. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const formatDateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format;

export function formatFull(iso: string): string {
  return formatDateTime(new Date(iso));
}

/** "just now", "4 min ago", "3 h ago", then the date. */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (seconds < 0) {
    const ahead = -seconds;
    if (ahead < 60) return `in ${Math.max(1, ahead)} s`;
    if (ahead < 3600) return `in ${Math.round(ahead / 60)} min`;
    return `in ${Math.round(ahead / 3600)} h`;
  }
  if (seconds < 10) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return formatDateTime(new Date(iso));
}

export const formatCount = new Intl.NumberFormat("en-US").format;
