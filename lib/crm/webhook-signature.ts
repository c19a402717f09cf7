/**
 * CRM webhooks carry `X-GHL-Signature`: an Ed25519 signature (base64) over the raw request
 * bytes. Verify the bytes as received (re-serialising JSON changes them) and fail closed.
 */
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";

export function verifyWebhookSignature(rawBody: Buffer | string, signature: string | null, publicKeyPem: string): boolean {
  if (!signature) return false;
  try {
    const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
    const sig = Buffer.from(signature, "base64");
    if (sig.length !== 64) return false;
    return verify(null, body, createPublicKey(publicKeyPem), sig);
  } catch {
    return false;
  }
}

/** Signs like the CRM does (used by the sandbox CRM to deliver its webhooks). */
export function signWebhookBody(rawBody: Buffer | string, privateKeyPem: string): string {
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
  return sign(null, body, createPrivateKey(privateKeyPem)).toString("base64");
}
