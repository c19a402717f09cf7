import type { z } from "zod";
import { AppError, toErrorPayload } from "@/lib/errors";

type Handler<C> = (req: Request, context: C) => Promise<Response>;

/** Route handler wrapper: the only place where thrown errors become JSON error responses. */
export function handle<C = unknown>(fn: Handler<C>): Handler<C> {
  return async (req, context) => {
    try {
      return await fn(req, context);
    } catch (err) {
      const { status, body } = toErrorPayload(err, { method: req.method, path: new URL(req.url).pathname });
      return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
    }
  };
}

/** Default request body limit for JSON APIs (CSV import has its own). */
export const MAX_JSON_BYTES = 1_000_000;

/**
 * Reads a JSON body and parses it with `schema`: `payload_too_large` past `maxBytes`,
 * `invalid_json` when it is not JSON, `invalid_input` (via ZodError) when it does not fit.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.output<S>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON");
  }
  return schema.parse(value);
}
