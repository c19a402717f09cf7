import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";
import { deleteLink } from "@/lib/links/delete-link";
import { toLinkDto } from "@/lib/links/dto";
import { getLinkRecordOrThrow } from "@/lib/links/queries";
import { updateLinkSchema } from "@/lib/links/schemas";
import { updateLink } from "@/lib/links/update-link";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const link = await getLinkRecordOrThrow(db, auth.workspaceId, (await params).id);
  return Response.json(toLinkDto(link), { headers: { "Cache-Control": "private, no-store" } });
});

/** Any create field, plus `status: "archived" | "active"`; `null` clears an optional field. */
export const PATCH = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await readJson(req, updateLinkSchema);
  const link = await updateLink(db, auth, (await params).id, input);
  return Response.json(toLinkDto(link));
});

export const DELETE = handle<Context>(async (req, { params }) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  await deleteLink(db, auth.workspaceId, (await params).id);
  return new Response(null, { status: 204 });
});
