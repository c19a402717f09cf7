/**
 * A fresh database per test file with the real migrations: in-memory PGlite by default, or a
 * new database on the PostgreSQL server named by DATABASE_URL (dropped again afterwards).
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { closeDatabase, openDatabase, type Database } from "@/db/client";

export function serverDatabaseUrl(): string | undefined {
  return process.env.TEST_SERVER_DATABASE_URL || undefined;
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

/** Creates an empty database on the server; `drop()` removes it even with open connections. */
async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sl_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `drop database if exists "${name}" with (force)`) };
}

export type TestDatabase = Database & { url: string | null };

/** Creates and migrates a throwaway database; `close()` also drops it on a server. */
export async function freshDb(): Promise<TestDatabase> {
  const serverUrl = serverDatabaseUrl();
  if (!serverUrl) return { ...(await openDatabase({ driver: "pglite", dir: "memory://" })), url: null };
  const created = await createServerDatabase(serverUrl);
  const database = await openDatabase({ driver: "postgres", url: created.url });
  return {
    ...database,
    url: created.url,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/**
 * Points the app's own `getAppDatabase()` (what route handlers use) at a fresh database for
 * this test file. Call in `beforeAll` before anything reads the environment; `close` goes in
 * `afterAll`.
 */
export async function useTestDatabase(): Promise<{ close: () => Promise<void>; driver: "pglite" | "postgres" }> {
  const serverUrl = serverDatabaseUrl();
  if (!serverUrl) {
    process.env.PGLITE_DIR = "memory://";
    return { driver: "pglite", close: () => closeDatabase() };
  }
  const created = await createServerDatabase(serverUrl);
  process.env.DATABASE_URL = created.url;
  return {
    driver: "postgres",
    close: async () => {
      await closeDatabase();
      await created.drop();
    },
  };
}
