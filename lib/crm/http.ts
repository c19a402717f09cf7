/**
 * The only code that sends HTTP to the CRM. Pins `Version: 2021-07-28`, parses every body with
 * zod, and turns every failure into a `CrmError`. Token handling (refresh on 401, single-flight)
 * sits above this in the CRM client.
 */
import type { z } from "zod";
import { CrmError } from "@/lib/crm/errors";

export const CRM_API_VERSION = "2021-07-28";
const DEFAULT_TIMEOUT_MS = 10_000;

export type RateLimitState = { remaining: number | null; max: number | null; intervalMs: number | null };

export type CrmRequest<S extends z.ZodType> = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  schema: S;
  token?: string;
  json?: unknown;
  form?: Record<string, string>;
  query?: Record<string, string | undefined>;
  /** Omit the Version header (the token endpoint lists none). */
  unversioned?: boolean;
  timeoutMs?: number;
};

export type CrmHttp = {
  request<S extends z.ZodType>(req: CrmRequest<S>): Promise<{ data: z.output<S>; rateLimit: RateLimitState }>;
};

function numberHeader(res: Response, name: string): number | null {
  const raw = res.headers.get(name);
  if (raw === null || raw.trim() === "") return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

export function rateLimitOf(res: Response): RateLimitState {
  return {
    remaining: numberHeader(res, "x-ratelimit-remaining"),
    max: numberHeader(res, "x-ratelimit-max"),
    intervalMs: numberHeader(res, "x-ratelimit-interval-milliseconds"),
  };
}

/** 429 carries no Retry-After in HighLevel's docs: wait the rate-limit interval (10 s by default). */
function retryAfterMsOf(res: Response): number {
  const retryAfter = numberHeader(res, "retry-after");
  if (retryAfter !== null) return retryAfter * 1000;
  return numberHeader(res, "x-ratelimit-interval-milliseconds") ?? 10_000;
}

function messageOf(body: unknown, fallback: string): string {
  if (body && typeof body === "object" && "message" in body) {
    const m = (body as { message: unknown }).message;
    if (typeof m === "string") return m;
    if (Array.isArray(m)) return m.map(String).join("; ");
  }
  return fallback;
}

/** `fetchImpl` defaults to the global fetch, looked up per request (so interceptors installed later apply). */
export function createCrmHttp(baseUrl: string, fetchImpl?: typeof fetch): CrmHttp {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    async request({ method, path, schema, token, json, form, query, unversioned, timeoutMs = DEFAULT_TIMEOUT_MS }) {
      const url = new URL(`${base}${path}`);
      for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
      const headers: Record<string, string> = { Accept: "application/json" };
      if (!unversioned) headers.Version = CRM_API_VERSION;
      if (token) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (form) {
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(form).toString();
      } else if (json !== undefined) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(json);
      }

      let res: Response;
      try {
        res = await (fetchImpl ?? globalThis.fetch)(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (err) {
        // The abort reason is a DOMException, which is not always `instanceof Error` across realms.
        const name = typeof err === "object" && err !== null && "name" in err ? String(err.name) : "";
        const timedOut = name === "TimeoutError" || name === "AbortError";
        throw new CrmError("unavailable", timedOut ? `The CRM did not answer within ${timeoutMs} ms` : "The CRM could not be reached");
      }

      const text = await res.text().catch(() => "");
      let parsed: unknown = undefined;
      try {
        parsed = text === "" ? undefined : JSON.parse(text);
      } catch {
        parsed = text;
      }
      const rateLimit = rateLimitOf(res);
      if (!res.ok) {
        const status = res.status;
        const message = messageOf(parsed, `The CRM answered ${status}`);
        if (status === 401) throw new CrmError("unauthorized", message, { status, body: parsed });
        if (status === 403) throw new CrmError("forbidden", message, { status, body: parsed });
        if (status === 404) throw new CrmError("not_found", message, { status, body: parsed });
        if (status === 429) throw new CrmError("rate_limited", message, { status, retryAfterMs: retryAfterMsOf(res) });
        if (status >= 500) throw new CrmError("unavailable", message, { status });
        throw new CrmError("rejected", message, { status, body: parsed });
      }
      const checked = schema.safeParse(parsed ?? {});
      if (!checked.success) {
        throw new CrmError("invalid_response", `Unexpected CRM response for ${method} ${path}`, { status: res.status });
      }
      return { data: checked.data, rateLimit };
    },
  };
}
