import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workspaces, type NewWorkspaceRow, type WorkspaceRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";

export async function getWorkspaceOrThrow(db: Db, workspaceId: string): Promise<WorkspaceRow> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw new AppError("not_found", "Workspace not found");
  return row;
}

export async function findWorkspaceByLocation(db: Db, crmLocationId: string): Promise<WorkspaceRow | null> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.crmLocationId, crmLocationId)).limit(1);
  return row ?? null;
}

/** Creates the location's workspace, or returns the existing one unchanged (idempotent). */
export async function ensureWorkspace(
  db: Db,
  input: Pick<NewWorkspaceRow, "crmLocationId" | "name"> & Partial<Pick<NewWorkspaceRow, "plan" | "crmCompanyId">>,
): Promise<WorkspaceRow> {
  await db
    .insert(workspaces)
    .values({ id: newId("ws"), ...input })
    .onConflictDoNothing({ target: workspaces.crmLocationId });
  const row = await findWorkspaceByLocation(db, input.crmLocationId);
  if (!row) throw new AppError("internal", "Workspace could not be created");
  return row;
}

export async function isWorkspaceActive(db: Db, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.status, "active")))
    .limit(1);
  return row !== undefined;
}
