/**
 * The identity layer against a real database: SSO exchange, signed webhooks applied once,
 * uninstall → reinstall keeping the data, plan changes, and the OAuth install against a CRM
 * faked with msw.
 */
import { generateKeyPairSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { http, HttpResponse } from "msw";
import { crmInstallations, links, users, workspaces } from "@/db/schema";
import { encryptSsoPayload } from "@/lib/auth/sso-cipher";
import { exchangeSso } from "@/lib/auth/sso-exchange";
import { verifySessionToken } from "@/lib/auth/session-token";
import { createCrmHttp } from "@/lib/crm/http";
import { saveLocationTokens, type CrmDeps } from "@/lib/crm/tokens";
import { signWebhookBody } from "@/lib/crm/webhook-signature";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { activateWorkspace, completeOAuthInstall } from "@/lib/installs/install-app";
import { purgeExpiredWorkspaces } from "@/lib/installs/uninstall-app";
import { receiveCrmWebhook, type WebhookConfig } from "@/lib/installs/webhook-events";
import { freshDb, type TestDatabase } from "@/tests/helpers/db";
import { setupMswServer } from "@/tests/helpers/msw";

const BASE = "https://crm.test";
const SSO_KEY = "sso-shared-secret";
const SESSION_SECRET = "s".repeat(40);
const server = setupMswServer();
const keys = generateKeyPairSync("ed25519");
const publicKey = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
const privateKey = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const PLAN_IDS = { "plan-starter": "starter", "plan-pro": "pro" } as const;
const webhookConfig: WebhookConfig = { publicKey, planIds: { ...PLAN_IDS }, graceDays: 30 };

let database: TestDatabase;
let deps: CrmDeps;
beforeAll(async () => {
  database = await freshDb();
  deps = {
    db: database.db,
    http: createCrmHttp(BASE),
    client: { clientId: "app1-xyz", clientSecret: "secret", redirectUri: "https://app.test/api/oauth/callback" },
    encryptionKey: "enc",
  };
});
afterAll(async () => {
  await database.close();
});

let seq = 0;
async function installedWorkspace(opts: { companyId?: string; name?: string; plan?: "starter" | "pro" } = {}) {
  const locationId = `loc-${++seq}`;
  const workspace = await activateWorkspace(database.db, { locationId, companyId: opts.companyId ?? "co-1", name: opts.name ?? `Loc ${seq}`, plan: opts.plan });
  await saveLocationTokens(deps, { locationId, workspaceId: workspace.id, tokens: { access_token: "a", refresh_token: "r", expires_in: 3600, scope: "" } });
  return { locationId, workspace };
}

const sso = (json: object, key = SSO_KEY) => encryptSsoPayload(JSON.stringify(json), key);
const exchange = (payload: string, locationId?: string) =>
  exchangeSso(database.db, { ssoKey: SSO_KEY, sessionSecret: SESSION_SECRET }, { payload, locationId });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return "no error";
}

