/**
 * Shared by the message-shortening and workflow integration tests: the app's CRM-facing route
 * handlers and the sandbox CRM on one real node:http server at APP_URL (so the app's CRM client
 * and the sandbox's callbacks go over HTTP, as in production), a bootstrapped sandbox (seeded,
 * the app installed on Sunrise Dental (Pro) and Harbor Fitness (Starter)), and API keys.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { POST as shortenActionPost } from "@/app/api/crm/actions/shorten-links/route";
import { GET as triggerOptionsGet } from "@/app/api/crm/triggers/options/route";
import { POST as subscriptionPost } from "@/app/api/crm/triggers/subscription/route";
import { GET as oauthCallback } from "@/app/api/oauth/callback/route";
import { POST as webhookReceiver } from "@/app/api/webhooks/crm/route";
import { users, workspaces, type WorkspaceRow } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getDb } from "@/lib/db";
import { newId } from "@/lib/ids";
import { bootstrapSandbox } from "@/lib/sandbox/bootstrap";
import { handleSandboxCrmRequest } from "@/lib/sandbox/crm-api";
// Not a React hook, whatever its name says: aliased so the hooks lint rule leaves it alone.
import { useTestDatabase as openTestDatabase } from "@/tests/helpers/db";
import { serve } from "@/tests/helpers/serve-fetch";

const ROUTES: Record<string, (req: Request) => Promise<Response>> = {
  "/api/oauth/callback": (req) => oauthCallback(req, {}),
  "/api/webhooks/crm": (req) => webhookReceiver(req, {}),
  "/api/crm/triggers/subscription": (req) => subscriptionPost(req, {}),
  "/api/crm/triggers/options": (req) => triggerOptionsGet(req, {}),
  "/api/crm/actions/shorten-links": (req) => shortenActionPost(req, {}),
};

async function appRequestHandler(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (pathname.startsWith("/sandbox/crm/")) return handleSandboxCrmRequest(req);
  const route = ROUTES[pathname];
  return route ? route(req) : new Response("not found", { status: 404 });
}

export type CrmApp = { close: () => Promise<void>; driver: "pglite" | "postgres" };

/** Call in `beforeAll` before anything reads the environment. */
export async function startCrmApp(): Promise<CrmApp> {
  const server: http.Server = serve(appRequestHandler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.APP_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stopServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  try {
    database = await openTestDatabase();
    await bootstrapSandbox();
  } catch (err) {
    await stopServer();
    throw err;
  }
  return {
    driver: database.driver,
    close: async () => {
      await stopServer();
      await database.close();
    },
  };
}

export async function workspaceOfLocation(locationId: string): Promise<WorkspaceRow> {
  const db = await getDb();
  const [row] = await db.select().from(workspaces).where(eq(workspaces.crmLocationId, locationId));
  if (!row) throw new Error(`no workspace for ${locationId}`);
  return row;
}

/** `Authorization` header with a new API key of the location's workspace. */
export async function apiKeyHeader(locationId: string): Promise<Record<string, string>> {
  const db = await getDb();
  const workspace = await workspaceOfLocation(locationId);
  const userId = newId("usr");
  await db.insert(users).values({ id: userId, workspaceId: workspace.id, crmUserId: `crm-${userId}`, name: "Test User" });
  const key = await createApiKey(db, { workspaceId: workspace.id, userId }, { name: "tests" });
  return { authorization: `Bearer ${key.key}` };
}
