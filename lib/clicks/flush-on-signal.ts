/**
 * For `next start` deployments (no server.ts): Next exits on SIGTERM/SIGINT once its own server
 * has closed, so from the signal on clicks are written as they come and the queue is flushed at
 * once. With NEXT_MANUAL_SIG_HANDLE set, Next leaves the signals to us: flush, then exit.
 * server.ts stops gracefully by itself and never calls this (see lib/process-role.ts).
 */
import { writeClicksImmediatelyFromNowOn } from "@/lib/clicks/record-click";
import { isCustomServer } from "@/lib/process-role";

export function flushClicksOnSignals(): void {
  if (isCustomServer()) return;
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
