/**
 * Errors of the sandbox CRM's HTTP API, in HighLevel's shapes (crm-api.md §1.2, §3.3): NestJS
 * bodies `{statusCode, message, error?}`, 422 with a message array, and the OAuth server's
 * messages on the token endpoint. Handlers throw `SandboxCrmError`; the router answers it.
 */
import type { z } from "zod";

export type CrmErrorBody = { statusCode: number; message: string | string[]; error?: string; [extra: string]: unknown };

export class SandboxCrmError extends Error {
  constructor(
    readonly status: number,
    readonly body: CrmErrorBody,
  ) {
    super(Array.isArray(body.message) ? body.message.join("; ") : body.message);
    this.name = "SandboxCrmError";
  }
}

export const INVALID_TOKEN_MESSAGE = "Invalid token: access token is invalid";

export const crmErrors = {
  badRequest: (message: string, extra: Record<string, unknown> = {}) => new SandboxCrmError(400, { statusCode: 400, message, ...extra }),
  /** The OAuth server's errors (`/oauth/token`): 400 with an OAuth error code. */
  oauth: (error: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type", message: string) =>
    new SandboxCrmError(400, { statusCode: 400, message, error }),
  invalidToken: () => new SandboxCrmError(401, { statusCode: 401, message: INVALID_TOKEN_MESSAGE, error: "Unauthorized" }),
  /** A token of the wrong class (e.g. a Company token on a Location-only endpoint). */
  wrongTokenClass: () =>
    new SandboxCrmError(401, {
      statusCode: 401,
      message: "This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.",
      error: "Unauthorized",
    }),
  noAccessToLocation: () => new SandboxCrmError(403, { statusCode: 403, message: "The token does not have access to this location.", error: "Forbidden" }),
  noAccessToCompany: () => new SandboxCrmError(403, { statusCode: 403, message: "The token does not have access to this company.", error: "Forbidden" }),
  notFound: (message: string) => new SandboxCrmError(404, { statusCode: 404, message, error: "Not Found" }),
  unprocessable: (messages: string[]) => new SandboxCrmError(422, { statusCode: 422, message: messages, error: "Unprocessable Entity" }),
  tooManyRequests: () => new SandboxCrmError(429, { statusCode: 429, message: "Too many requests, please try again later.", error: "Too Many Requests" }),
  unavailable: () => new SandboxCrmError(503, { statusCode: 503, message: "Service Unavailable" }),
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A zod issue worded like class-validator (what HighLevel's NestJS API answers). */
function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.map(String).join(".") || "body";
  switch (issue.code) {
    case "invalid_type":
      if (valueAt(input, issue.path) === undefined) return `${path} should not be empty`;
      return issue.expected === "array" ? `${path} must be an array` : `${path} must be a ${issue.expected}`;
    case "too_small":
      return issue.origin === "number" ? `${path} must not be less than ${String(issue.minimum)}` : `${path} should not be empty`;
    case "too_big":
      return issue.origin === "number" ? `${path} must not be greater than ${String(issue.maximum)}` : `${path} is too long`;
    case "invalid_value":
      return `${path} must be one of the following values: ${issue.values.map(String).join(", ")}`;
    case "custom":
      return issue.message;
    default:
      return `${path} ${issue.message}`;
  }
}

/**
 * Parses a request body like HighLevel's validation pipe: properties outside `allowed` are
 * refused ("property x should not exist"), every problem is listed, and the answer is a 422.
 */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown, allowed?: readonly string[]): z.output<S> {
  const messages: string[] = [];
  if (allowed && input !== null && typeof input === "object" && !Array.isArray(input)) {
    for (const key of Object.keys(input)) if (!allowed.includes(key)) messages.push(`property ${key} should not exist`);
  }
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) messages.push(...parsed.error.issues.map((i) => issueMessage(i, input)));
  if (messages.length > 0 || !parsed.success) throw crmErrors.unprocessable(messages);
  return parsed.data;
}
