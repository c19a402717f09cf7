/**
 * Next's start-up hook, for deployments that run `next start` instead of server.ts (short links
 * then go through `app/[slug]/route.ts`). server.ts stops gracefully and flushes the click writer
 * itself; `next start` exits on SIGTERM/SIGINT once its server has closed, so from the signal on
 * clicks are written as they come and the queue is flushed at once. With NEXT_MANUAL_SIG_HANDLE
 * set, Next leaves the signals to us: flush, then exit.
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isCustomServer } = await import("@/lib/process-role");
  if (isCustomServer()) return;
  const { writeClicksImmediatelyFromNowOn } = await import("@/lib/clicks/record-click");
  // eslint-disable-next-line no-restricted-properties
  const exitAfterFlush = Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void writeClicksImmediatelyFromNowOn().finally(() => {
        if (exitAfterFlush) process.exit(0);
      });
    });
  }
}
