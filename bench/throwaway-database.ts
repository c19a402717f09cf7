/** A PostgreSQL database made for one bench run on the server at `serverUrl`, dropped afterwards. */
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export type ThrowawayDatabase = { name: string; url: string; version: string; label: string; drop: () => Promise<void> };

async function admin<T>(serverUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

/** Creates `<prefix>_<random>`; `label` names the server version and the database. */
export async function createThrowawayDatabase(serverUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const version = await admin(serverUrl, async (sql) => {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    await sql.unsafe(`create database "${name}"`);
    return row?.server_version.split(" ")[0] ?? "?";
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    version,
    label: `PostgreSQL ${version} (throwaway database ${name})`,
    drop: () => admin(serverUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`).then(() => undefined)),
  };
}