describe("SSO exchange", () => {
  it("turns a location-context payload into a session for that location's workspace", async () => {
    const { locationId, workspace } = await installedWorkspace({ name: "Sunrise Dental", plan: "pro" });
    const answer = await exchange(sso({ userId: "u-1", companyId: "co-1", role: "admin", type: "agency", activeLocation: locationId, userName: "Ana", email: "ana@x.test" }));
    if (!("token" in answer)) throw new Error("expected a session");
    expect(answer.workspace).toEqual({ id: workspace.id, locationId, name: "Sunrise Dental", plan: "pro" });
    expect(answer.user).toMatchObject({ name: "Ana", email: "ana@x.test", role: "admin" });
    const session = await verifySessionToken(SESSION_SECRET, answer.token);
    expect(session).toMatchObject({ workspaceId: workspace.id, role: "admin" });
    const [user] = await database.db.select().from(users).where(eq(users.workspaceId, workspace.id));
    expect(user?.crmUserId).toBe("u-1");
  });

  it("lists the agency's installed locations when there is no active location, then signs into the one picked", async () => {
    const a = await installedWorkspace({ companyId: "co-agency", name: "A" });
    const b = await installedWorkspace({ companyId: "co-agency", name: "B" });
    await installedWorkspace({ companyId: "co-other", name: "Other agency" });
    const payload = sso({ userId: "u-agency", companyId: "co-agency", role: "admin", type: "agency" });
    const answer = await exchange(payload);
    expect(answer).toMatchObject({ agency: { id: "co-agency" }, locations: [{ id: a.locationId, name: "A" }, { id: b.locationId, name: "B" }] });
    const picked = await exchange(payload, b.locationId);
    expect("token" in picked && picked.workspace.id).toBe(b.workspace.id);
  });

  it("refuses payloads that are tampered, under another key, not salted, or for a location without the app", async () => {
    const { locationId } = await installedWorkspace();
    const good = sso({ userId: "u", companyId: "co-1", activeLocation: locationId });
    const bytes = Buffer.from(good, "base64");
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    expect(await codeOf(exchange(bytes.toString("base64")))).toBe("invalid_sso_payload");
    expect(await codeOf(exchange(sso({ userId: "u", companyId: "co-1", activeLocation: locationId }, "another-key")))).toBe("invalid_sso_payload");
    expect(await codeOf(exchange(Buffer.from(JSON.stringify({ userId: "u" })).toString("base64")))).toBe("invalid_sso_payload");
    expect(await codeOf(exchange(sso({ userId: "u", companyId: "co-1", activeLocation: "loc-without-app" })))).toBe("app_not_installed");
    expect(await codeOf(exchange(sso({ companyId: "co-1", activeLocation: locationId })))).toBe("invalid_sso_payload");
  });

  it("refuses an agency user picking a location of another agency", async () => {
    const other = await installedWorkspace({ companyId: "co-foreign" });
    expect(await codeOf(exchange(sso({ userId: "u", companyId: "co-mine" }), other.locationId))).toBe("forbidden");
  });
});

