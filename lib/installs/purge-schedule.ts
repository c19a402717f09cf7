/**
 * The background job that deletes uninstalled workspaces once their grace period is over
 * (`UNINSTALL_GRACE_DAYS`). One timer per process (started by server.ts); running it on every
 * instance is safe because the delete is idempotent.
 */
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { startPeriodicTask } from "@/lib/schedule";
import { purgeExpiredWorkspaces } from "@/lib/installs/uninstall-app";

export const PURGE_INTERVAL_MS = 60 * 60_000;
/** The first run waits a little so start-up is not slowed down. */
const FIRST_RUN_DELAY_MS = 30_000;

async function runOnce(): Promise<void> {
  try {
    const purged = await purgeExpiredWorkspaces(await getDb(), new Date());
    if (purged.length > 0) log.info("purged uninstalled workspaces", { count: purged.length, ids: purged });
  } catch (err) {
    log.error("workspace purge failed", { err });
  }
}

/** Starts the hourly purge (once per process); returns a function that stops it. */
export function startWorkspacePurge(): () => void {
  return startPeriodicTask("workspace-purge", runOnce, PURGE_INTERVAL_MS, FIRST_RUN_DELAY_MS);
}
