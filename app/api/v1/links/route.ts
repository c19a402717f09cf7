import { requireApiAuth } from "@/lib/auth/require-session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";
import { createLink } from "@/lib/links/create-link";
import { toLinkDto } from "@/lib/links/dto";
import { listLinks } from "@/lib/links/queries";
import { createLinkSchema, listLinksQuerySchema, searchParamsObject } from "@/lib/links/schemas";

export const dynamic = "force-dynamic";

/** `?q=&tag=&campaignId=&status=&sort=&order=&cursor=&limit=` → `{ items, nextCursor }`. */
export const GET = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const query = listLinksQuerySchema.parse(searchParamsObject(new URL(req.url).searchParams));
  const now = new Date();
  const page = await listLinks(db, auth.workspaceId, query, now);
  const items = page.items.map((record) => toLinkDto(record, { now }));
  return Response.json({ items, nextCursor: page.nextCursor }, { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = handle(async (req) => {
  const db = await getDb();
  const auth = await requireApiAuth(db, req.headers, env().sessionSecret);
  const input = await readJson(req, createLinkSchema);
  const link = await createLink(db, auth, input);
  return Response.json(toLinkDto(link), { status: 201 });
});
