/**
 * `npm run bench:analytics` — how fast analytics answer on a big workspace: every panel and the
 * whole dashboard (the panels concurrently, as `getAnalytics` runs them), per window, for the
 * workspace dashboard, the busiest link's page, a median link's page and the busiest campaign;
 * then a raw-click CSV export: rows/s, and the process's memory sampled every 50 ms while the
 * export streams into a byte-counting sink (it must stay flat, however many rows).
 *
 * Per size, a throwaway database is created, migrated and seeded with lib/seed/clicks.ts (a year
 * of realistic clicks on 1,000 links, through the click store's own batch writer, which maintains
 * the rollups), then `VACUUM ANALYZE`d (what autovacuum does to a live table). Each query is run
 * once to warm up, then `--runs` times; figures are the median and p95 (nearest rank). Targets at
 * 10M clicks on PostgreSQL: whole dashboard ≤ 300 ms, one link's page ≤ 100 ms. Never asserted
 * anywhere: figures depend on the machine (and on whatever else it is running).
 *
 *   npm run bench:analytics -- [--sizes=1m,10m] [--pglite | --no-pglite] [--runs=7]
 *     [--only=dashboard,link,campaign,csv] [--database-url=postgres://…] [--keep] [--reuse=URL|DIR]
 *     [--seed=1] [--writers=2]
 *
 * PostgreSQL at every size (`--database-url`, else DATABASE_URL, else
 * postgres://127.0.0.1:5432/postgres, where the throwaway databases are created and dropped) and
 * PGlite (in this process) at 1M. `--pglite` runs PGlite only, `--no-pglite` PostgreSQL only.
 * `--keep` keeps the seeded databases and prints how to reuse them; `--reuse=<postgres URL or
 * PGlite directory>` measures an already seeded database (no seeding, no drop).
 */
/* eslint-disable no-restricted-properties -- the bench sets up its own environment before anything reads it */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type Db, type DbConfig } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { getAnalytics } from "@/lib/analytics/get-analytics";
import { PANELS, resolveQuery, type AnalyticsInput } from "@/lib/analytics/panels";
import { ANALYTICS_WINDOWS, type AnalyticsScope, type AnalyticsWindow } from "@/lib/analytics/types";
import { resolveWindow } from "@/lib/analytics/window";
import type { Plan } from "@/lib/billing/plans";
import { clicksCsvChunks } from "@/lib/clicks/export-csv";
import { env } from "@/lib/env";
import { seedClicks } from "@/lib/seed/clicks";
import { countLabel, parseCount } from "@/lib/seed/parse-count";
import { createThrowawayDatabase } from "@/bench/throwaway-database";

const PARTS = ["dashboard", "link", "campaign", "csv"] as const;
type Part = (typeof PARTS)[number];

type Options = {
  sizes: number[];
  postgres: boolean;
  pglite: boolean;
  runs: number;
  only: Set<Part>;
  baseUrl: string;
  keep: boolean;
  reuse: string | null;
  seed: number;
  writers: number;
};

/** PostgreSQL targets, at 10M clicks. */
const TARGET_DASHBOARD_MS = 300;
const TARGET_LINK_MS = 100;
const SAMPLE_EVERY_MS = 50;

