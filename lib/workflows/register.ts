/**
 * Wires the workflow trigger into the click path and the job queue: the click-batch hook that
 * enqueues `crm.fire_trigger` jobs, and the job's handler. Called at server start (and by tests);
 * calling it again is a no-op.
 */
import { onClickBatch } from "@/lib/clicks/record-click";
import { registerJobHandler } from "@/lib/jobs/handlers";
import { processSingleton } from "@/lib/process-state";
import { enqueueTriggerFires, FIRE_TRIGGER_JOB, fireTriggerHandler } from "@/lib/workflows/fire-trigger";

export function registerWorkflowEffects(): void {
  // Once per process: Next's bundle and server.ts each load a copy of lib/, and two copies of
  // the hook would query the subscriptions twice per batch.
  processSingleton("workflow-effects", () => {
    onClickBatch(enqueueTriggerFires);
    registerJobHandler(FIRE_TRIGGER_JOB, fireTriggerHandler);
    return true;
  });
}
