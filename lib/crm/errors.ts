/**
 * Every way a CRM call can fail, with whether trying again later can help. The job runner uses
 * `retryable` and `retryAfterMs` for backoff; request handlers map it to `crm_unavailable`.
 */
export type CrmErrorKind =
  /** 401: the token is expired or revoked (refresh once, then give up). */
  | "unauthorized"
  /** 403: the token lacks a scope or the location. */
  | "forbidden"
  | "not_found"
  /** 422/400: the CRM refused the request itself. */
  | "rejected"
  /** 429: over the rate limit; wait `retryAfterMs`. */
  | "rate_limited"
  /** 5xx, timeouts and network errors. */
  | "unavailable"
  /** A 2xx whose body does not have the documented shape. */
  | "invalid_response";

export class CrmError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; body?: unknown } = {},
  ) {
    super(message);
    this.name = "CrmError";
    this.retryable = kind === "rate_limited" || kind === "unavailable";
  }
}