describe("webhooks", () => {
  const deliver = (event: object, opts: { sign?: boolean; badSig?: boolean; at?: Date } = {}) => {
    const now = new Date("2026-11-23T10:00:00Z");
    const body = JSON.stringify({ webhookId: newId("wh"), timestamp: (opts.at ?? now).toISOString(), appId: "app1", ...event });
    const signature = opts.sign === false ? null : opts.badSig ? signWebhookBody(body + " ", privateKey) : signWebhookBody(body, privateKey);
    return { body, run: () => receiveCrmWebhook(deps, webhookConfig, body, signature, now) };
  };

  it("refuses unsigned, badly signed and stale deliveries", async () => {
    const { locationId } = await installedWorkspace();
    const event = { type: "PLAN_CHANGE", locationId, newPlanId: "plan-pro" };
    expect(await codeOf(deliver(event, { sign: false }).run())).toBe("invalid_signature");
    expect(await codeOf(deliver(event, { badSig: true }).run())).toBe("invalid_signature");
    expect(await codeOf(deliver(event, { at: new Date("2026-11-23T09:50:00Z") }).run())).toBe("invalid_signature");
  });

  it("applies a plan change once, however often it is delivered", async () => {
    const { locationId, workspace } = await installedWorkspace({ plan: "starter" });
    const delivery = deliver({ type: "PLAN_CHANGE", locationId, currentPlanId: "plan-starter", newPlanId: "plan-pro" });
    expect(await delivery.run()).toEqual({ status: "applied", type: "PLAN_CHANGE" });
    expect(await delivery.run()).toEqual({ status: "duplicate", type: "PLAN_CHANGE" });
    const [row] = await database.db.select().from(workspaces).where(eq(workspaces.id, workspace.id));
    expect(row?.plan).toBe("pro");
  });

  it("uninstall disables the workspace and drops its tokens; a reinstall in the grace period restores everything", async () => {
    const { locationId, workspace } = await installedWorkspace();
    const linkId = newId("lnk");
    await database.db.insert(links).values({ id: linkId, workspaceId: workspace.id, domain: "", slug: `s${seq}`, url: "https://example.com" });
    await deliver({ type: "UNINSTALL", locationId }).run();
    const [gone] = await database.db.select().from(workspaces).where(eq(workspaces.id, workspace.id));
    expect(gone?.status).toBe("uninstalled");
    expect(gone?.purgeAfter?.toISOString()).toBe("2026-12-23T10:00:00.000Z");
    const [inst] = await database.db.select().from(crmInstallations).where(eq(crmInstallations.locationId, locationId));
    expect(inst?.accessTokenEnc).toBeNull();
    expect(await codeOf(exchange(sso({ userId: "u", companyId: "co-1", activeLocation: locationId })))).toBe("app_not_installed");

    await deliver({ type: "INSTALL", locationId, companyId: "co-1", planId: "plan-pro" }).run();
    await saveLocationTokens(deps, { locationId, workspaceId: workspace.id, tokens: { access_token: "a2", refresh_token: "r2", expires_in: 3600, scope: "" } });
    const [back] = await database.db.select().from(workspaces).where(eq(workspaces.id, workspace.id));
    expect(back).toMatchObject({ status: "active", uninstalledAt: null, purgeAfter: null, plan: "pro" });
    expect(await database.db.select({ id: links.id }).from(links).where(eq(links.workspaceId, workspace.id))).toEqual([{ id: linkId }]);
  });

  it("purges an uninstalled workspace only after its grace period", async () => {
    const { locationId, workspace } = await installedWorkspace();
    await deliver({ type: "UNINSTALL", locationId }).run();
    expect(await purgeExpiredWorkspaces(database.db, new Date("2026-12-20T00:00:00Z"))).not.toContain(workspace.id);
    expect(await purgeExpiredWorkspaces(database.db, new Date("2026-12-24T00:00:00Z"))).toContain(workspace.id);
    expect(await database.db.select().from(workspaces).where(eq(workspaces.id, workspace.id))).toEqual([]);
  });
});

describe("OAuth install", () => {
  it("exchanges the code, stores the tokens and creates the location's workspace with its name and plan", async () => {
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        if (form.get("code") !== "good-code" || form.get("client_secret") !== "secret") {
          return HttpResponse.json({ statusCode: 400, message: "Invalid grant" }, { status: 400 });
        }
        return HttpResponse.json({ access_token: "at", refresh_token: "rt", expires_in: 86399, userType: "Location", companyId: "co-9", locationId: "loc-oauth", userId: "u9", planId: "plan-pro", scope: "contacts.readonly" });
      }),
      http.get(`${BASE}/locations/loc-oauth`, () => HttpResponse.json({ location: { id: "loc-oauth", name: "Harbor Fitness", timezone: "America/New_York" } })),
    );
    const [workspace] = await completeOAuthInstall(deps, { ...PLAN_IDS }, "good-code");
    expect(workspace).toMatchObject({ crmLocationId: "loc-oauth", crmCompanyId: "co-9", name: "Harbor Fitness", plan: "pro", status: "active" });
    // The same install again (the INSTALL webhook path or a second redirect) changes nothing.
    const [again] = await completeOAuthInstall(deps, { ...PLAN_IDS }, "good-code");
    expect(again?.id).toBe(workspace?.id);
    expect(await codeOf(completeOAuthInstall(deps, { ...PLAN_IDS }, "used-code"))).toBe("invalid_input");
  });

  it("says the CRM is unavailable when it is down", async () => {
    server.use(http.post(`${BASE}/oauth/token`, () => HttpResponse.json({ message: "down" }, { status: 503 })));
    expect(await codeOf(completeOAuthInstall(deps, { ...PLAN_IDS }, "any"))).toBe("crm_unavailable");
  });
});
