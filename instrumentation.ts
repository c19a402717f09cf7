/**
 * Next's start-up hook. Only matters for deployments that run `next start` instead of server.ts:
 * buffered clicks are flushed on SIGTERM/SIGINT (lib/clicks/flush-on-signal.ts).
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { flushClicksOnSignals } = await import("@/lib/clicks/flush-on-signal");
    flushClicksOnSignals();
  }
}
