/**
 * Minted per-contact codes: a `links` row with `parentLinkId` (the link it was minted from) and
 * `contactId` (the one CRM contact it is bound to), on the parent's domain with a random slug.
 * The click path answers a code with its parent's destination, rules, protection and preview,
 * binds the contact (it wins over `?c=`) and counts the click against the parent
 * (lib/redirect/resolve-link.ts). Codes are hidden from the link list, never count as active
 * links for plan limits and carry no tags of their own.
 *
 * The contact is not checked here: callers verify it belongs to the workspace's location first
 * (`checkContact`), outside their transaction, because that may ask the CRM.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { links, type LinkRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { insertLinkRow } from "@/lib/links/write-helpers";

export type CodeParent = Pick<LinkRow, "id" | "workspaceId" | "domain" | "url" | "parentLinkId">;

/** Mints a code of `parent` for `contactId` (in the caller's transaction, if any). */
export async function mintContactCode(db: Db, parent: CodeParent, contactId: string): Promise<LinkRow> {
  if (parent.parentLinkId !== null) throw new AppError("invalid_input", "Per-contact codes are minted from links, not from other codes");
  return insertLinkRow(
    db,
    {
      id: newId("lnk"),
      workspaceId: parent.workspaceId,
      domain: parent.domain,
      // Informational only: a code always answers with its parent's current destination.
      url: parent.url,
      parentLinkId: parent.id,
      contactId,
    },
    undefined,
  );
}

/** Mints a code of the workspace's link `linkId` (not a code itself) for `contactId`; `not_found` otherwise. */
export async function mintContactCodeForLink(db: Db, workspaceId: string, linkId: string, contactId: string): Promise<LinkRow> {
  const [parent] = await db
    .select({ id: links.id, workspaceId: links.workspaceId, domain: links.domain, url: links.url, parentLinkId: links.parentLinkId })
    .from(links)
    .where(and(eq(links.workspaceId, workspaceId), eq(links.id, linkId), isNull(links.parentLinkId)))
    .limit(1);
  if (!parent) throw new AppError("not_found", "Link not found");
  return mintContactCode(db, parent, contactId);
}
