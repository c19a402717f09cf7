import { SESSION_TTL_SECONDS, signSessionToken, verifySessionToken } from "@/lib/auth/session-token";

const secret = "s".repeat(32);
const now = new Date("2026-11-23T10:00:00Z");

describe("session tokens", () => {
  it("round-trips the workspace, user and role, expiring after the TTL", async () => {
    const { token, expiresAt } = await signSessionToken(secret, { workspaceId: "w1", userId: "u1", role: "admin" }, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(SESSION_TTL_SECONDS * 1000);
    expect(await verifySessionToken(secret, token, now)).toEqual({ workspaceId: "w1", userId: "u1", role: "admin", expiresAt });
  });

  it("refuses an expired token, another secret's token and a tampered token", async () => {
    const { token } = await signSessionToken(secret, { workspaceId: "w1", userId: "u1", role: "user" }, now);
    const later = new Date(now.getTime() + (SESSION_TTL_SECONDS + 1) * 1000);
    expect(await verifySessionToken(secret, token, later)).toBeNull();
    expect(await verifySessionToken("t".repeat(32), token, now)).toBeNull();
    const [h, p, s] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ wid: "w2", sub: "u1", role: "admin", exp: 9e9 })).toString("base64url");
    expect(await verifySessionToken(secret, `${h}.${forged}.${s}`, now)).toBeNull();
    expect(p).toBeDefined();
    expect(await verifySessionToken(secret, "not-a-jwt", now)).toBeNull();
  });
});
