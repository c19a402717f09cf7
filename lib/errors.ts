/**
 * One error class and one closed code → HTTP status table. Domain code throws `AppError`; the
 * route wrapper (`lib/http/handle.ts`) and the action wrapper (`lib/http/run-action.ts`) convert
 * it with `toErrorPayload`. Adding a code without a status is a compile error.
 */
import { ZodError } from "zod";
import { DatabaseUnavailableError } from "@/db/errors";
import { log } from "@/lib/log";

export const ERROR_STATUS = {
  /** The body is not JSON. */
  invalid_json: 400,
  /** No valid session or API key. */
  unauthorized: 401,
  /** An SSO payload that does not decrypt or parse. */
  invalid_sso_payload: 401,
  /** A webhook or callback whose signature or secret does not verify. */
  invalid_signature: 401,
  /** Authenticated, but this workspace/user may not do this. */
  forbidden: 403,
  /** The workspace's plan does not include the feature. */
  plan_required: 403,
  /** The CRM location has not installed the app (or uninstalled it). */
  app_not_installed: 403,
  not_found: 404,
  method_not_allowed: 405,
  slug_taken: 409,
  /** The request conflicts with the current state (e.g. a name already used). */
  conflict: 409,
  payload_too_large: 413,
  /** Input that fails validation; `details.fieldErrors` says which fields. */
  invalid_input: 422,
  rate_limited: 429,
  internal: 500,
  /** The CRM answered with an error or not at all. */
  crm_unavailable: 502,
  /** The database (or another dependency we own) is unreachable. */
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

export type FieldErrors = Record<string, string[]>;

/** Zod issues as `{ "utm.source": ["Too long"] }`; the empty path becomes `_`. */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Maps any thrown value to a status and the public error body. Only `AppError` messages reach
 * the user; anything unexpected is logged and answered with a generic 500.
 */
export function toErrorPayload(err: unknown, context: Record<string, unknown> = {}): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    const error = { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
    return { status: err.status, body: { error } };
  }
  if (err instanceof ZodError) {
    return {
      status: ERROR_STATUS.invalid_input,
      body: {
        error: { code: "invalid_input", message: "Some fields are invalid", details: { fieldErrors: fieldErrorsOf(err) } },
      },
    };
  }
  if (err instanceof DatabaseUnavailableError) {
    log.error("database unavailable", { ...context, err });
    return {
      status: ERROR_STATUS.service_unavailable,
      body: { error: { code: "service_unavailable", message: "The service is temporarily unavailable. Try again shortly." } },
    };
  }
  log.error("unexpected error", { ...context, err });
  return {
    status: ERROR_STATUS.internal,
    body: { error: { code: "internal", message: "Something went wrong. Try again, or contact support if it keeps happening." } },
  };
}
