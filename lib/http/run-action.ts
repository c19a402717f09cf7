import { fieldErrorsOf, toErrorPayload, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { ZodError } from "zod";

/**
 * Server actions return a result instead of throwing: Next hides thrown messages in production,
 * and forms need field errors to show inline.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

export async function runAction<T>(fn: () => Promise<T>, name = "action"): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    const { body } = toErrorPayload(err, { action: name });
    const fieldErrors = err instanceof ZodError ? fieldErrorsOf(err) : fieldErrorsIn(body.error.details);
    return { ok: false, code: body.error.code, message: body.error.message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
}

/** Field errors an `AppError` carries in `details.fieldErrors` (e.g. a taken slug), when well-formed. */
function fieldErrorsIn(details: Record<string, unknown> | undefined): FieldErrors | undefined {
  const candidate = details?.fieldErrors;
  if (!candidate || typeof candidate !== "object") return undefined;
  const entries = Object.entries(candidate).filter(
    (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((m) => typeof m === "string"),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
