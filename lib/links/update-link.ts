import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { links, type LinkRow, type NewLinkRow } from "@/db/schema";
import { assertCampaignInWorkspace } from "@/lib/campaigns/queries";
import { AppError } from "@/lib/errors";
import { hashLinkPassword } from "@/lib/gates/password";
import type { LinkActor } from "@/lib/links/create-link";
import type { LinkRecord } from "@/lib/links/dto";
import {
  assertActiveLinkCapacity,
  assertLinkFeatures,
  resolveLinkDomain,
  slugTaken,
  type LinkWorkspace,
} from "@/lib/links/link-policy";
import { getLinkOrThrow, getLinkRecordOrThrow } from "@/lib/links/queries";
import { hasRules, type UpdateLinkValues } from "@/lib/links/schemas";
import { isUniqueViolation } from "@/lib/links/unique-violation";
import { replaceLinkTags } from "@/lib/links/write-helpers";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

/** Stable JSON for comparing stored jsonb with input (key order differs after a round trip). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Only fields present in the patch change; `null` clears (see `updateLinkSchema`). */
async function changesOf(
  tx: Db,
  workspace: LinkWorkspace,
  current: LinkRow,
  input: UpdateLinkValues,
  passwordHash: string | null | undefined,
): Promise<Partial<NewLinkRow>> {
  const set: Partial<NewLinkRow> = {};
  if (input.url !== undefined) set.url = input.url;
  if (input.slug !== undefined && input.slug !== current.slug) set.slug = input.slug;
  if (input.domain !== undefined && input.domain !== current.domain) set.domain = await resolveLinkDomain(tx, workspace, input.domain);
  if (input.title !== undefined) set.title = input.title;
  if (input.campaignId !== undefined) {
    set.campaignId = input.campaignId === null ? null : (await assertCampaignInWorkspace(tx, workspace.id, input.campaignId)).id;
  }
  if (input.utm !== undefined) set.utm = input.utm;
  if (input.rules !== undefined) set.rules = input.rules ?? {};
  if (passwordHash !== undefined) set.passwordHash = passwordHash;
  if (input.expiresAt !== undefined) set.expiresAt = input.expiresAt;
  if (input.expiredUrl !== undefined) set.expiredUrl = input.expiredUrl;
  if (input.clickLimit !== undefined) set.clickLimit = input.clickLimit;
  if (input.limitUrl !== undefined) set.limitUrl = input.limitUrl;
  if (input.leadCapture !== undefined) set.leadCapture = input.leadCapture;
  if (input.crm !== undefined) set.crm = input.crm === null ? {} : { ...current.crm, ...input.crm };
  if (input.preview !== undefined) set.preview = input.preview;
  if (input.status !== undefined && input.status !== current.status) {
    if (input.status === "active") await assertActiveLinkCapacity(tx, workspace.id, 1);
    set.status = input.status;
  }
  return set;
}

/**
 * Applies a PATCH in one transaction. Pro-only features are refused on Starter only when the
 * patch adds or changes them, so a downgraded workspace can still edit its links' other
 * fields. A slug or domain change moves the short URL (taken → 409 `slug_taken`).
 */
export async function updateLink(db: Db, actor: LinkActor, id: string, input: UpdateLinkValues): Promise<LinkRecord> {
  const existing = await getLinkOrThrow(db, actor.workspaceId, id);
  const workspace = await getWorkspaceOrThrow(db, actor.workspaceId);
  const rulesChanged = input.rules != null && hasRules(input.rules) && canonical(input.rules) !== canonical(existing.rules);
  assertLinkFeatures(workspace.plan, { rules: rulesChanged, password: !!input.password });
  const passwordHash = input.password ? await hashLinkPassword(input.password) : input.password === null ? null : undefined;

  try {
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(links)
        .where(and(eq(links.workspaceId, workspace.id), eq(links.id, id), isNull(links.parentLinkId)))
        .for("update");
      if (!current) throw new AppError("not_found", "Link not found");
      const set = await changesOf(tx, workspace, current, input, passwordHash);
      if (Object.keys(set).length > 0) {
        await tx.update(links).set(set).where(and(eq(links.workspaceId, workspace.id), eq(links.id, id)));
      }
      if (input.tags !== undefined) await replaceLinkTags(tx, workspace.id, id, input.tags);
    });
  } catch (err) {
    if (isUniqueViolation(err, "links_domain_slug_uq")) throw slugTaken(input.slug ?? existing.slug);
    throw err;
  }
  invalidateLinkCache();
  return getLinkRecordOrThrow(db, workspace.id, id);
}
