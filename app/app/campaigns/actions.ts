"use server";

/**
 * The Campaigns screen's writes. Each action authenticates with the session cookie (a missing or
 * expired session returns `unauthorized`; the client then refreshes into the SSO gate), parses
 * with the shared schema, calls lib, and returns an ActionResult — never a throw.
 */
import { headers } from "next/headers";
import { z } from "zod";
import { requireSession } from "@/lib/auth/require-session";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { createCampaignSchema, updateCampaignSchema, type CampaignDto } from "@/lib/campaigns/schemas";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { runAction, type ActionResult } from "@/lib/http/run-action";

const idSchema = z.string().trim().min(1).max(64);

async function sessionWorkspace() {
  const db = await getDb();
  const session = await requireSession(db, await headers(), env().sessionSecret);
  return { db, workspaceId: session.workspaceId };
}

export async function createCampaignAction(raw: unknown): Promise<ActionResult<CampaignDto>> {
  return runAction(async () => {
    const { db, workspaceId } = await sessionWorkspace();
    return createCampaign(db, workspaceId, createCampaignSchema.parse(raw));
  }, "createCampaignAction");
}

/** Rename and/or re-tag (`tags` replaces the set). */
export async function updateCampaignAction(id: unknown, raw: unknown): Promise<ActionResult<CampaignDto>> {
  return runAction(async () => {
    const { db, workspaceId } = await sessionWorkspace();
    return updateCampaign(db, workspaceId, idSchema.parse(id), updateCampaignSchema.parse(raw));
  }, "updateCampaignAction");
}

/** Deletes the campaign; its links stay, outside any campaign. */
export async function deleteCampaignAction(id: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { db, workspaceId } = await sessionWorkspace();
    const campaignId = idSchema.parse(id);
    await deleteCampaign(db, workspaceId, campaignId);
    return { id: campaignId };
  }, "deleteCampaignAction");
}
