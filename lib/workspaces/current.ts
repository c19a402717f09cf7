/**
 * The workspace the embedded app shows: the one named by the CRM session (SSO → `sl_session`,
 * a partitioned cookie). With no valid session the shell renders the SSO gate instead, which
 * asks the CRM parent window for the user and signs in (or explains how to open the app).
 */
import { cookies } from "next/headers";
import { cache } from "react";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { verifySessionToken } from "@/lib/auth/session-token";
import type { Plan } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

export type ShellWorkspace = {
  id: string;
  /** The CRM location the workspace belongs to. */
  locationId: string;
  name: string;
  plan: Plan;
  whiteLabel: boolean;
  brandName: string | null;
  userId: string;
};

/** The signed-in workspace, or null without a valid session for an active workspace (once per request). */
export const findShellWorkspace = cache(async (): Promise<ShellWorkspace | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const session = await verifySessionToken(env().sessionSecret, token);
  if (!session) return null;
  const row = await getWorkspaceOrThrow(await getDb(), session.workspaceId).catch(() => null);
  if (!row || row.status !== "active") return null;
  return {
    id: row.id,
    locationId: row.crmLocationId,
    name: row.name,
    plan: row.plan,
    whiteLabel: row.whiteLabel,
    brandName: row.whiteLabel ? (row.branding.name ?? null) : null,
    userId: session.userId,
  };
});
