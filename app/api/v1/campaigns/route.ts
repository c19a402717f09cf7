import { requireApiAuth } from "@/lib/auth/require-session";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listCampaigns } from "@/lib/campaigns/queries";
import { createCampaignSchema } from "@/lib/campaigns/schemas";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

/** `{ items: Campaign[] }`, newest first. */
export const GET = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  return Response.json({ items: await listCampaigns(db, auth.workspaceId) }, { headers: { "Cache-Control": "private, no-store" } });
});

/** `{ name, tags?, description? }` → `201 { id, name, tags, … }`; a name already used (any case) → `409 conflict`. */
export const POST = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await readJson(req, createCampaignSchema);
  return Response.json(await createCampaign(db, auth.workspaceId, input), { status: 201 });
});
