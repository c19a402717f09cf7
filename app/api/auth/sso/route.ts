import { sessionCookieHeader } from "@/lib/auth/session-cookie";
import { exchangeSso, ssoRequestSchema } from "@/lib/auth/sso-exchange";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

export const POST = handle(async (req) => {
  const input = await readJson(req, ssoRequestSchema, 32_000);
  const { crm, sessionSecret } = env();
  const answer = await exchangeSso(await getDb(), { ssoKey: crm.ssoKey, sessionSecret }, input);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if ("token" in answer) headers.append("Set-Cookie", sessionCookieHeader(answer.token, new Date(answer.expiresAt)));
  return Response.json(answer, { status: 200, headers });
});
