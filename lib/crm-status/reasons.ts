/**
 * CRM failures in plain words, for people who never saw an HTTP status. Two sources: a live
 * `CrmError` (Test writeback) and the `lastError` text a dead job kept (Unresolved activity),
 * which is a `CrmError` message, possibly prefixed with its kind, or whatever else a handler threw.
 */
import { CrmError, type CrmErrorKind } from "@/lib/crm/errors";

export const FAILURE_CODES = ["not_connected", "permission_denied", "contact_not_found", "rejected", "rate_limited", "crm_down", "timeout", "unexpected"] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export const FAILURE_LABELS: Record<FailureCode, string> = {
  not_connected: "Not installed",
  permission_denied: "Permission denied",
  contact_not_found: "Contact not found",
  rejected: "Rejected by the CRM",
  rate_limited: "Rate limited",
  crm_down: "CRM down",
  timeout: "CRM too slow",
  unexpected: "Unexpected error",
};

const FAILURE_ADVICE: Record<FailureCode, string> = {
  not_connected: "Smart Links is not installed on this location, or the CRM no longer accepts its access. Reinstall the app from the CRM's marketplace.",
  permission_denied: "The CRM refused: the app's access does not cover this location or action. Reinstall the app to grant the missing permissions.",
  contact_not_found: "The CRM does not know this contact (it may have been deleted or merged).",
  rejected: "The CRM refused the request as invalid.",
  rate_limited: "The CRM is receiving too many requests from Smart Links right now. Try again in a few seconds.",
  crm_down: "The CRM is down or could not be reached. Try again later; queued activity is retried automatically.",
  timeout: "The CRM did not answer in time. Try again later; queued activity is retried automatically.",
  unexpected: "Something unexpected went wrong while talking to the CRM.",
};

const KIND_TO_CODE: Record<CrmErrorKind, FailureCode> = {
  unauthorized: "not_connected",
  forbidden: "permission_denied",
  not_found: "contact_not_found",
  rejected: "rejected",
  rate_limited: "rate_limited",
  unavailable: "crm_down",
  invalid_response: "unexpected",
};

export type Failure = { code: FailureCode; label: string; message: string };

/** Thrown when a step of a CRM check runs past its own deadline. */
export class CrmTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The CRM did not answer within ${Math.round(timeoutMs / 1000)} s`);
    this.name = "CrmTimeoutError";
  }
}

/** A thrown value as a plain-words failure; the CRM's own message is appended when it says more. */
export function failureOf(err: unknown): Failure {
  if (err instanceof CrmTimeoutError) return { code: "timeout", label: FAILURE_LABELS.timeout, message: `${err.message}. ${FAILURE_ADVICE.timeout}` };
  if (err instanceof CrmError) {
    const code = err.kind === "unavailable" && /did not answer within/i.test(err.message) ? "timeout" : KIND_TO_CODE[err.kind];
    const advice = FAILURE_ADVICE[code];
    const crmSays = code === "rejected" || code === "permission_denied" || code === "contact_not_found" ? err.message.trim() : "";
    return { code, label: FAILURE_LABELS[code], message: crmSays ? `${advice} The CRM said: “${clip(crmSays, 200)}”` : advice };
  }
  return { code: "unexpected", label: FAILURE_LABELS.unexpected, message: FAILURE_ADVICE.unexpected };
}

/** Ordered: the first match wins (a 404 about a token is still "not connected"). */
const ERROR_TEXT_PATTERNS: readonly [RegExp, FailureCode][] = [
  [/\bnot installed\b|\bunauthori[sz]ed\b|invalid token|\b401\b|refresh this location's token|reinstall/i, "not_connected"],
  [/\bforbidden\b|permission|does not have access|\bscope\b|\b403\b/i, "permission_denied"],
  [/not[ _]found|\b404\b|no such contact|does not exist/i, "contact_not_found"],
  [/rate[ _-]?limit|too many requests|\b429\b/i, "rate_limited"],
  [/did not answer within|timed? ?out|timeout/i, "timeout"],
  [/unavailable|could not be reached|\b50[0-9]\b|econnrefused|network|socket|fetch failed/i, "crm_down"],
  [/rejected|\b4(00|09|22)\b|invalid|should not exist|must be/i, "rejected"],
];

const KIND_PREFIX = /^(unauthorized|forbidden|not_found|rejected|rate_limited|unavailable|invalid_response): /;

/**
 * The reason a job failed, read from its `lastError`: the worker writes a `CrmError` as
 * `{kind}: {message}` (lib/jobs/retry-policy.ts); other text is matched by its wording.
 */
export function failureCodeOfText(lastError: string | null): FailureCode {
  if (!lastError) return "unexpected";
  const kind = KIND_PREFIX.exec(lastError)?.[1] as CrmErrorKind | undefined;
  if (kind === "unavailable" && /did not answer within/i.test(lastError)) return "timeout";
  if (kind === "invalid_response") return "rejected";
  if (kind) return KIND_TO_CODE[kind];
  for (const [pattern, code] of ERROR_TEXT_PATTERNS) if (pattern.test(lastError)) return code;
  return "unexpected";
}

const PASSING_CAUSES = { crm_down: "the CRM was down or unreachable", timeout: "the CRM did not answer in time", rate_limited: "the CRM's rate limit" } as const;

export type JobReason = {
  code: FailureCode | "gave_up";
  /** Short, for a badge: "Contact not found", "Gave up after 8 tries". */
  label: string;
  /** A sentence for the row: what happened and what to do. */
  message: string;
  /** The last error as recorded, clipped (for the curious and for support). */
  detail: string | null;
};

/**
 * Why a dead job is unresolved. Failures the CRM will answer the same way every time (not found,
 * permission, rejected, not installed) are named; passing trouble (down, slow, rate limited)
 * that outlasted every retry is "gave up after N tries", with the last cause in the message.
 */
export function reasonOfDeadJob(lastError: string | null, attempts: number): JobReason {
  const code = failureCodeOfText(lastError);
  const detail = lastError ? clip(lastError.trim(), 300) : null;
  if (code === "crm_down" || code === "timeout" || code === "rate_limited" || code === "unexpected") {
    const cause = code === "unexpected" ? "" : ` Last cause: ${PASSING_CAUSES[code]}.`;
    const times = attempts === 1 ? "once" : `${attempts} times`;
    return { code: "gave_up", label: `Gave up after ${attempts} ${attempts === 1 ? "try" : "tries"}`, message: `Smart Links tried ${times} and stopped.${cause} Retry when the CRM is reachable.`, detail };
  }
  return { code, label: FAILURE_LABELS[code], message: FAILURE_ADVICE[code], detail };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
