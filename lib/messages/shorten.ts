/**
 * Shortens every http(s) URL of a message for one contact (`POST /api/v1/messages/shorten` and
 * the workflow action "Shorten links for contact"): each URL becomes a new link with that URL
 * as its destination and the message's tags and campaign, then — when a contact is named — a
 * per-contact code minted from it, whose short URL replaces the URL in the text. Two mentions
 * of the same URL are two links: each mention is its own click target. Everything else in the
 * text stays byte for byte.
 *
 * Order of refusals: too many URLs (422 `invalid_input` on `text`); a contact the CRM does not
 * place in the workspace's location (422 `invalid_input` on `contactId`, asked of the CRM once
 * and cached; the CRM unreachable → 502 `crm_unavailable`); a campaign not of this workspace
 * (422 on `campaignId`); the plan's active-link limit (403 `plan_required`). All links and codes
 * are written in one transaction: on any refusal nothing is.
 */
import type { Db } from "@/db/client";
import { linkTags, type WorkspaceRow } from "@/db/schema";
import { assertCampaignInWorkspace } from "@/lib/campaigns/queries";
import { checkContact } from "@/lib/crm/contact-check";
import { CrmError } from "@/lib/crm/errors";
import type { CrmDeps } from "@/lib/crm/tokens";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { LinkActor } from "@/lib/links/create-link";
import { shortUrlOf } from "@/lib/links/dto";
import { assertActiveLinkCapacity, resolveLinkDomain } from "@/lib/links/link-policy";
import { mintContactCode } from "@/lib/links/per-contact";
import { createdByOf, insertLinkRow } from "@/lib/links/write-helpers";
import { findUrls, replaceUrls } from "@/lib/messages/find-urls";
import { MESSAGE_URLS_MAX, type ShortenedUrl, type ShortenMessageResult, type ShortenMessageValues } from "@/lib/messages/schemas";
import { invalidateLinkCache } from "@/lib/redirect/link-cache";
import { ensureTags } from "@/lib/tags/queries";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

export type ShortenDeps = {
  db: Db;
  /** The CRM, asked only when a contact is named and not checked before. */
  crm: () => Promise<CrmDeps>;
};

function fieldError(field: string, message: string): AppError {
  return new AppError("invalid_input", "Some fields are invalid", { fieldErrors: { [field]: [message] } });
}

/** Refuses a contact id that is not one of the workspace's location's contacts. */
async function assertContactOfLocation(deps: ShortenDeps, workspace: WorkspaceRow, contactId: string): Promise<void> {
  let belongs: boolean;
  try {
    ({ belongs } = await checkContact(await deps.crm(), workspace.id, workspace.crmLocationId, contactId));
  } catch (err) {
    if (!(err instanceof CrmError)) throw err;
    throw new AppError("crm_unavailable", "The CRM could not confirm the contact right now. Try again shortly.", { crmError: err.kind });
  }
  if (!belongs) throw fieldError("contactId", "No contact with this id in this location");
}

export async function shortenMessage(deps: ShortenDeps, actor: LinkActor, input: ShortenMessageValues): Promise<ShortenMessageResult> {
  const { urls, skipped } = findUrls(input.text);
  if (urls.length > MESSAGE_URLS_MAX) {
    throw fieldError("text", `At most ${MESSAGE_URLS_MAX} URLs can be shortened in one message (this one has ${urls.length})`);
  }
  const workspace = await getWorkspaceOrThrow(deps.db, actor.workspaceId);
  if (workspace.status !== "active") throw new AppError("app_not_installed", "Smart Links is no longer installed on this location");
  const contactId = input.contactId ?? null;
  // Before the transaction: it may call the CRM, and PGlite has one connection.
  if (contactId) await assertContactOfLocation(deps, workspace, contactId);

  const shortBaseUrl = env().shortBaseUrl;
  const links = await deps.db.transaction(async (tx): Promise<ShortenedUrl[]> => {
    const campaign = input.campaignId ? await assertCampaignInWorkspace(tx, workspace.id, input.campaignId) : null;
    if (urls.length === 0) return [];
    const domain = await resolveLinkDomain(tx, workspace, undefined);
    await assertActiveLinkCapacity(tx, workspace.id, urls.length);
    const tagRows = await ensureTags(tx, workspace.id, input.tags ?? []);
    const createdBy = createdByOf(workspace.id, actor.userId);
    const out: ShortenedUrl[] = [];
    for (const found of urls) {
      const row = await insertLinkRow(
        tx,
        {
          id: newId("lnk"),
          workspaceId: workspace.id,
          domain,
          url: found.url,
          crm: { ...workspace.settings.automation },
          campaignId: campaign?.id ?? null,
          createdByUserId: createdBy,
        },
        undefined,
      );
      if (tagRows.length > 0) await tx.insert(linkTags).values(tagRows.map((t) => ({ linkId: row.id, tagId: t.id })));
      const code = contactId ? await mintContactCode(tx, row, contactId) : null;
      const target = code ?? row;
      out.push({ original: found.url, shortUrl: shortUrlOf(target.domain, target.slug, shortBaseUrl), id: row.id, codeId: code?.id ?? null });
    }
    return out;
  });
  // Misses are cached too: a new (domain, slug) may be remembered as "no such link".
  if (links.length > 0) invalidateLinkCache();

  return {
    text: replaceUrls(input.text, urls, (url, i) => links[i]?.shortUrl ?? url.url),
    links,
    skipped: skipped.map((s) => ({ original: s.url, reason: s.reason })),
  };
}
