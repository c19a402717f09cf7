import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";
import { createTag } from "@/lib/tags/create-tag";
import { listTags } from "@/lib/tags/queries";
import { createTagSchema } from "@/lib/tags/schemas";

export const dynamic = "force-dynamic";

/** `{ items: Tag[] }`, A→Z, each with its link count. */
export const GET = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  return Response.json({ items: await listTags(db, auth.workspaceId) }, { headers: { "Cache-Control": "private, no-store" } });
});

/** `{ name, color? }` → `201` the tag; a name already used (any case) → `409 conflict`. */
export const POST = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await readJson(req, createTagSchema);
  return Response.json(await createTag(db, auth.workspaceId, input), { status: 201 });
});
