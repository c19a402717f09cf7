/**
 * Everything a server process runs in the background, started once per process: the click hooks
 * that enqueue CRM effects and workflow triggers, the job handlers, the job worker, the analytics
 * rollup worker and the hourly click retention.
 * server.ts calls it at start-up (and `stopBackgroundWork` on shutdown, after the clicks are
 * flushed); `next start` deployments get it from instrumentation.ts.
 */
import { startClickRetention } from "@/lib/analytics/retention";
import { registerClickEffects } from "@/lib/automation/register";
import { startRollupWorker } from "@/lib/clicks/rollups";
import { registerContactNameJobs } from "@/lib/crm/contact-names";
import { startJobWorker, stopJobWorker } from "@/lib/jobs/worker";
import { registerWorkflowEffects } from "@/lib/workflows/register";

export function startBackgroundWork(): void {
  registerClickEffects();
  registerWorkflowEffects();
  registerContactNameJobs();
  startJobWorker();
  startRollupWorker(); // analytics rollups of the clicks written, every second
  startClickRetention(); // clicks older than the plan's history, hourly
}

export function stopBackgroundWork(): Promise<void> {
  return stopJobWorker();
}
