/**
 * REST API v1 authentication: sessions and API keys, revocation, uninstalled workspaces, the
 * session-only API key routes, and workspace isolation on every resource.
 */
import { eq } from "drizzle-orm";
import { DELETE as REVOKE } from "@/app/api/v1/api-keys/[id]/route";
import { GET as LIST_KEYS, POST as CREATE_KEY } from "@/app/api/v1/api-keys/route";
import { GET as GET_CAMPAIGN } from "@/app/api/v1/campaigns/[id]/route";
import { GET as LIST_CAMPAIGNS, POST as POST_CAMPAIGN } from "@/app/api/v1/campaigns/route";
import { GET as GET_LINK } from "@/app/api/v1/links/[id]/route";
import { GET as LIST_LINKS, POST as POST_LINK } from "@/app/api/v1/links/route";
import { PATCH as PATCH_TAG } from "@/app/api/v1/tags/[id]/route";
import { GET as LIST_TAGS, POST as POST_TAG } from "@/app/api/v1/tags/route";
import { apiKeys } from "@/db/schema";
import { hashApiKey } from "@/lib/api-keys/api-key-token";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { signSessionToken } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { uninstallLocation } from "@/lib/installs/uninstall-app";
import { activateWorkspace } from "@/lib/installs/install-app";
import { useTestDatabase } from "@/tests/helpers/db";
import { call, expectError, installedWorkspace, type TestWorkspace } from "@/tests/integration/api-test-kit";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let a: TestWorkspace;
let b: TestWorkspace;

beforeAll(async () => {
  database = await useTestDatabase();
  a = await installedWorkspace("pro");
  b = await installedWorkspace("pro");
});
afterAll(async () => {
  await database.close();
});

type CreatedKey = { id: string; name: string; prefix: string; key: string; createdAt: string };

async function newKey(ws: TestWorkspace, name = "Zapier"): Promise<CreatedKey> {
  const res = await call(CREATE_KEY, "POST", "/api/v1/api-keys", { headers: ws.session, body: { name } });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedKey;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API keys", () => {
  it("creates a key shown once, stores only its SHA-256, and lists it without the key", async () => {
    const created = await newKey(a, "  Zapier  ");
    expect(created).toEqual({ id: expect.any(String), name: "Zapier", prefix: created.key.slice(0, 16), key: expect.stringMatching(/^sl_live_[0-9A-Za-z]{32}$/), createdAt: expect.any(String) });
    const db = await getDb();
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row?.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);

    const list = await call(LIST_KEYS, "GET", "/api/v1/api-keys", { headers: a.session });
    const { items } = (await list.json()) as { items: Record<string, unknown>[] };
    const listed = items.find((k) => k.id === created.id);
    expect(listed).toEqual({ id: created.id, name: "Zapier", prefix: created.prefix, createdAt: created.createdAt, lastUsedAt: null, createdBy: { id: a.userId, name: "Test User" } });
    expect(JSON.stringify(items)).not.toContain(created.key);
    // B never sees A's keys.
    const theirs = (await (await call(LIST_KEYS, "GET", "/api/v1/api-keys", { headers: b.session })).json()) as { items: { id: string }[] };
    expect(theirs.items.map((k) => k.id)).not.toContain(created.id);
  });

  it("authenticates links, tags and campaigns routes, recording lastUsedAt at most once a minute", async () => {
    const created = await newKey(a);
    for (const [handler, path] of [
      [LIST_LINKS, "/api/v1/links"],
      [LIST_TAGS, "/api/v1/tags"],
      [LIST_CAMPAIGNS, "/api/v1/campaigns"],
    ] as const) {
      expect((await call(handler, "GET", path, { headers: bearer(created.key) })).status).toBe(200);
    }
    const db = await getDb();
    const lastUsed = async () => (await db.select().from(apiKeys).where(eq(apiKeys.id, created.id)))[0]?.lastUsedAt;
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    const t0 = first ?? new Date();
    await authenticateApiKey(db, created.key, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    expect(await authenticateApiKey(db, created.key, later)).toEqual({ apiKeyId: created.id, workspaceId: a.id });
    expect(await lastUsed()).toEqual(later);
  });

  it("refuses a revoked key with 401 at once; revoking is session-only and workspace-scoped", async () => {
    const created = await newKey(a);
    expect((await call(LIST_LINKS, "GET", "/api/v1/links", { headers: bearer(created.key) })).status).toBe(200);
    await expectError(await call(REVOKE, "DELETE", `/api/v1/api-keys/${created.id}`, { headers: b.session, params: { id: created.id } }), 404, "not_found");
    await expectError(await call(REVOKE, "DELETE", `/api/v1/api-keys/${created.id}`, { headers: bearer(created.key), params: { id: created.id } }), 403, "forbidden");
    const res = await call(REVOKE, "DELETE", `/api/v1/api-keys/${created.id}`, { headers: a.session, params: { id: created.id } });
    expect(res.status).toBe(204);
    const error = await expectError(await call(LIST_LINKS, "GET", "/api/v1/links", { headers: bearer(created.key) }), 401, "unauthorized");
    expect(error.message).toBe("This API key is invalid or has been revoked");
    const { items } = (await (await call(LIST_KEYS, "GET", "/api/v1/api-keys", { headers: a.session })).json()) as { items: { id: string }[] };
    expect(items.map((k) => k.id)).not.toContain(created.id);
    expect((await call(REVOKE, "DELETE", `/api/v1/api-keys/${created.id}`, { headers: a.session, params: { id: created.id } })).status).toBe(204);
  });

  it("keeps key management session-only: an API key gets 403 forbidden, no auth 401", async () => {
    await expectError(await call(LIST_KEYS, "GET", "/api/v1/api-keys", { headers: a.apiKey }), 403, "forbidden");
    await expectError(await call(CREATE_KEY, "POST", "/api/v1/api-keys", { headers: a.apiKey, body: { name: "x" } }), 403, "forbidden");
    await expectError(await call(LIST_KEYS, "GET", "/api/v1/api-keys"), 401, "unauthorized");
    const invalid = await expectError(await call(CREATE_KEY, "POST", "/api/v1/api-keys", { headers: a.session, body: { name: " " } }), 422, "invalid_input");
    expect(invalid.details).toEqual({ fieldErrors: { name: ["Name the key (e.g. Zapier)"] } });
    await expectError(await call(CREATE_KEY, "POST", "/api/v1/api-keys", { headers: { ...a.session, "content-type": "application/json" }, rawBody: "nope" }), 400, "invalid_json");
  });
});

