/**
 * The trigger's subscription callback (crm-api.md §6.2): HighLevel POSTs it whenever a workflow
 * using "Smart link clicked" is created, updated or deleted. CREATED and UPDATED store (upsert)
 * the workflow's `targetUrl` and filters by the CRM's trigger id for the location's workspace;
 * DELETED removes it.
 *
 * Refusals: a location that never installed the app → 404 `not_found`; CREATED/UPDATED on an
 * uninstalled one → 403 `app_not_installed` (DELETED is still applied: removing is always safe);
 * a `targetUrl` other than the CRM's execute endpoint → 422 `invalid_input`; a trigger id already
 * stored for another location → 409 `conflict`.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { crmTriggerSubscriptions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getActiveLocationWorkspaceOrThrow, getLocationWorkspaceOrThrow } from "@/lib/workflows/locations";
import { TRIGGER_KEY, type TriggerSubscriptionPayload } from "@/lib/workflows/schemas";
import { checkTriggerTarget, type TargetConfig } from "@/lib/workflows/target-url";

export type SubscriptionOutcome =
  | { eventType: "CREATED" | "UPDATED"; subscriptionId: string; triggerId: string }
  | { eventType: "DELETED"; triggerId: string; deleted: boolean };

export async function applyTriggerSubscription(db: Db, config: TargetConfig, payload: TriggerSubscriptionPayload): Promise<SubscriptionOutcome> {
  const { triggerData, extras, meta } = payload;
  if (triggerData.eventType === "DELETED") {
    const workspace = await getLocationWorkspaceOrThrow(db, extras.locationId);
    const removed = await db
      .delete(crmTriggerSubscriptions)
      .where(and(eq(crmTriggerSubscriptions.workspaceId, workspace.id), eq(crmTriggerSubscriptions.triggerId, triggerData.id)))
      .returning({ id: crmTriggerSubscriptions.id });
    return { eventType: "DELETED", triggerId: triggerData.id, deleted: removed.length > 0 };
  }

  const workspace = await getActiveLocationWorkspaceOrThrow(db, extras.locationId);
  const target = checkTriggerTarget(triggerData.targetUrl ?? "", config);
  if (target.problem !== null) {
    throw new AppError("invalid_input", "Some fields are invalid", { fieldErrors: { "triggerData.targetUrl": [target.problem] } });
  }
  const values = {
    targetUrl: target.url,
    filters: triggerData.filters ?? [],
    workflowId: extras.workflowId ?? null,
    triggerVersion: meta?.version ?? null,
  };
  const [row] = await db
    .insert(crmTriggerSubscriptions)
    .values({ id: newId("trg"), workspaceId: workspace.id, triggerId: triggerData.id, triggerKey: TRIGGER_KEY, ...values })
    .onConflictDoUpdate({
      target: crmTriggerSubscriptions.triggerId,
      set: { ...values, updatedAt: new Date() },
      // A trigger id is the CRM's and names one workflow of one location: never move it to another workspace.
      setWhere: eq(crmTriggerSubscriptions.workspaceId, workspace.id),
    })
    .returning({ id: crmTriggerSubscriptions.id });
  if (!row) throw new AppError("conflict", "This trigger id is subscribed for another location");
  return { eventType: triggerData.eventType, subscriptionId: row.id, triggerId: triggerData.id };
}
