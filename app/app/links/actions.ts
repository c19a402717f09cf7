"use server";

/**
 * The Links screens' writes. Each action authenticates with the session cookie (a missing or
 * expired session returns `unauthorized`; the client then refreshes and the SSO gate re-signs
 * in), parses with the shared schema, calls lib, and returns an ActionResult — never a throw.
 */
import { headers } from "next/headers";
import { requireSession } from "@/lib/auth/require-session";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { createCampaignSchema, type CampaignDto } from "@/lib/campaigns/schemas";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { runAction, type ActionResult } from "@/lib/http/run-action";
import { bulkUpdateLinks } from "@/lib/links/bulk";
import { createLink, type LinkActor } from "@/lib/links/create-link";
import { deleteLink } from "@/lib/links/delete-link";
import { toLinkDto } from "@/lib/links/dto";
import { bulkLinksSchema, createLinkSchema, updateLinkSchema, type BulkLinksResult, type LinkDto } from "@/lib/links/schemas";
import { updateLink } from "@/lib/links/update-link";
import { z } from "zod";

const idSchema = z.string().trim().min(1).max(64);

async function sessionActor() {
  const db = await getDb();
  const session = await requireSession(db, await headers(), env().sessionSecret);
  const actor: LinkActor = { workspaceId: session.workspaceId, userId: session.userId };
  return { db, actor };
}

export async function createLinkAction(raw: unknown): Promise<ActionResult<LinkDto>> {
  return runAction(async () => {
    const { db, actor } = await sessionActor();
    return toLinkDto(await createLink(db, actor, createLinkSchema.parse(raw)));
  }, "createLinkAction");
}

export async function updateLinkAction(id: unknown, raw: unknown): Promise<ActionResult<LinkDto>> {
  return runAction(async () => {
    const { db, actor } = await sessionActor();
    return toLinkDto(await updateLink(db, actor, idSchema.parse(id), updateLinkSchema.parse(raw)));
  }, "updateLinkAction");
}

/** Archive or restore one link (the row menu); the same PATCH as the form's `status`. */
export async function setLinkStatusAction(id: unknown, status: unknown): Promise<ActionResult<LinkDto>> {
  return runAction(async () => {
    const { db, actor } = await sessionActor();
    const patch = updateLinkSchema.pick({ status: true }).required().parse({ status });
    return toLinkDto(await updateLink(db, actor, idSchema.parse(id), patch));
  }, "setLinkStatusAction");
}

export async function deleteLinkAction(id: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { db, actor } = await sessionActor();
    const linkId = idSchema.parse(id);
    await deleteLink(db, actor.workspaceId, linkId);
    return { id: linkId };
  }, "deleteLinkAction");
}

export async function bulkLinksAction(raw: unknown): Promise<ActionResult<BulkLinksResult>> {
  return runAction(async () => {
    const { db, actor } = await sessionActor();
    return bulkUpdateLinks(db, actor, bulkLinksSchema.parse(raw));
  }, "bulkLinksAction");
}

/** The form's inline "New campaign". */
export async function createCampaignAction(raw: unknown): Promise<ActionResult<CampaignDto>> {
  return runAction(async () => {
    const { db, actor } = await sessionActor();
    return createCampaign(db, actor.workspaceId, createCampaignSchema.parse(raw));
  }, "createCampaignAction");
}