describe("who may call the REST API", () => {
  it("refuses missing, malformed, unknown and forged credentials with 401 unauthorized", async () => {
    const forged = await signSessionToken("f".repeat(40), { workspaceId: a.id, userId: a.userId, role: "admin" });
    const expired = await signSessionToken(env().sessionSecret, { workspaceId: a.id, userId: a.userId, role: "admin" }, new Date(Date.now() - 3 * 3600_000));
    const headers: Record<string, string>[] = [
      {},
      { authorization: "Basic abc" },
      bearer("sl_live_short"),
      bearer(`sl_live_${"A".repeat(32)}`),
      bearer(forged.token),
      bearer(expired.token),
      bearer("garbage"),
    ];
    for (const h of headers) {
      const res = await call(POST_LINK, "POST", "/api/v1/links", { headers: h, body: { url: "https://ok.example" } });
      await expectError(res, 401, "unauthorized");
    }
  });

  it("refuses an uninstalled workspace with 403 app_not_installed, by session and by API key", async () => {
    const gone = await installedWorkspace("pro");
    const db = await getDb();
    await uninstallLocation(db, gone.locationId, 30, new Date());
    for (const headers of [gone.session, gone.apiKey]) {
      await expectError(await call(LIST_LINKS, "GET", "/api/v1/links", { headers }), 403, "app_not_installed");
      await expectError(await call(POST_TAG, "POST", "/api/v1/tags", { headers, body: { name: "x" } }), 403, "app_not_installed");
      await expectError(await call(LIST_CAMPAIGNS, "GET", "/api/v1/campaigns", { headers }), 403, "app_not_installed");
    }
    await expectError(await call(LIST_KEYS, "GET", "/api/v1/api-keys", { headers: gone.session }), 403, "app_not_installed");
    // A re-install restores access with the same key.
    await activateWorkspace(db, { locationId: gone.locationId });
    expect((await call(LIST_LINKS, "GET", "/api/v1/links", { headers: gone.apiKey })).status).toBe(200);
  });

  it("answers 404 not_found for another workspace's link, tag and campaign (never 403)", async () => {
    const link = (await (await call(POST_LINK, "POST", "/api/v1/links", { headers: b.session, body: { url: "https://ok.example" } })).json()) as { id: string };
    const tag = (await (await call(POST_TAG, "POST", "/api/v1/tags", { headers: b.session, body: { name: "b-only" } })).json()) as { id: string };
    const cmp = (await (await call(POST_CAMPAIGN, "POST", "/api/v1/campaigns", { headers: b.session, body: { name: "b-only" } })).json()) as { id: string };
    for (const headers of [a.session, a.apiKey]) {
      await expectError(await call(GET_LINK, "GET", `/api/v1/links/${link.id}`, { headers, params: { id: link.id } }), 404, "not_found");
      await expectError(await call(PATCH_TAG, "PATCH", `/api/v1/tags/${tag.id}`, { headers, params: { id: tag.id }, body: { name: "mine now" } }), 404, "not_found");
      await expectError(await call(GET_CAMPAIGN, "GET", `/api/v1/campaigns/${cmp.id}`, { headers, params: { id: cmp.id } }), 404, "not_found");
    }
  });
});
