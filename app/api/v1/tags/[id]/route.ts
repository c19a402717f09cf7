import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";
import { deleteTag } from "@/lib/tags/delete-tag";
import { getTagDtoOrThrow } from "@/lib/tags/queries";
import { updateTagSchema } from "@/lib/tags/schemas";
import { updateTag } from "@/lib/tags/update-tag";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  return Response.json(await getTagDtoOrThrow(db, auth.workspaceId, (await params).id), {
    headers: { "Cache-Control": "private, no-store" },
  });
});

/** Rename and/or recolour: `{ name?, color? }`; every link with the tag follows. */
export const PATCH = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await readJson(req, updateTagSchema);
  return Response.json(await updateTag(db, auth.workspaceId, (await params).id, input));
});

/** Removes the tag from the workspace and from every link and campaign → `204`. */
export const DELETE = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  await deleteTag(db, auth.workspaceId, (await params).id);
  return new Response(null, { status: 204 });
});
