/**
 * The workflow callbacks' shared secret: HighLevel sends it as a static header configured with
 * the trigger and the action (`X-Smart-Links-Secret: {WORKFLOW_SECRET}`). Compared in constant
 * time: both sides are hashed first, so neither the content nor the length leaks through timing.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import { WORKFLOW_SECRET_HEADER } from "@/lib/workflows/schemas";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

export function isWorkflowSecret(given: string | null, secret: string): boolean {
  if (!given || !secret) return false;
  return timingSafeEqual(digest(given), digest(secret));
}

/** `invalid_signature` (401) unless the request carries the workflow secret. */
export function assertWorkflowSecret(headers: Headers, secret: string): void {
  if (!isWorkflowSecret(headers.get(WORKFLOW_SECRET_HEADER), secret)) {
    throw new AppError("invalid_signature", `Send the ${WORKFLOW_SECRET_HEADER} header with the workflow secret`);
  }
}
