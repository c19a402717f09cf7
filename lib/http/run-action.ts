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
    const fieldErrors = err instanceof ZodError ? fieldErrorsOf(err) : undefined;
    return { ok: false, code: body.error.code, message: body.error.message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
}
