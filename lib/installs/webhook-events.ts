/**
 * `POST /api/webhooks/crm`: verify the Ed25519 signature over the raw bytes, refuse stale
 * deliveries, record each `webhookId` once, then apply it. The CRM retries only on 429, so a
 * delivery we cannot store is answered 429 on purpose.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { leads, webhookEvents, workspaces } from "@/db/schema";
import { eraseContactFromClicks } from "@/lib/clicks/delete-clicks";
import { eraseCachedContact } from "@/lib/crm/contact-names";
import type { CrmDeps } from "@/lib/crm/tokens";
import { verifyWebhookSignature } from "@/lib/crm/webhook-signature";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { applyInstallEvent, planOf, type PlanIds } from "@/lib/installs/install-app";
import { uninstallCompany, uninstallLocation } from "@/lib/installs/uninstall-app";
import { forgetLeadContact } from "@/lib/automation/lead-contacts";

/** Deliveries older than this (by their own `timestamp`) are refused as replays. */
export const MAX_WEBHOOK_AGE_MS = 5 * 60_000;

const optionalId = z.string().min(1).nullish();
const eventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("INSTALL"), locationId: optionalId, companyId: optionalId, planId: optionalId, companyName: z.string().nullish() }).loose(),
  z.object({ type: z.literal("UNINSTALL"), locationId: optionalId, companyId: optionalId }).loose(),
  z.object({ type: z.literal("PLAN_CHANGE"), locationId: z.string().min(1), newPlanId: z.string().min(1), currentPlanId: optionalId }).loose(),
  z.object({ type: z.literal("ContactDelete"), locationId: z.string().min(1), id: z.string().min(1) }).loose(),
]);
const envelopeSchema = z.object({ type: z.string().min(1), webhookId: z.string().min(1), timestamp: z.string().min(1) }).loose();

export type WebhookConfig = { publicKey: string; planIds: PlanIds; graceDays: number };
export type WebhookOutcome = { status: "applied" | "duplicate" | "ignored"; type: string };

export async function receiveCrmWebhook(
  deps: CrmDeps,
  config: WebhookConfig,
  rawBody: string,
  signature: string | null,
  now: Date = new Date(),
): Promise<WebhookOutcome> {
  if (!verifyWebhookSignature(rawBody, signature, config.publicKey)) {
    throw new AppError("invalid_signature", signature ? "The webhook signature does not verify" : "The webhook is not signed");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new AppError("invalid_json", "The webhook body is not valid JSON");
  }
  const envelope = envelopeSchema.parse(parsed);
  const sentAt = Date.parse(envelope.timestamp);
  if (!Number.isFinite(sentAt) || Math.abs(now.getTime() - sentAt) > MAX_WEBHOOK_AGE_MS) {
    throw new AppError("invalid_signature", "The webhook is stale (timestamp outside 5 minutes)");
  }

  let firstDelivery: boolean;
  try {
    const inserted = await deps.db
      .insert(webhookEvents)
      .values({
        webhookId: envelope.webhookId,
        type: envelope.type,
        locationId: typeof envelope.locationId === "string" ? envelope.locationId : null,
        companyId: typeof envelope.companyId === "string" ? envelope.companyId : null,
        payload: envelope,
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.webhookId });
    firstDelivery = inserted.length > 0;
  } catch {
    throw new AppError("rate_limited", "The event could not be stored; deliver it again later");
  }
  if (!firstDelivery) return { status: "duplicate", type: envelope.type };

  const known = eventSchema.safeParse(parsed);
  if (known.success) {
    try {
      await applyEvent(deps, config, known.data, now);
    } catch (err) {
      // Forget the delivery so the CRM's retry (it retries on 429 only) applies it later.
      await deps.db.delete(webhookEvents).where(eq(webhookEvents.webhookId, envelope.webhookId)).catch(() => {});
      log.error("webhook could not be applied", { type: envelope.type, webhookId: envelope.webhookId, err });
      throw new AppError("rate_limited", "The event could not be applied now; deliver it again later");
    }
  }
  await deps.db.update(webhookEvents).set({ processedAt: now }).where(eq(webhookEvents.webhookId, envelope.webhookId));
  return { status: known.success ? "applied" : "ignored", type: envelope.type };
}

async function applyEvent(deps: CrmDeps, config: WebhookConfig, event: z.output<typeof eventSchema>, now: Date): Promise<void> {
  switch (event.type) {
    case "INSTALL":
      await applyInstallEvent(deps, config.planIds, event);
      return;
    case "UNINSTALL":
      if (event.locationId) await uninstallLocation(deps.db, event.locationId, config.graceDays, now);
      else if (event.companyId) await uninstallCompany(deps.db, event.companyId, now);
      return;
    case "PLAN_CHANGE":
      // The plan changes only once the CRM confirms it; the UI picks it up on its next load.
      await deps.db
        .update(workspaces)
        .set({ plan: planOf(config.planIds, event.newPlanId), crmPlanId: event.newPlanId })
        .where(eq(workspaces.crmLocationId, event.locationId));
      invalidateLinkCache(); // plan-gated routing changes what a short URL answers
      return;
    case "ContactDelete":
      await eraseContact(deps, event.locationId, event.id, now);
      return;
  }
}

/**
 * Clicks and leads keep their counts but lose the contact; our copy of the contact's name and
 * email is erased (the cache row stays, marked erased), and each lead of the contact loses its
 * name, email, phone and form fields.
 */
async function eraseContact(deps: CrmDeps, locationId: string, contactId: string, now: Date): Promise<void> {
  const [workspace] = await deps.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.crmLocationId, locationId)).limit(1);
  if (!workspace) return;
  await deps.db.transaction(async (tx) => {
    await eraseContactFromClicks(tx, workspace.id, contactId);
    await eraseCachedContact(tx, workspace.id, contactId, now);
    await tx
      .update(leads)
      .set({ crmContactId: null, name: null, email: null, phone: null, fields: {}, erasedAt: now })
      .where(and(eq(leads.workspaceId, workspace.id), eq(leads.crmContactId, contactId)));
  });
  forgetLeadContact(contactId); // this process stops attributing that browser's clicks at once
}
