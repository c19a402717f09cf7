import type { Db } from "@/db/client";
import type { WorkspaceRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findWorkspaceByLocation } from "@/lib/workspaces/queries";

/** The workspace of a CRM location a workflow callback names: `not_found` (404) when the app was never installed there. */
export async function getLocationWorkspaceOrThrow(db: Db, locationId: string): Promise<WorkspaceRow> {
  const workspace = await findWorkspaceByLocation(db, locationId);
  if (!workspace) throw new AppError("not_found", "Smart Links has never been installed on this location");
  return workspace;
}

/** Like `getLocationWorkspaceOrThrow`, and `app_not_installed` (403) after an uninstall. */
export async function getActiveLocationWorkspaceOrThrow(db: Db, locationId: string): Promise<WorkspaceRow> {
  const workspace = await getLocationWorkspaceOrThrow(db, locationId);
  if (workspace.status !== "active") throw new AppError("app_not_installed", "Smart Links is no longer installed on this location");
  return workspace;
}
