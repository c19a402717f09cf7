/**
 * The only reader of `process.env` (lint enforces it). Parsed once, lazily: `next build`
 * imports modules without a configured environment, so nothing is read at import time.
 *
 * Sandbox mode (no CRM credentials) fills every missing secret with a generated one kept in
 * `${DATA_DIR}/secrets.json`, so a newcomer runs the app with no configuration. HighLevel mode
 * is production: a missing secret stops start-up with a message naming the variable.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { processSingleton } from "@/lib/process-state";

const HIGHLEVEL_API_BASE = "https://services.leadconnectorhq.com";
/** HighLevel's published Ed25519 webhook key (X-GHL-Signature); configurable for rotation. */
export const HIGHLEVEL_WEBHOOK_PUBLIC_KEY =
  "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=\n-----END PUBLIC KEY-----\n";

/** Thrown for configuration that cannot work; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const httpBaseUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://links.example.com" })
  .transform((v) => v.replace(/\/+$/, ""));

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/smart_links");

const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(1, "must be a port number from 1 to 65535").max(65535, "must be a port number from 1 to 65535").default(3000),
  HOSTNAME: optionalText,
  APP_URL: httpBaseUrl.optional(),
  SHORT_BASE_URL: httpBaseUrl.optional(),
  SANDBOX_SHELL_URL: httpBaseUrl.optional(),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  PGLITE_DIR: optionalText,
  CRM_MODE: z.enum(["sandbox", "highlevel"]).optional(),
  CRM_API_BASE: httpBaseUrl.optional(),
  CRM_CLIENT_ID: optionalText,
  CRM_CLIENT_SECRET: optionalText,
  CRM_SSO_KEY: optionalText,
  CRM_WEBHOOK_PUBLIC_KEY: optionalText,
  CRM_PLAN_IDS: optionalText,
  FRAME_ANCESTORS: optionalText,
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TOKEN_ENCRYPTION_KEY: optionalText,
  WORKFLOW_SECRET: optionalText,
  UNINSTALL_GRACE_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
});

const planIdsSchema = z.record(z.string(), z.enum(["starter", "pro"]));

/** The CRM plan ids the sandbox CRM's billing uses. */
export const SANDBOX_PLAN_IDS = { "sandbox-plan-starter": "starter", "sandbox-plan-pro": "pro" } as const;
export const SANDBOX_CLIENT_ID = "smart-links-sandbox";

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  hostname: string | undefined;
  appUrl: string;
  shortBaseUrl: string;
  sandboxShellUrl: string;
  dataDir: string;
  database: { driver: "postgres"; url: string } | { driver: "pglite"; dir: string };
  crm: {
    mode: "sandbox" | "highlevel";
    apiBase: string;
    clientId: string;
    clientSecret: string;
    ssoKey: string;
    webhookPublicKey: string;
    /** Sandbox only: the key the sandbox CRM signs its webhooks with. */
    sandboxWebhookPrivateKey: string | undefined;
    planIds: Record<string, "starter" | "pro">;
  };
  frameAncestors: string[];
  sessionSecret: string;
  tokenEncryptionKey: string;
  workflowSecret: string;
  uninstallGraceDays: number;
  trustedProxyHops: number;
};

type Source = Record<string, string | undefined>;

/** Parses a whole environment. Pure apart from reading/creating `${DATA_DIR}/secrets.json` in sandbox mode. */
export function loadEnv(source: Source): Env {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`),
    );
  }
  const raw = parsed.data;
  const mode = raw.CRM_MODE ?? (raw.CRM_CLIENT_ID ? "highlevel" : "sandbox");
  const appUrl = raw.APP_URL ?? `http://localhost:${raw.PORT}`;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ raw.DATA_DIR);

  let planIds: Record<string, "starter" | "pro"> = { ...SANDBOX_PLAN_IDS };
  if (raw.CRM_PLAN_IDS) {
    const plans = parseJson(raw.CRM_PLAN_IDS);
    const checked = planIdsSchema.safeParse(plans);
    if (!checked.success) {
      throw new ConfigError([`CRM_PLAN_IDS: must be a JSON object such as {"plan_abc":"pro"}`]);
    }
    planIds = checked.data;
  }

  const secrets =
    mode === "highlevel" ? requireProductionSecrets(raw) : sandboxSecrets(raw, dataDir);

  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    hostname: raw.HOSTNAME,
    appUrl,
    shortBaseUrl: raw.SHORT_BASE_URL ?? appUrl,
    sandboxShellUrl: raw.SANDBOX_SHELL_URL ?? `http://127.0.0.1:${raw.PORT}`,
    dataDir,
    database: raw.DATABASE_URL
      ? { driver: "postgres", url: raw.DATABASE_URL }
      : { driver: "pglite", dir: pgliteDir(raw.PGLITE_DIR, raw.DATA_DIR) },
    crm: {
      mode,
      apiBase: raw.CRM_API_BASE ?? (mode === "sandbox" ? `${appUrl}/sandbox/crm` : HIGHLEVEL_API_BASE),
      clientId: raw.CRM_CLIENT_ID ?? SANDBOX_CLIENT_ID,
      clientSecret: secrets.clientSecret,
      ssoKey: secrets.ssoKey,
      webhookPublicKey: secrets.webhookPublicKey,
      sandboxWebhookPrivateKey: secrets.webhookPrivateKey,
      planIds,
    },
    frameAncestors: (raw.FRAME_ANCESTORS ?? "").split(/[\s,]+/).filter(Boolean),
    sessionSecret: secrets.sessionSecret,
    tokenEncryptionKey: secrets.tokenEncryptionKey,
    workflowSecret: secrets.workflowSecret,
    uninstallGraceDays: raw.UNINSTALL_GRACE_DAYS,
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
  };
}

