/**
 * Periodic background tasks: one timer per process and task name (Next's bundle and server.ts
 * share it through `processSingleton`), first run after a delay so start-up is not slowed down,
 * timers unref'd so they never keep a process alive. Tasks must be idempotent: every instance runs
 * them.
 */
import { processSingleton } from "@/lib/process-state";

/** Starts `run` every `intervalMs` (once per process); returns a function that stops it. */
export function startPeriodicTask(name: string, run: () => Promise<void>, intervalMs: number, firstRunDelayMs: number): () => void {
  return processSingleton(name, () => {
    let interval: NodeJS.Timeout | undefined;
    const first = setTimeout(() => {
      void run();
      interval = setInterval(() => void run(), intervalMs);
      interval.unref();
    }, firstRunDelayMs);
    first.unref();
    return () => {
      clearTimeout(first);
      if (interval) clearInterval(interval);
    };
  });
}
