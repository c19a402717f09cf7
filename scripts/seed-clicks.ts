/**
 * `npm run seed:clicks -- --clicks 1m` — fills a workspace with a year of realistic clicks
 * (lib/seed/clicks.ts), through the click store's own batch writer.
 *
 *   npm run seed:clicks -- --clicks N [--workspace ws_…] [--days N] [--links 1000] [--seed 1]
 *     [--database-url postgres://…] [--writers N] [--batch 20000]
 *
 *   --clicks     how many (1000000, 1_000_000, 1e6, 1m, 500k, 10m)
 *   --workspace  default: the sandbox's first installed location's workspace (the Pro one), else
 *                the oldest workspace, else a new "Seeded workspace" on Pro
 *   --days       UTC days ending today (default: the plan's history, Pro 365, Starter 180)
 *   --links      top-level links the workspace should have; missing ones are created (default 1000)
 *   --seed       the same seed gives the same data (default 1)
 *   --writers    batches in flight (PostgreSQL only; default 2)
 *
 * The database: `--database-url`, else the app's (DATABASE_URL, else the PGlite directory
 * PGLITE_DIR or .data/pglite). PGlite admits one process per directory: stop the app first.
 */
import { sql } from "drizzle-orm";
import { openDatabase, type DbConfig } from "@/db/client";
import { env } from "@/lib/env";
import { DEFAULT_BATCH, seedClicks } from "@/lib/seed/clicks";
import { parseCount } from "@/lib/seed/parse-count";

type Options = {
  clicks: number;
  workspaceId: string | null;
  days: number | undefined;
  links: number;
  seed: number;
  databaseUrl: string | null;
  writers: number;
  batchSize: number;
};

const USAGE = "usage: npm run seed:clicks -- --clicks 1m [--workspace ws_…] [--days 365] [--links 1000] [--seed 1] [--database-url postgres://…] [--writers 2] [--batch 20000]";

function parseOptions(argv: string[]): Options {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const eq = arg.indexOf("=");
    if (eq !== -1) values.set(arg.slice(2, eq), arg.slice(eq + 1));
    else values.set(arg.slice(2), argv[++i] ?? "");
  }
  const known = ["clicks", "workspace", "days", "links", "seed", "database-url", "writers", "batch"];
  for (const name of values.keys()) if (!known.includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
  const clicks = values.get("clicks");
  if (!clicks) throw new Error(`--clicks is required\n${USAGE}`);
  const count = (name: string, fallback: number) => (values.has(name) ? parseCount(values.get(name) ?? "") : fallback);
  return {
    clicks: parseCount(clicks),
    workspaceId: values.get("workspace") || null,
    days: values.has("days") ? count("days", 0) : undefined,
    links: count("links", 1_000),
    seed: count("seed", 1),
    databaseUrl: values.get("database-url") || null,
    writers: Math.max(1, count("writers", 2)),
    batchSize: Math.max(1, count("batch", DEFAULT_BATCH)),
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const out = (line = "") => process.stdout.write(`${line}\n`);

function describe(config: DbConfig): string {
  if (config.driver === "pglite") return `PGlite in ${config.dir}`;
  const url = new URL(config.url);
  return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const config: DbConfig = opts.databaseUrl ? { driver: "postgres", url: opts.databaseUrl } : env().database;
  if (config.driver === "pglite") {
    out(`Using the embedded database (${config.dir}). PGlite admits one process per directory: stop the app (npm run dev / npm start) before seeding.`);
  }
  const database = await openDatabase(config);
  const writers = database.driver === "pglite" ? 1 : opts.writers;
  const started = performance.now();
  let lastPrint = 0;
  try {
    const result = await seedClicks(database.db, {
      clicks: opts.clicks,
      workspaceId: opts.workspaceId,
      days: opts.days,
      links: opts.links,
      seed: opts.seed,
      batchSize: opts.batchSize,
      writers,
      onFixtures: (f) => {
        out(`${describe(config)} — workspace ${f.workspace.id} "${f.workspace.name}" (${f.workspace.plan})${f.createdWorkspace ? ", created" : ""}`);
        out(
          `  links: ${fmt(f.links.length)} top-level (${fmt(f.created.links)} created), ${fmt(f.created.codes)} per-contact codes minted, ` +
            `${fmt(f.created.campaigns)} campaigns and ${fmt(f.created.tags)} tags created, ${fmt(f.created.contacts)} contact names cached`,
        );
        out(`  writing ${fmt(opts.clicks)} clicks, ${fmt(opts.batchSize)} a batch, ${writers} writer${writers === 1 ? "" : "s"}…`);
      },
      onProgress: (p) => {
        if (p.elapsedMs - lastPrint < 2_000 && p.written < p.total) return;
        lastPrint = p.elapsedMs;
        out(`  ${fmt(p.written).padStart(12)} / ${fmt(p.total)}  ${fmt((100 * p.written) / Math.max(1, p.total)).padStart(3)}%  ${fmt(p.written / (p.elapsedMs / 1000)).padStart(8)} clicks/s`);
      },
    });
    const s = result.stats;
    const human = result.written - s.bots;
    out(
      `done: ${fmt(result.written)} clicks ${result.window.from} → ${result.window.to} in ${fmt(result.writeMs / 1000, 1)} s ` +
        `(${fmt(result.written / (result.writeMs / 1000))} clicks/s); ${fmt(s.bots)} bots, ${fmt(s.identified)} identified ` +
        `(${fmt(s.viaCodes)} through codes), ${fmt(s.qrScans)} QR scans, ${fmt((100 * s.repeats) / Math.max(1, human), 1)}% same-day repeats`,
    );
    process.stdout.write("  analyze… ");
    const analyzeStarted = performance.now();
    await database.db.execute(sql`analyze clicks, click_rollups, click_visitor_days, click_contact_reach, links`);
    out(`${fmt((performance.now() - analyzeStarted) / 1000, 1)} s; total ${fmt((performance.now() - started) / 1000, 1)} s`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed:clicks failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
