/**
 * `POST /api/auth/sso`: the CRM's encrypted user payload → our own short-lived session. Context
 * comes from `activeLocation` (not `type`): with a location, a session for that location's
 * workspace; without one (agency view), the agency's installed locations to pick from.
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { crmInstallations, users, workspaces } from "@/db/schema";
import { decryptSsoPayload } from "@/lib/auth/sso-cipher";
import { signSessionToken, type Role } from "@/lib/auth/session-token";
import type { Plan } from "@/lib/billing/plans";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";

const payloadSchema = z.object({
  userId: z.string().min(1),
  companyId: z.string().min(1),
  role: z.string().optional(),
  type: z.string().optional(),
  activeLocation: z.string().min(1).optional(),
  userName: z.string().optional(),
  email: z.string().optional(),
});

export const ssoRequestSchema = z.object({
  payload: z.string().min(1).max(20_000),
  locationId: z.string().min(1).max(200).optional(),
});

export type SsoUser = { id: string; name: string; email: string; role: Role };
export type SsoAnswer =
  | {
      token: string;
      expiresAt: string;
      workspace: { id: string; locationId: string; name: string; plan: Plan };
      user: SsoUser;
    }
  | { agency: { id: string }; locations: { id: string; name: string }[]; user: SsoUser };

export async function exchangeSso(
  db: Db,
  keys: { ssoKey: string; sessionSecret: string },
  input: z.output<typeof ssoRequestSchema>,
  now: Date = new Date(),
): Promise<SsoAnswer> {
  const text = decryptSsoPayload(input.payload, keys.ssoKey);
  let json: unknown = null;
  try {
    json = text === null ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw new AppError("invalid_sso_payload", "The CRM's sign-in payload could not be read. Reopen the app from the CRM.");
  const payload = parsed.data;
  const role: Role = payload.role === "admin" ? "admin" : "user";
  const baseUser = { name: payload.userName ?? "", email: payload.email ?? "", role };

  // Agency users choose a location; a location user is pinned to `activeLocation`.
  const locationId = payload.activeLocation ?? input.locationId;
  if (!locationId) {
    const locations = await installedLocationsOf(db, payload.companyId);
    return { agency: { id: payload.companyId }, locations, user: { id: payload.userId, ...baseUser } };
  }
  if (payload.activeLocation && input.locationId && input.locationId !== payload.activeLocation) {
    throw new AppError("forbidden", "You are signed in to another location in the CRM");
  }

  const [workspace] = await db
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.crmLocationId, locationId), eq(workspaces.status, "active")))
    .limit(1);
  const [installation] = await db
    .select({ id: crmInstallations.id })
    .from(crmInstallations)
    .where(and(eq(crmInstallations.locationId, locationId), isNotNull(crmInstallations.accessTokenEnc)))
    .limit(1);
  if (!workspace || !installation) throw new AppError("app_not_installed", "Smart Links is not installed on this location. Install it from the CRM's marketplace.");
  if (!payload.activeLocation && workspace.crmCompanyId !== payload.companyId) {
    throw new AppError("forbidden", "This location belongs to another agency");
  }

  const [user] = await db
    .insert(users)
    .values({ id: newId("usr"), workspaceId: workspace.id, crmUserId: payload.userId, ...baseUser, lastSeenAt: now })
    .onConflictDoUpdate({ target: [users.workspaceId, users.crmUserId], set: { ...baseUser, lastSeenAt: now } })
    .returning();
  if (!user) throw new AppError("internal", "The user could not be saved");

  const session = await signSessionToken(keys.sessionSecret, { workspaceId: workspace.id, userId: user.id, role }, now);
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    workspace: { id: workspace.id, locationId, name: workspace.name, plan: workspace.plan },
    user: { id: user.id, name: user.name, email: user.email, role },
  };
}

async function installedLocationsOf(db: Db, companyId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .select({ id: workspaces.crmLocationId, name: workspaces.name })
    .from(workspaces)
    .innerJoin(crmInstallations, eq(crmInstallations.locationId, workspaces.crmLocationId))
    .where(and(eq(workspaces.crmCompanyId, companyId), eq(workspaces.status, "active"), isNotNull(crmInstallations.accessTokenEnc)))
    .orderBy(asc(workspaces.name));
  return rows;
}
