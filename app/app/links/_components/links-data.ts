"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import type { BadgeTone } from "@/app/_components/ui/badge";
import { listLinksResultSchema, type LinkSort, type LinkStatusValue, type ListLinksResult } from "@/lib/links/schemas";

/** The list's filters as they sit in the URL (`?q=&tag=&campaignId=&status=&sort=`). */
export type LinkFilters = {
  q: string;
  tag: string;
  campaignId: string;
  status: LinkStatusValue | "";
  sort: LinkSort;
};

export const LIST_PAGE_SIZE = 50;

/** Query keys for links: invalidate `linkKeys.all` after any write. */
export const linkKeys = {
  all: ["links"] as const,
  lists: () => [...linkKeys.all, "list"] as const,
  list: (f: LinkFilters) => [...linkKeys.lists(), f] as const,
};

/** Thrown by the fetchers: `status` lets the UI tell "signed out" from "broken". */
export class FetchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

function errorMessageOf(body: unknown, fallback: string): string {
  if (typeof body === "object" && body !== null && "error" in body) {
    const error: unknown = body.error;
    if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  }
  return fallback;
}

export function listQueryString(f: LinkFilters, cursor?: string | null, limit = LIST_PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (f.q.trim()) params.set("q", f.q.trim());
  if (f.tag) params.set("tag", f.tag);
  if (f.campaignId) params.set("campaignId", f.campaignId);
  if (f.status) params.set("status", f.status);
  if (f.sort !== "created") params.set("sort", f.sort);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(limit));
  return params.toString();
}

/** One page of the list (keyset cursor from the server: fast at any depth). */
export async function fetchLinksPage(f: LinkFilters, cursor: string | null, signal?: AbortSignal): Promise<ListLinksResult> {
  const res = await fetch(`/api/v1/links?${listQueryString(f, cursor)}`, { credentials: "include", signal, cache: "no-store" });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new FetchError(res.status, errorMessageOf(body, "The links could not be loaded."));
  return listLinksResultSchema.parse(body);
}

/**
 * What to do with a result that says the session is gone: refresh the server tree, which shows
 * the SSO gate; the gate re-handshakes with the CRM silently and renders the page again.
 */
export function useSessionExpiry(): (result: { ok: boolean; code?: string } | unknown) => boolean {
  const router = useRouter();
  return useCallback(
    (result: unknown) => {
      const isExpired =
        (result instanceof FetchError && result.status === 401) ||
        (typeof result === "object" && result !== null && "ok" in result && result.ok === false && "code" in result && result.code === "unauthorized");
      if (isExpired) router.refresh();
      return isExpired;
    },
    [router],
  );
}

export const STATUS_TONES: Record<LinkStatusValue, BadgeTone> = { active: "success", archived: "neutral", expired: "warning", limit_reached: "danger" };

export const STATUS_LABELS: Record<LinkStatusValue, string> = {
  active: "Active",
  archived: "Archived",
  expired: "Expired",
  limit_reached: "Limit reached",
};

export const SORT_LABELS: Record<LinkSort, string> = {
  created: "Newest",
  clicks: "Most clicks",
  title: "Title",
};
