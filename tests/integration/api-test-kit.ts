/**
 * Shared by the REST API v1 integration tests: installed workspaces with a real session and a
 * real API key, and calls to the exported route handlers with a `Request`.
 */
import { users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { signSessionToken } from "@/lib/auth/session-token";
import type { Plan } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { ErrorBody } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { activateWorkspace } from "@/lib/installs/install-app";

export const BASE = "http://localhost";

let seq = 0;

export type TestWorkspace = {
  id: string;
  locationId: string;
  userId: string;
  /** `Authorization` header with a session token. */
  session: Record<string, string>;
  /** `Authorization` header with an API key. */
  apiKey: Record<string, string>;
  apiKeyId: string;
};

export async function installedWorkspace(plan: Plan = "pro"): Promise<TestWorkspace> {
  const db = await getDb();
  const locationId = `loc-${process.pid}-${++seq}`;
  const workspace = await activateWorkspace(db, { locationId, name: `Location ${seq}`, plan });
  const userId = newId("usr");
  await db.insert(users).values({ id: userId, workspaceId: workspace.id, crmUserId: `crm-${userId}`, name: "Test User" });
  const { token } = await signSessionToken(env().sessionSecret, { workspaceId: workspace.id, userId, role: "admin" });
  const key = await createApiKey(db, { workspaceId: workspace.id, userId }, { name: "tests" });
  return {
    id: workspace.id,
    locationId,
    userId,
    session: { authorization: `Bearer ${token}` },
    apiKey: { authorization: `Bearer ${key.key}` },
    apiKeyId: key.id,
  };
}

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type CallOptions = { headers?: Record<string, string>; body?: unknown; rawBody?: BodyInit; params?: Record<string, string> };

/** Calls a route handler as Next would: a `Request` and `{ params }` as a promise. */
export function call(handler: unknown, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(`${BASE}${path}`, { method, headers, body });
  return (handler as Handler)(req, { params: Promise.resolve(options.params ?? {}) });
}

export async function errorOf(res: Response): Promise<ErrorBody["error"]> {
  const body = (await res.json()) as ErrorBody;
  return body.error;
}

/** Asserts the status and error code and returns the error. */
export async function expectError(res: Response, status: number, code: string): Promise<ErrorBody["error"] & { details?: Record<string, unknown> }> {
  const error = await errorOf(res);
  expect({ status: res.status, code: error.code }).toEqual({ status, code });
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}
