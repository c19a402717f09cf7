import { requireApiAuth } from "@/lib/auth/require-session";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { getCampaignDtoOrThrow } from "@/lib/campaigns/queries";
import { updateCampaignSchema } from "@/lib/campaigns/schemas";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  return Response.json(await getCampaignDtoOrThrow(db, auth.workspaceId, (await params).id), {
    headers: { "Cache-Control": "private, no-store" },
  });
});

/** `{ name?, tags?, description?, archived? }`; `tags` replaces the campaign's tag set. */
export const PATCH = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await readJson(req, updateCampaignSchema);
  return Response.json(await updateCampaign(db, auth.workspaceId, (await params).id, input));
});

/** Deletes the campaign; its links stay, outside any campaign → `204`. */
export const DELETE = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  await deleteCampaign(db, auth.workspaceId, (await params).id);
  return new Response(null, { status: 204 });
});
