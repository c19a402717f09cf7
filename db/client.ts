/**
 * The one database client: postgres.js when a URL is configured, PGlite (embedded PostgreSQL)
 * persisted in a directory otherwise. Both run the same migrations from `db/migrations`.
 *
 * Nothing connects at import time: `next build` imports modules in several workers, and PGlite
 * admits one process per data directory. The open database is kept on `globalThis` because
 * Next's bundle and `server.ts` each load their own copy of this module in one process.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { DatabaseUnavailableError } from "@/db/errors";
import * as schema from "@/db/schema";

export { DatabaseUnavailableError };

export type Schema = typeof schema;
/** A database or a transaction: queries take this first so they compose inside `db.transaction`. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbConfig =
  | { driver: "postgres"; url: string }
  /** `dir` is a filesystem path, or `memory://` for a throwaway in-memory database. */
  | { driver: "pglite"; dir: string };

export type Database = {
  db: Db;
  driver: DbConfig["driver"];
  close: () => Promise<void>;
};


export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

/** Opens a new connection and applies every pending migration. The caller owns `close()`. */
export async function openDatabase(config: DbConfig, migrationsFolder = MIGRATIONS_DIR): Promise<Database> {
  if (config.driver === "postgres") return openPostgres(config.url, migrationsFolder);
  return openPglite(config.dir, migrationsFolder);
}

async function openPostgres(url: string, migrationsFolder: string): Promise<Database> {
  const client = postgres(url, {
    max: 10,
    connect_timeout: 10,
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" });
  try {
    await migratePostgres(db, { migrationsFolder });
  } catch (err) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(describePostgresFailure(url, err), { cause: err });
  }
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dir: string, migrationsFolder: string): Promise<Database> {
  let client: PGlite;
  try {
    if (dir === "memory://") {
      client = new PGlite();
    } else {
      mkdirSync(path.dirname(dir), { recursive: true });
      client = new PGlite(dir);
    }
    await client.waitReady;
  } catch (err) {
    throw new DatabaseUnavailableError(
      `Cannot open the embedded database in ${dir} (${errorText(err)}). ` +
        "Is another Smart Links process using the same PGLITE_DIR?",
      { cause: err },
    );
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (err) {
    await client.close().catch(() => {});
    throw new DatabaseUnavailableError(`Cannot migrate the embedded database in ${dir}: ${errorText(err)}`, {
      cause: err,
    });
  }
  return { db, driver: "pglite", close: () => client.close() };
}

type Slot = { key: string; promise: Promise<Database> };
const SLOT = Symbol.for("smart-links.db");

/**
 * The process's database, opened and migrated on first use. A failed open is not cached, so a
 * database that comes back is picked up by the next call.
 */
export function getDatabase(config: DbConfig): Promise<Database> {
  const slots = globalThis as unknown as Record<symbol, Slot | undefined>;
  const key = config.driver === "postgres" ? config.url : config.dir;
  const slot = slots[SLOT];
  if (slot && slot.key === key) return slot.promise;
  const promise = openDatabase(config).catch((err: unknown) => {
    if (slots[SLOT]?.promise === promise) delete slots[SLOT];
    throw err;
  });
  slots[SLOT] = { key, promise };
  return promise;
}

/** Closes the process's database (graceful shutdown). */
export async function closeDatabase(): Promise<void> {
  const slots = globalThis as unknown as Record<symbol, Slot | undefined>;
  const slot = slots[SLOT];
  delete slots[SLOT];
  if (!slot) return;
  const database = await slot.promise.catch(() => null);
  await database?.close();
}

export type AppliedMigration = { hash: string; createdAt: number };

/** The newest migration recorded in drizzle's bookkeeping table, or null before any. */
export async function latestAppliedMigration(db: Db): Promise<AppliedMigration | null> {
  const result = await db.execute<{ hash: string; created_at: string | number }>(
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  // PGlite answers `{ rows }`, postgres.js an array of rows.
  const rows: unknown = Array.isArray(result) ? result : (result as { rows?: unknown }).rows;
  const row = Array.isArray(rows) ? (rows[0] as { hash: string; created_at: string | number } | undefined) : undefined;
  return row ? { hash: row.hash, createdAt: Number(row.created_at) } : null;
}

function describePostgresFailure(url: string, err: unknown): string {
  let where = "the configured server";
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    // The URL was validated by lib/env.ts; keep the generic wording if it is still odd.
  }
  return `Cannot reach PostgreSQL at ${where} (${errorText(err)}). Check DATABASE_URL and that the server is running.`;
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
    return `${typeof code === "string" ? `${code} ` : ""}${err.message}${cause}`.trim();
  }
  return String(err);
}
