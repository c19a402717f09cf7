/** A session is scoped to one workspace: workspace A's token never reads workspace B. */
import { GET } from "@/app/api/session/route";
import { signSessionToken } from "@/lib/auth/session-token";
import { getAppDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { activateWorkspace } from "@/lib/installs/install-app";
import { uninstallLocation } from "@/lib/installs/uninstall-app";
import { useTestDatabase } from "@/tests/helpers/db";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const call = (headers: Record<string, string>) => GET(new Request("http://localhost/api/session", { headers }), {});

describe("GET /api/session", () => {
  it("answers with the token's own workspace only, by header or by cookie", async () => {
    const { db } = await getAppDatabase();
    const a = await activateWorkspace(db, { locationId: "loc-a", name: "A" });
    const b = await activateWorkspace(db, { locationId: "loc-b", name: "B" });
    const { token } = await signSessionToken(env().sessionSecret, { workspaceId: a.id, userId: "u1", role: "user" });
    const byHeader = await call({ authorization: `Bearer ${token}` });
    expect(byHeader.status).toBe(200);
    const body = (await byHeader.json()) as { workspace: { id: string; name: string } };
    expect(body.workspace).toMatchObject({ id: a.id, name: "A" });
    expect(JSON.stringify(body)).not.toContain(b.id);
    const byCookie = await call({ cookie: `other=1; sl_session=${token}` });
    expect(((await byCookie.json()) as { workspace: { id: string } }).workspace.id).toBe(a.id);
  });

  it("refuses a missing or forged token with 401, and an uninstalled workspace with 403", async () => {
    expect(await (await call({})).json()).toEqual({ error: { code: "unauthorized", message: "Sign in again: open Smart Links from your CRM" } });
    const forged = await signSessionToken("x".repeat(40), { workspaceId: "ws", userId: "u", role: "admin" });
    expect((await call({ authorization: `Bearer ${forged.token}` })).status).toBe(401);

    const { db } = await getAppDatabase();
    const c = await activateWorkspace(db, { locationId: "loc-c", name: "C" });
    const { token } = await signSessionToken(env().sessionSecret, { workspaceId: c.id, userId: "u", role: "user" });
    await uninstallLocation(db, "loc-c", 30, new Date());
    const res = await call({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("app_not_installed");
  });
});