function parseOptions(argv: string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
  const known = new Set(["sizes", "pglite", "no-pglite", "runs", "only", "database-url", "keep", "reuse", "seed", "writers"]);
  for (const a of argv) if (!known.has(a.replace(/^--/, "").split("=")[0] ?? "")) throw new Error(`unknown option ${a}`);
  const envUrl = process.env.DATABASE_URL;
  const onlyPglite = argv.includes("--pglite");
  return {
    sizes: (get("sizes") ?? "1m,10m").split(",").map(parseCount).sort((a, b) => a - b),
    postgres: !onlyPglite,
    pglite: !argv.includes("--no-pglite"),
    runs: Math.max(1, parseCount(get("runs") ?? "7")),
    only: new Set((get("only")?.split(",") ?? PARTS).map((p) => {
      if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only takes ${PARTS.join(",")}`);
      return p as Part;
    })),
    baseUrl: get("database-url") ?? (envUrl || "postgres://127.0.0.1:5432/postgres"),
    keep: argv.includes("--keep"),
    reuse: get("reuse") ?? null,
    seed: parseCount(get("seed") ?? "1"),
    writers: Math.max(1, parseCount(get("writers") ?? "2")),
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const out = (line = "") => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${fmt(bytes / 1_048_576)} MB`;

// ---------------------------------------------------------------------------------------------
// Databases

type Target = { label: string; config: DbConfig; size: number | null; seeded: boolean; drop: () => Promise<void>; reuseHint: string };

async function postgresTarget(opts: Options, size: number): Promise<Target> {
  const db = await createThrowawayDatabase(opts.baseUrl, "sl_bench_analytics");
  return {
    label: `PostgreSQL ${db.version}, ${countLabel(size)} clicks (throwaway database ${db.name})`,
    config: { driver: "postgres", url: db.url },
    size,
    seeded: false,
    reuseHint: db.url,
    drop: db.drop,
  };
}

function pgliteTarget(size: number): Target {
  const dir = mkdtempSync(path.join(tmpdir(), "sl-bench-analytics-pglite-"));
  return {
    label: `PGlite (in this process), ${countLabel(size)} clicks (${dir})`,
    config: { driver: "pglite", dir },
    size,
    seeded: false,
    reuseHint: dir,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function reusedTarget(reuse: string): Target {
  const isUrl = /^postgres(ql)?:\/\//.test(reuse);
  return {
    label: `${isUrl ? "PostgreSQL" : "PGlite"}, reused database ${reuse}`,
    config: isUrl ? { driver: "postgres", url: reuse } : { driver: "pglite", dir: reuse },
    size: null,
    seeded: true,
    reuseHint: reuse,
    drop: async () => {},
  };
}

async function seed(database: Database, target: Target, opts: Options, now: Date): Promise<void> {
  const size = target.size ?? 0;
  const writers = database.driver === "pglite" ? 1 : opts.writers;
  let lastPrint = 0;
  process.stdout.write(`  seeding ${countLabel(size)} clicks (${writers} writer${writers === 1 ? "" : "s"})…`);
  const result = await seedClicks(database.db, {
    clicks: size,
    seed: opts.seed,
    now,
    writers,
    onProgress: (p) => {
      if (p.elapsedMs - lastPrint < 10_000) return;
      lastPrint = p.elapsedMs;
      process.stdout.write(` ${fmt((100 * p.written) / p.total)}%`);
    },
  });
  out(
    `\n  seeded ${fmt(result.written)} clicks in ${fmt(result.writeMs / 1000, 1)} s: ${fmt(result.written / (result.writeMs / 1000))} clicks/s ` +
      `(${fmt(result.fixtures.links.length)} links, ${fmt(result.fixtures.created.codes)} per-contact codes, ${fmt(result.stats.bots)} bots, ${fmt(result.stats.identified)} identified)`,
  );
  const started = performance.now();
  await database.db.execute(sql`vacuum analyze`);
  out(`  vacuum analyze: ${fmt((performance.now() - started) / 1000, 1)} s`);
}

// ---------------------------------------------------------------------------------------------
// What is measured

type Subject = { part: Part; name: string; scope: AnalyticsScope; isLinkPage: boolean };
type Workspace = { id: string; plan: Plan; clicks: number };

/** The workspace with the most clicks, its busiest and median links and its busiest campaign. */
async function subjects(db: Db): Promise<{ workspace: Workspace; list: Subject[] }> {
  const [ws] = rowsOf<{ id: string; plan: Plan; clicks: string }>(
    await db.execute(sql`
      select w.id, w.plan, coalesce(sum(l.clicks), 0)::text as clicks from workspaces w
      left join links l on l.workspace_id = w.id and l.parent_link_id is null
      group by w.id order by sum(l.clicks) desc nulls last limit 1`),
  );
  if (!ws) throw new Error("the database has no workspace");
  const links = rowsOf<{ id: string; slug: string; clicks: string; rn: string; n: string }>(
    await db.execute(sql`
      select id, slug, clicks::text, rn::text, n::text from (
        select id, slug, clicks, row_number() over (order by clicks desc, id) as rn, count(*) over () as n
        from links where workspace_id = ${ws.id} and parent_link_id is null and status = 'active'
      ) t where rn = 1 or rn = (n + 1) / 2 order by rn`),
  );
  const [campaign] = rowsOf<{ id: string; name: string; links: string; clicks: string }>(
    await db.execute(sql`
      select c.id, c.name, count(l.id)::text as links, coalesce(sum(l.clicks), 0)::text as clicks
      from campaigns c join links l on l.campaign_id = c.id and l.parent_link_id is null
      where c.workspace_id = ${ws.id} group by c.id order by sum(l.clicks) desc limit 1`),
  );
  const list: Subject[] = [{ part: "dashboard", name: `workspace dashboard (${fmt(Number(ws.clicks))} human clicks all time)`, scope: { kind: "workspace" }, isLinkPage: false }];
  for (const [i, link] of links.entries()) {
    list.push({
      part: "link",
      name: `${i === 0 ? "busiest" : "median"} link's page: /${link.slug} (${fmt(Number(link.clicks))} clicks, rank ${link.rn} of ${link.n})`,
      scope: { kind: "link", linkId: link.id },
      isLinkPage: true,
    });
  }
  if (campaign) {
    list.push({
      part: "campaign",
      name: `campaign "${campaign.name}" (${fmt(Number(campaign.links))} links, ${fmt(Number(campaign.clicks))} clicks)`,
      scope: { kind: "campaign", campaignId: campaign.id },
      isLinkPage: false,
    });
  }
  return { workspace: { id: ws.id, plan: ws.plan, clicks: Number(ws.clicks) }, list };
}

/** Every click row of the workspace, bots included (the size of a reused database). */
async function storedClicks(db: Db, workspaceId: string): Promise<number> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from clicks where workspace_id = ${workspaceId}`));
  return Number(row?.n ?? 0);
}

type Timings = { median: number; p95: number };

function summarize(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

type PanelName = keyof typeof PANELS;
const PANEL_NAMES = Object.keys(PANELS) as PanelName[];
/** Rows of a subject's table: the query resolution, each panel alone, and the whole dashboard. */
type Row = "resolve" | PanelName | "whole dashboard";
type SubjectResult = Map<AnalyticsWindow, Map<Row, Timings>>;

async function measure(db: Db, workspace: Workspace, subject: Subject, runs: number, now: Date): Promise<SubjectResult> {
  const result: SubjectResult = new Map();
  for (const window of ANALYTICS_WINDOWS) {
    const input: AnalyticsInput = { workspaceId: workspace.id, scope: subject.scope, window, plan: workspace.plan, now };
    const samples = new Map<Row, number[]>();
    const add = (row: Row, ms: number) => samples.set(row, [...(samples.get(row) ?? []), ms]);
    // Warm-up: every query once (plans, caches).
    await getAnalytics(db, input);
    for (let r = 0; r < runs; r++) {
      add("whole dashboard", await timed(() => getAnalytics(db, input)));
      let query: Awaited<ReturnType<typeof resolveQuery>> | null = null;
      add("resolve", await timed(async () => (query = await resolveQuery(db, input))));
      if (!query) throw new Error("unresolved query");
      for (const name of PANEL_NAMES) {
        const q = query;
        add(name, await timed(() => PANELS[name](db, q)));
      }
    }
    result.set(window, new Map([...samples].map(([row, ms]) => [row, summarize(ms)])));
  }
  return result;
}

function subjectTable(result: SubjectResult): string {
  const rows: Row[] = ["resolve", ...PANEL_NAMES, "whole dashboard"];
  const header = ["ms: median / p95", ...ANALYTICS_WINDOWS];
  const cell = (t: Timings | undefined) => (t ? `${fmt(t.median, 1)} / ${fmt(t.p95, 1)}` : "-");
  const cells = rows.map((row) => [row === "whole dashboard" ? "WHOLE DASHBOARD (concurrent)" : row, ...ANALYTICS_WINDOWS.map((w) => cell(result.get(w)?.get(row)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) => `    ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join("   ")}`;
  return [line(header), ...cells.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------
// CSV export

type Memory = { start: number; peak: number; end: number; /** Peak in each quarter of the export's duration (null: no sample). */ quarters: (number | null)[] };
type CsvResult = { rows: number; bytes: number; ms: number; firstChunkMs: number; rss: Memory; heap: Memory };

async function measureCsv(db: Db, workspace: Workspace, window: AnalyticsWindow, now: Date): Promise<CsvResult> {
  const range = resolveWindow(window, workspace.plan, now);
  const from = new Date(`${range.from}T00:00:00Z`);
  const to = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000);
  const start = process.memoryUsage();
  const samples: { at: number; rss: number; heap: number }[] = [];
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ at: performance.now(), rss: m.rss, heap: m.heapUsed });
  };
  let bytes = 0;
  let lines = 0;
  let firstChunkMs = 0;
  const started = performance.now();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  try {
    for await (const chunk of clicksCsvChunks(db, { workspaceId: workspace.id, rootLinkIds: null, from, to, shortBaseUrl: env().shortBaseUrl })) {
      if (lines > 0 && firstChunkMs === 0) firstChunkMs = performance.now() - started;
      // Also per chunk: PGlite runs in this thread, and a page's query can keep the timer waiting.
      sample();
      bytes += Buffer.byteLength(chunk);
      for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) lines += 1;
    }
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - started;
  sample();
  const end = process.memoryUsage();
  const memory = (pick: (s: { rss: number; heap: number }) => number, startValue: number, endValue: number): Memory => {
    const quarters: (number | null)[] = [null, null, null, null];
    for (const s of samples) {
      const q = Math.min(3, Math.floor(((s.at - started) / ms) * 4));
      quarters[q] = Math.max(quarters[q] ?? 0, pick(s));
    }
    return { start: startValue, peak: Math.max(startValue, ...samples.map(pick)), end: endValue, quarters };
  };
  return {
    rows: lines - 1,
    bytes,
    ms,
    firstChunkMs,
    rss: memory((s) => s.rss, start.rss, end.rss),
    heap: memory((s) => s.heap, start.heapUsed, end.heapUsed),
  };
}

// ---------------------------------------------------------------------------------------------

type Verdict = { target: Target; driver: DbConfig["driver"]; size: number; dashboardMs: number; linkMs: number; campaignMs: number };

async function benchTarget(target: Target, opts: Options, now: Date, verdicts: Verdict[]): Promise<void> {
  out(`\n=== ${target.label}`);
  const database = await openDatabase(target.config);
  try {
    if (!target.seeded) await seed(database, target, opts, now);
    const db = database.db;
    const { workspace, list } = await subjects(db);
    let worstDashboard = 0;
    let worstLink = 0;
    let worstCampaign = 0;
    for (const subject of list.filter((s) => opts.only.has(s.part))) {
      out(`\n  ${subject.name}`);
      const result = await measure(db, workspace, subject, opts.runs, now);
      out(subjectTable(result));
      const whole = Math.max(...ANALYTICS_WINDOWS.map((w) => result.get(w)?.get("whole dashboard")?.median ?? 0));
      if (subject.part === "dashboard") worstDashboard = Math.max(worstDashboard, whole);
      if (subject.isLinkPage) worstLink = Math.max(worstLink, whole);
      if (subject.part === "campaign") worstCampaign = Math.max(worstCampaign, whole);
    }
    verdicts.push({ target, driver: database.driver, size: target.size ?? (await storedClicks(db, workspace.id)), dashboardMs: worstDashboard, linkMs: worstLink, campaignMs: worstCampaign });
    if (opts.only.has("csv")) {
      // About a million rows: the whole year at 1M clicks, the last 30 days at 10M.
      const window: AnalyticsWindow = (target.size ?? workspace.clicks) > 2_000_000 ? "30d" : "all";
      out(`\n  CSV export of raw clicks (${window} window, every link, bots flagged), memory sampled every ${SAMPLE_EVERY_MS} ms`);
      const csv = await measureCsv(db, workspace, window, now);
      out(
        `    ${fmt(csv.rows)} rows, ${mb(csv.bytes)} in ${fmt(csv.ms / 1000, 1)} s: ${fmt(csv.rows / (csv.ms / 1000))} rows/s, ` +
          `${fmt(csv.bytes / 1_048_576 / (csv.ms / 1000), 1)} MB/s; first rows after ${fmt(csv.firstChunkMs)} ms`,
      );
      for (const [name, m] of [["RSS ", csv.rss], ["heap", csv.heap]] as const) {
        out(`    ${name} start ${mb(m.start)}, peak ${mb(m.peak)}, end ${mb(m.end)}; peak per quarter of the export: ${m.quarters.map((q) => (q === null ? "-" : mb(q))).join(", ")}`);
      }
    }
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(path.join(tmpdir(), "sl-bench-analytics-"));
  // Sandbox mode with this run's own generated secrets (top links print short URLs: env()).
  process.env.DATA_DIR = work;
  delete process.env.CRM_CLIENT_ID;
  delete process.env.CRM_MODE;
  const now = new Date();
  const targets: Target[] = [];
  if (opts.reuse) targets.push(reusedTarget(opts.reuse));
  else {
    if (opts.postgres) for (const size of opts.sizes) targets.push(await postgresTarget(opts, size));
    if (opts.pglite) targets.push(pgliteTarget(opts.sizes.includes(1_000_000) ? 1_000_000 : (opts.sizes[0] ?? 1_000_000)));
  }
  out(
    `bench:analytics — ${opts.runs} runs per query after one warm-up; node ${process.version}, ${availableParallelism()} CPUs, ` +
      `load average ${loadavg().map((l) => fmt(l, 1)).join(" ")} (figures are only as quiet as the machine)`,
  );
  const verdicts: Verdict[] = [];
  try {
    for (const target of targets) await benchTarget(target, opts, now, verdicts);
    out("\nTargets (PostgreSQL, 10M clicks; the slowest window's median):");
    for (const v of verdicts) {
      const where = `${v.driver === "postgres" ? "PostgreSQL" : "PGlite"}, ${countLabel(v.size)} clicks`;
      const verdict = (ms: number, target: number) => `${fmt(ms, 1)} ms (target ≤ ${target} ms${v.driver === "postgres" && v.size >= 10_000_000 ? `: ${ms <= target ? "met" : "NOT met"}` : ""})`;
      if (opts.only.has("dashboard")) out(`  ${where}: whole dashboard ${verdict(v.dashboardMs, TARGET_DASHBOARD_MS)}`);
      if (opts.only.has("link")) out(`  ${where}: one link's page   ${verdict(v.linkMs, TARGET_LINK_MS)}`);
      if (opts.only.has("campaign")) out(`  ${where}: a campaign        ${fmt(v.campaignMs, 1)} ms (no target)`);
    }
  } finally {
    for (const target of targets) {
      if (opts.keep || target.seeded) {
        if (!target.seeded) out(`kept: ${target.label}\n  rerun with --reuse=${target.reuseHint}`);
        continue;
      }
      await target.drop();
    }
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:analytics failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
