import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { NO_STORE, requireSandboxMode } from "@/lib/sandbox/config";
import { listSandboxContacts } from "@/lib/sandbox/control";
import { contactsQuerySchema, queryOf } from "@/lib/sandbox/schemas";

export const dynamic = "force-dynamic";

export const GET = handle(async (req) => {
  requireSandboxMode();
  const query = contactsQuerySchema.parse(queryOf(req.url));
  return Response.json(await listSandboxContacts(await getDb(), query), NO_STORE);
});
