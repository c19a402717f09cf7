/** `?window=&linkId=&campaignId=` of the analytics and CSV endpoints → the query layer's input. */
import { z } from "zod";
import type { Db } from "@/db/client";
import type { AnalyticsInput } from "@/lib/analytics/panels";
import { ANALYTICS_WINDOWS } from "@/lib/analytics/types";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

export const DEFAULT_WINDOW = "30d";

const idSchema = z.string().trim().min(1).max(64);

export const analyticsQuerySchema = z
  .object({
    window: z.enum(ANALYTICS_WINDOWS, { error: "window must be 7d, 30d, 90d or all" }).default(DEFAULT_WINDOW),
    linkId: idSchema.optional(),
    campaignId: idSchema.optional(),
  })
  .strict()
  .refine((q) => !(q.linkId && q.campaignId), { message: "Pass linkId or campaignId, not both", path: ["campaignId"] });

/** The input for `getAnalytics` with the workspace's plan (which bounds "all"). */
export async function analyticsInput(db: Db, workspaceId: string, params: Record<string, string>, now: Date = new Date()): Promise<AnalyticsInput> {
  const query = analyticsQuerySchema.parse(params);
  const workspace = await getWorkspaceOrThrow(db, workspaceId);
  const scope: AnalyticsInput["scope"] = query.linkId
    ? { kind: "link", linkId: query.linkId }
    : query.campaignId
      ? { kind: "campaign", campaignId: query.campaignId }
      : { kind: "workspace" };
  return { workspaceId, scope, window: query.window, plan: workspace.plan, now };
}
