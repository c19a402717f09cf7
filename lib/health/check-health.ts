import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { latestAppliedMigration, MIGRATIONS_DIR } from "@/db/client";
import { getAppDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type Health = {
  status: "ok" | "error";
  db: {
    driver: "pglite" | "postgres";
    ok: boolean;
    /** Tag of the newest applied migration (e.g. `0000_init`), null when none or unreachable. */
    migration: string | null;
    migrations: { applied: number | null; total: number; pending: number | null };
    error?: string;
  };
};

const journalSchema = z.object({ entries: z.array(z.object({ idx: z.number(), when: z.number(), tag: z.string() })) });

function readJournal(): z.output<typeof journalSchema>["entries"] {
  const text = readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8");
  return journalSchema.parse(JSON.parse(text)).entries;
}

/** Reachability of the database and whether every committed migration is applied. */
export async function checkHealth(): Promise<Health> {
  const driver = env().database.driver;
  const journal = readJournal();
  const total = journal.length;
  try {
    const { db } = await getAppDatabase();
    const latest = await latestAppliedMigration(db);
    const index = latest ? journal.findIndex((e) => e.when === latest.createdAt) : -1;
    const applied = index + 1;
    const ok = applied === total;
    return {
      status: ok ? "ok" : "error",
      db: {
        driver,
        ok,
        migration: index >= 0 ? (journal[index]?.tag ?? null) : null,
        migrations: { applied, total, pending: total - applied },
        ...(ok ? {} : { error: "migrations pending" }),
      },
    };
  } catch (err) {
    log.warn("health check failed", { err });
    return {
      status: "error",
      db: {
        driver,
        ok: false,
        migration: null,
        migrations: { applied: null, total, pending: null },
        // Details go to the log, not to an unauthenticated endpoint.
        error: "database unreachable",
      },
    };
  }
}
