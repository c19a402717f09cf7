import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError, loadEnv } from "@/lib/env";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "sl-env-"));

function configErrorOf(source: Record<string, string>): ConfigError {
  try {
    loadEnv(source);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("loadEnv", () => {
  it("runs with no configuration: sandbox CRM, PGlite under the data dir, URLs from PORT", () => {
    const dir = freshDir();
    const env = loadEnv({ DATA_DIR: dir });
    expect(env.crm.mode).toBe("sandbox");
    expect(env.database).toEqual({ driver: "pglite", dir: path.join(dir, "pglite") });
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.shortBaseUrl).toBe("http://localhost:3000");
    expect(env.sandboxShellUrl).toBe("http://127.0.0.1:3000");
    expect(env.crm.apiBase).toBe("http://localhost:3000/sandbox/crm");
    expect(env.uninstallGraceDays).toBe(30);
    expect(env.trustedProxyHops).toBe(1);
  });

  it("generates development secrets once and reuses them from the data dir", () => {
    const dir = freshDir();
    const first = loadEnv({ DATA_DIR: dir });
    const second = loadEnv({ DATA_DIR: dir, PORT: "4000" });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.tokenEncryptionKey).toBe(first.tokenEncryptionKey);
    expect(second.crm.webhookPublicKey).toContain("BEGIN PUBLIC KEY");
    const stored: unknown = JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8"));
    expect(stored).toMatchObject({ sessionSecret: first.sessionSecret });
  });

  it("uses DATABASE_URL for PostgreSQL and trims trailing slashes from base URLs", () => {
    const env = loadEnv({
      DATA_DIR: freshDir(),
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/smart_links",
      APP_URL: "https://links.example.com/",
    });
    expect(env.database).toEqual({ driver: "postgres", url: "postgres://postgres@127.0.0.1:5432/smart_links" });
    expect(env.appUrl).toBe("https://links.example.com");
    expect(env.shortBaseUrl).toBe("https://links.example.com");
  });

  it.each(["not a url", "mysql://root@127.0.0.1/db", "http://127.0.0.1:5432/db", "postgres://"])(
    "refuses a malformed DATABASE_URL (%s) with a message naming it",
    (value) => {
      const err = configErrorOf({ DATA_DIR: freshDir(), DATABASE_URL: value });
      expect(err.message).toContain("DATABASE_URL");
      expect(err.message).toContain("PostgreSQL URL");
    },
  );

  it("names every missing secret in production (CRM_MODE=highlevel)", () => {
    const err = configErrorOf({ DATA_DIR: freshDir(), CRM_CLIENT_ID: "abc" });
    for (const name of [
      "CRM_CLIENT_SECRET",
      "CRM_SSO_KEY",
      "SESSION_SECRET",
      "TOKEN_ENCRYPTION_KEY",
      "WORKFLOW_SECRET",
    ]) {
      expect(err.message).toContain(name);
    }
    expect(err.message).not.toContain("CRM_CLIENT_ID:");
  });

  it("starts in production when every secret is set, against HighLevel's API", () => {
    const env = loadEnv({
      DATA_DIR: freshDir(),
      CRM_CLIENT_ID: "id",
      CRM_CLIENT_SECRET: "secret",
      CRM_SSO_KEY: "sso",
      SESSION_SECRET: "x".repeat(32),
      TOKEN_ENCRYPTION_KEY: "key",
      WORKFLOW_SECRET: "wf",
      CRM_PLAN_IDS: '{"p1":"starter","p2":"pro"}',
    });
    expect(env.crm.mode).toBe("highlevel");
    expect(env.crm.apiBase).toBe("https://services.leadconnectorhq.com");
    expect(env.crm.planIds).toEqual({ p1: "starter", p2: "pro" });
    expect(env.crm.sandboxWebhookPrivateKey).toBeUndefined();
    expect(env.crm.webhookPublicKey).toContain("MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=");
  });

  it("refuses bad numbers and plan maps with the variable's name", () => {
    expect(configErrorOf({ DATA_DIR: freshDir(), PORT: "70000" }).message).toContain("PORT");
    expect(configErrorOf({ DATA_DIR: freshDir(), TRUSTED_PROXY_HOPS: "-1" }).message).toContain("TRUSTED_PROXY_HOPS");
    expect(configErrorOf({ DATA_DIR: freshDir(), CRM_PLAN_IDS: '{"p1":"gold"}' }).message).toContain("CRM_PLAN_IDS");
    expect(configErrorOf({ DATA_DIR: freshDir(), SESSION_SECRET: "short" }).message).toContain("SESSION_SECRET");
  });
});
