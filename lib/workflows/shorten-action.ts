/**
 * The action "Shorten links for contact" (crm-api.md §6.3): HighLevel POSTs the workflow step's
 * inputs (`data.message`, optional `campaignId` and `tags`) with the contact the workflow runs
 * for (`extras.contactId`), and uses the JSON answer as the step's outputs: the message with
 * every http(s) URL replaced by the contact's own short link, and the first short URL (or "")
 * for a later step such as an SMS. Same rules as `POST /api/v1/messages/shorten`.
 */
import type { ShortenedUrl } from "@/lib/messages/schemas";
import { shortenMessage, type ShortenDeps } from "@/lib/messages/shorten";
import { getActiveLocationWorkspaceOrThrow } from "@/lib/workflows/locations";
import type { ShortenActionPayload } from "@/lib/workflows/schemas";

export type ShortenActionOutput = {
  message: string;
  shortUrl: string;
  links: ShortenedUrl[];
  skipped: { original: string; reason: string }[];
};

export async function runShortenAction(deps: ShortenDeps, payload: ShortenActionPayload): Promise<ShortenActionOutput> {
  const workspace = await getActiveLocationWorkspaceOrThrow(deps.db, payload.extras.locationId);
  const result = await shortenMessage(deps, { workspaceId: workspace.id, userId: null }, {
    text: payload.data.message,
    contactId: payload.extras.contactId ?? undefined,
    campaignId: payload.data.campaignId ?? null,
    tags: payload.data.tags,
  });
  return { message: result.text, shortUrl: result.links[0]?.shortUrl ?? "", links: result.links, skipped: result.skipped };
}
