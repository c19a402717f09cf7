/**
 * The workspace the embedded app shell shows. A CRM session (SSO, `sl_session` cookie) names
 * it; in sandbox mode with no session yet, the app opens on a local development workspace so a
 * newcomer sees a working app. With a real CRM and no session, the visitor is told how to open
 * the app.
 */
import { cookies } from "next/headers";
import { cache } from "react";
import { verifySessionToken } from "@/lib/auth/session-token";
import type { Plan } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ensureWorkspace, getWorkspaceOrThrow } from "@/lib/workspaces/queries";

export { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
/** The local development workspace used in sandbox mode before any CRM session exists. */
export const DEV_WORKSPACE = { crmLocationId: "sandbox-dev-location", name: "Development workspace", plan: "pro" } as const;

export type ShellWorkspace = {
  id: string;
  name: string;
  plan: Plan;
  whiteLabel: boolean;
  brandName: string | null;
};

/** Once per request (React `cache`): the layout and the page share the lookup. */
export const getShellWorkspace = cache(async (): Promise<ShellWorkspace> => {
  const config = env();
  const db = await getDb();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = token ? await verifySessionToken(config.sessionSecret, token) : null;
  let row;
  if (session) {
    row = await getWorkspaceOrThrow(db, session.workspaceId);
  } else if (config.crm.mode === "sandbox") {
    row = await ensureWorkspace(db, DEV_WORKSPACE);
  } else {
    throw new AppError("unauthorized", "Open Smart Links from your CRM to sign in.");
  }
  return {
    id: row.id,
    name: row.name,
    plan: row.plan,
    whiteLabel: row.whiteLabel,
    brandName: row.whiteLabel ? (row.branding.name ?? null) : null,
  };
});
