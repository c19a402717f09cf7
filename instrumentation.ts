/**
 * Next's start-up hook. Only matters for deployments that run `next start` instead of server.ts:
 * the background work (job worker, click hooks) starts here, and buffered clicks are flushed on
 * SIGTERM/SIGINT (lib/clicks/flush-on-signal.ts). Under server.ts both are server.ts's job.
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { isCustomServer } = await import("@/lib/process-role");
    if (isCustomServer()) return;
    const { flushClicksOnSignals } = await import("@/lib/clicks/flush-on-signal");
    const { startBackgroundWork } = await import("@/lib/automation/start");
    startBackgroundWork();
    flushClicksOnSignals();
  }
}
