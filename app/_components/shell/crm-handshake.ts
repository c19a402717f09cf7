/**
 * The embedded page's side of the CRM's SSO handshake (crm-api.md §2.2): ask the parent window
 * for the user (`REQUEST_USER_DATA`), take the first `REQUEST_USER_DATA_RESPONSE` it sends back.
 * The CRM's origin varies (white-label hosts), so the question goes to "*"; the answer is only
 * an encrypted blob that the server checks.
 */
import { z } from "zod";

export const HANDSHAKE_TIMEOUT_MS = 6_000;

const responseSchema = z.object({ message: z.literal("REQUEST_USER_DATA_RESPONSE"), payload: z.string().min(1) });

export function isEmbedded(): boolean {
  return window.parent !== window;
}

/** The encrypted payload, or null when the parent does not answer in time (or `signal` aborts). */
export function requestCrmUserData(signal: AbortSignal, timeoutMs = HANDSHAKE_TIMEOUT_MS): Promise<string | null> {
  return new Promise((resolve) => {
    const done = (payload: string | null) => {
      window.removeEventListener("message", onMessage);
      window.clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(payload);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const parsed = responseSchema.safeParse(event.data);
      if (parsed.success) done(parsed.data.payload);
    };
    const onAbort = () => done(null);
    const timer = window.setTimeout(() => done(null), timeoutMs);
    window.addEventListener("message", onMessage);
    signal.addEventListener("abort", onAbort);
    window.parent.postMessage({ message: "REQUEST_USER_DATA" }, "*");
  });
}
