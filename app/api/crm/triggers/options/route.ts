import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/handle";
import { searchParamsObject } from "@/lib/links/schemas";
import { listTriggerFilterOptions } from "@/lib/workflows/filter-options";
import { getActiveLocationWorkspaceOrThrow } from "@/lib/workflows/locations";
import { TRIGGER_FILTER_FIELDS } from "@/lib/workflows/schemas";
import { assertWorkflowSecret } from "@/lib/workflows/secret";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  field: z.enum(TRIGGER_FILTER_FIELDS, { error: `field is one of ${TRIGGER_FILTER_FIELDS.join(", ")}` }),
  locationId: z.string().trim().min(1).max(200),
});

/** `?field=link|tag|campaign&locationId=` → `{ options: [{ label, value }] }` for the trigger's filters (`X-Smart-Links-Secret` required). */
export const GET = handle(async (req) => {
  assertWorkflowSecret(req.headers, env().workflowSecret);
  const query = querySchema.parse(searchParamsObject(new URL(req.url).searchParams));
  const db = await getDb();
  const workspace = await getActiveLocationWorkspaceOrThrow(db, query.locationId);
  return Response.json({ options: await listTriggerFilterOptions(db, workspace.id, query.field) }, { headers: { "Cache-Control": "no-store" } });
});
