import { getDatabase, type Database, type Db } from "@/db/client";
import { env } from "@/lib/env";

/** The process's database connection (opened and migrated on first use). */
export function getAppDatabase(): Promise<Database> {
  return getDatabase(env().database);
}

/** Shorthand for the query builder: `const db = await getDb();`. */
export async function getDb(): Promise<Db> {
  return (await getAppDatabase()).db;
}
