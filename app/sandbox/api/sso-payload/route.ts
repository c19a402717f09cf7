import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode, sandboxConfig } from "@/lib/sandbox/config";
import { buildSsoPayload } from "@/lib/sandbox/control";
import { queryOf, ssoPayloadQuerySchema } from "@/lib/sandbox/schemas";

export const dynamic = "force-dynamic";

/** The encrypted payload the shell posts to the iframe; no `locationId` = agency context. */
export const GET = handle(async (req) => {
  requireSandboxMode();
  const query = ssoPayloadQuerySchema.parse(queryOf(req.url));
  return Response.json(await buildSsoPayload(await getDb(), sandboxConfig().ssoKey, query), NO_STORE);
});
