import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workspaces, type WorkspaceRow } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function getWorkspaceOrThrow(db: Db, workspaceId: string): Promise<WorkspaceRow> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw new AppError("not_found", "Workspace not found");
  return row;
}

export async function findWorkspaceByLocation(db: Db, crmLocationId: string): Promise<WorkspaceRow | null> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.crmLocationId, crmLocationId)).limit(1);
  return row ?? null;
}

export async function isWorkspaceActive(db: Db, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.status, "active")))
    .limit(1);
  return row !== undefined;
}