/** `memory://` keeps an in-memory database (tests); anything else is a directory. */
function pgliteDir(configured: string | undefined, dataDir: string): string {
  if (configured === "memory://") return configured;
  return path.resolve(/*turbopackIgnore: true*/ configured ?? path.join(dataDir, "pglite"));
}

type Secrets = {
  clientSecret: string;
  ssoKey: string;
  webhookPublicKey: string;
  webhookPrivateKey: string | undefined;
  sessionSecret: string;
  tokenEncryptionKey: string;
  workflowSecret: string;
};

function requireProductionSecrets(raw: z.output<typeof rawSchema>): Secrets {
  const required = {
    CRM_CLIENT_ID: raw.CRM_CLIENT_ID,
    CRM_CLIENT_SECRET: raw.CRM_CLIENT_SECRET,
    CRM_SSO_KEY: raw.CRM_SSO_KEY,
    SESSION_SECRET: raw.SESSION_SECRET,
    TOKEN_ENCRYPTION_KEY: raw.TOKEN_ENCRYPTION_KEY,
    WORKFLOW_SECRET: raw.WORKFLOW_SECRET,
  };
  const missing = Object.entries(required)
    .filter(([, v]) => v === undefined)
    .map(([k]) => `${k}: is required when CRM_MODE=highlevel (production)`);
  if (missing.length > 0) throw new ConfigError(missing);
  return {
    clientSecret: raw.CRM_CLIENT_SECRET ?? "",
    ssoKey: raw.CRM_SSO_KEY ?? "",
    webhookPublicKey: raw.CRM_WEBHOOK_PUBLIC_KEY ?? HIGHLEVEL_WEBHOOK_PUBLIC_KEY,
    webhookPrivateKey: undefined,
    sessionSecret: raw.SESSION_SECRET ?? "",
    tokenEncryptionKey: raw.TOKEN_ENCRYPTION_KEY ?? "",
    workflowSecret: raw.WORKFLOW_SECRET ?? "",
  };
}

const storedSecretsSchema = z.object({
  clientSecret: z.string(),
  ssoKey: z.string(),
  webhookPublicKey: z.string(),
  webhookPrivateKey: z.string(),
  sessionSecret: z.string(),
  tokenEncryptionKey: z.string(),
  workflowSecret: z.string(),
});

/** Development secrets: generated once per data directory, shared by every process using it. */
function sandboxSecrets(raw: z.output<typeof rawSchema>, dataDir: string): Secrets {
  const stored = readOrCreateStoredSecrets(dataDir);
  return {
    clientSecret: raw.CRM_CLIENT_SECRET ?? stored.clientSecret,
    ssoKey: raw.CRM_SSO_KEY ?? stored.ssoKey,
    webhookPublicKey: raw.CRM_WEBHOOK_PUBLIC_KEY ?? stored.webhookPublicKey,
    webhookPrivateKey: raw.CRM_WEBHOOK_PUBLIC_KEY ? undefined : stored.webhookPrivateKey,
    sessionSecret: raw.SESSION_SECRET ?? stored.sessionSecret,
    tokenEncryptionKey: raw.TOKEN_ENCRYPTION_KEY ?? stored.tokenEncryptionKey,
    workflowSecret: raw.WORKFLOW_SECRET ?? stored.workflowSecret,
  };
}

function readOrCreateStoredSecrets(dataDir: string): z.output<typeof storedSecretsSchema> {
  const file = path.join(dataDir, "secrets.json");
  const existing = readStoredSecrets(file);
  if (existing) return existing;
  const keys = generateKeyPairSync("ed25519");
  const fresh = {
    clientSecret: randomBytes(24).toString("base64url"),
    ssoKey: randomBytes(24).toString("base64url"),
    webhookPublicKey: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
    webhookPrivateKey: keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    sessionSecret: randomBytes(32).toString("base64url"),
    tokenEncryptionKey: randomBytes(32).toString("base64url"),
    workflowSecret: randomBytes(24).toString("base64url"),
  };
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx`: when two processes race, the first file wins and both use it.
    writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (err) {
    const raced = readStoredSecrets(file);
    if (raced) return raced;
    throw err;
  }
}

function readStoredSecrets(file: string): z.output<typeof storedSecretsSchema> | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const checked = storedSecretsSchema.safeParse(parseJson(text));
  if (!checked.success) {
    throw new ConfigError([`${file}: is not a valid secrets file; delete it to generate new development secrets`]);
  }
  return checked.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The process's environment, parsed on first use. */
export function env(): Env {
  return processSingleton("env", () => loadEnv(process.env));
}
