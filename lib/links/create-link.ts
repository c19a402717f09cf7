import type { Db } from "@/db/client";
import { assertCampaignInWorkspace } from "@/lib/campaigns/queries";
import { hashLinkPassword } from "@/lib/gates/password";
import type { LinkRecord } from "@/lib/links/dto";
import { assertActiveLinkCapacity, assertLinkFeatures, resolveLinkDomain } from "@/lib/links/link-policy";
import { hasRules, type CreateLinkValues } from "@/lib/links/schemas";
import { addLinkTags, createdByOf, insertLinkRow } from "@/lib/links/write-helpers";
import { newId } from "@/lib/ids";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

/** Who acts: the workspace always; the CRM user when a session (not an API key) made the call. */
export type LinkActor = { workspaceId: string; userId: string | null };

/**
 * Creates a link with its tags in one transaction. Refuses, in this order: Pro-only features on
 * Starter (403 `plan_required`), a domain or campaign not of this workspace (422), the plan's
 * active-link limit (403 `plan_required`), a taken custom slug (409 `slug_taken`).
 */
export async function createLink(db: Db, actor: LinkActor, input: CreateLinkValues): Promise<LinkRecord> {
  const workspace = await getWorkspaceOrThrow(db, actor.workspaceId);
  assertLinkFeatures(workspace.plan, { rules: hasRules(input.rules), password: !!input.password });
  // scrypt takes ~30 ms: done before the transaction opens, not while it holds locks.
  const passwordHash = input.password ? await hashLinkPassword(input.password) : null;

  const record = await db.transaction(async (tx): Promise<LinkRecord> => {
    const domain = await resolveLinkDomain(tx, workspace, input.domain);
    const campaign = input.campaignId ? await assertCampaignInWorkspace(tx, workspace.id, input.campaignId) : null;
    await assertActiveLinkCapacity(tx, workspace.id, 1);
    const row = await insertLinkRow(
      tx,
      {
        id: newId("lnk"),
        workspaceId: workspace.id,
        domain,
        url: input.url,
        title: input.title ?? null,
        utm: input.utm ?? null,
        rules: input.rules ?? {},
        passwordHash,
        expiresAt: input.expiresAt ?? null,
        expiredUrl: input.expiredUrl ?? null,
        clickLimit: input.clickLimit ?? null,
        limitUrl: input.limitUrl ?? null,
        leadCapture: input.leadCapture ?? null,
        crm: { ...workspace.settings.automation, ...input.crm },
        preview: input.preview ?? null,
        campaignId: campaign?.id ?? null,
        createdByUserId: createdByOf(workspace.id, actor.userId),
      },
      input.slug,
    );
    const tags = await addLinkTags(tx, workspace.id, row.id, input.tags ?? []);
    return { row, tags, campaign: campaign ? { id: campaign.id, name: campaign.name } : null };
  });
  // Misses are cached too: the new (domain, slug) may be remembered as "no such link".
  invalidateLinkCache();
  return record;
}
