/**
 * `npm run bench:redirect` — how fast a short link answers, against a ceiling and a floor.
 *
 *   ceiling   bare node:http answering a fixed 302 (nothing looked up, nothing recorded)
 *   fast path the listener server.ts installs (cache, classify, decide, batched clicks), alone
 *   server.ts the real production server (fast path with Next loaded in the same process)
 *   floor     the same handler as a Next route handler (`next start`, app/[slug]/route.ts)
 *
 * Builds nothing: the last two need an existing `npm run build` and are skipped without one.
 * Each target runs alone on a fresh database with `--links` links; a separate process drives it
 * over keep-alive connections with rotating slugs, user agents, client IPs and contact ids, and
 * every request must get a 302. After each target stops, the clicks table is counted, to show the
 * batch writer kept up and flushed on shutdown. Never asserted anywhere: figures depend on the machine.
 *
 *   npm run bench:redirect -- --links=1000 --seconds=10 --connections=50 [--database-url=postgres://…] [--cpu-prof=DIR]
 *
 * With --database-url (a PostgreSQL server), a throwaway database is created on it and dropped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DbConfig } from "@/db/client";
import { clicks, links, workspaces } from "@/db/schema";
import type { LoadPlan, LoadResult } from "@/bench/load-generator";

type Options = {
  links: number;
  seconds: number;
  warmup: number;
  connections: number;
  databaseUrl: string | null;
  /** Writes a V8 CPU profile of each app target into this directory. */
  cpuProfDir: string | null;
};

function parseOptions(argv: string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
  const num = (name: string, fallback: number) => {
    const value = Number(get(name) ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  return {
    links: Math.floor(num("links", 1000)),
    seconds: num("seconds", 10),
    warmup: num("warmup", 3),
    connections: Math.floor(num("connections", 50)),
    databaseUrl: get("database-url") ?? null,
    cpuProfDir: get("cpu-prof") ?? null,
  };
}

const ROOT = process.cwd();
const TSX = ["--import", "tsx"];
const USER_AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
];
const REFERERS = ["", "https://www.instagram.com/", "https://mail.google.com/", "https://t.co/abc"];

const CEILING_JS = `require("node:http").createServer((q, s) => {
  s.writeHead(302, { Location: "https://example.com/landing", "Cache-Control": "private, no-store", "Content-Length": "0" });
  s.end();
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));`;

async function prepareDatabase(opts: Options, work: string): Promise<{ config: DbConfig; env: Record<string, string>; drop: () => Promise<void> }> {
  if (!opts.databaseUrl) {
    const dir = path.join(work, "pglite");
    return { config: { driver: "pglite", dir }, env: { PGLITE_DIR: dir }, drop: async () => {} };
  }
  const name = `sl_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(opts.databaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(opts.databaseUrl);
  url.pathname = `/${name}`;
  return {
    config: { driver: "postgres", url: url.toString() },
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const again = postgres(opts.databaseUrl ?? "", { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

async function seed(config: DbConfig, n: number): Promise<string[]> {
  const database = await openDatabase(config);
  const workspaceId = "ws_bench";
  await database.db.insert(workspaces).values({ id: workspaceId, crmLocationId: "loc_bench", name: "Bench", plan: "pro" });
  const slugs = Array.from({ length: n }, (_, i) => `b${i.toString(36)}`);
  for (let i = 0; i < n; i += 500) {
    await database.db.insert(links).values(
      slugs.slice(i, i + 500).map((slug, j) => ({
        id: `lnk_bench_${i + j}`,
        workspaceId,
        slug,
        url: `https://example.com/landing/${i + j}`,
        utm: (i + j) % 3 === 0 ? { source: "crm", medium: "sms" } : null,
      })),
    );
  }
  await database.close();
  return slugs;
}

async function countClicks(config: DbConfig): Promise<number> {
  const database = await openDatabase(config);
  const [row] = await database.db.select({ n: count() }).from(clicks);
  await database.close();
  return Number(row?.n ?? 0);
}

function requestMix(slugs: string[]): LoadPlan["requests"] {
  return Array.from({ length: 4096 }, (_, i) => {
    const slug = slugs[(i * 7919) % slugs.length] ?? "b0";
    const query = i % 4 === 0 ? `?c=contact_${i % 500}` : i % 9 === 0 ? "?qr=1" : "";
    const headers: Record<string, string> = {
      "user-agent": USER_AGENTS[i % USER_AGENTS.length] ?? "",
      // Public-looking client addresses, so every click does a (cached) geo lookup.
      "x-forwarded-for": `${(i % 200) + 20}.${(i * 7) % 250}.${(i * 13) % 250}.${(i % 250) + 1}`,
    };
    const referer = REFERERS[i % REFERERS.length];
    if (referer) headers.referer = referer;
    return { path: `/${slug}${query}`, headers };
  });
}

function get(port: number, pathName: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: pathName, headers: { "user-agent": USER_AGENTS[0] }, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(-1));
  });
}

/** Polls until the target answers a 302; returns how many requests reached it (they are clicks). */
async function waitForRedirect(port: number, pathName: string, child: ChildProcess, timeoutMs = 180_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let answered = 0;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`target exited with code ${child.exitCode}`);
    const status = await get(port, pathName);
    if (status !== -1) answered += 1;
    if (status === 302) return answered;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no 302 from ${pathName} within ${timeoutMs / 1000}s`);
}

async function prime(port: number, slugs: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < slugs.length) await get(port, `/${slugs[next++]}`);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function runLoad(planFile: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, path.join(ROOT, "bench/load-generator.ts"), planFile], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim()) as LoadResult);
    });
  });
}

type Target = { name: string; command: string; args: string[]; env?: Record<string, string>; recordsClicks: boolean };

function targets(cpuProfDir: string | null): { list: Target[]; skipped: string[] } {
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  const prof = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProfDir)}`] : [];
  const list: Target[] = [
    { name: "ceiling: bare node:http 302", command: process.execPath, args: ["-e", CEILING_JS], recordsClicks: false },
    {
      name: "fast path: server.ts listener",
      command: process.execPath,
      args: [...prof, ...TSX, path.join(ROOT, "bench/redirect-target.ts")],
      recordsClicks: true,
    },
  ];
  if (!built) return { list, skipped: ["server.ts with Next", "floor: Next route handler"] };
  const compiled = path.join(ROOT, "dist", "server.mjs");
  list.push({
    name: "server.ts (Next in-process)",
    command: process.execPath,
    args: [...prof, ...(existsSync(compiled) ? [compiled] : [...TSX, path.join(ROOT, "server.ts")])],
    env: { NODE_ENV: "production" },
    recordsClicks: true,
  });
  list.push({
    name: "floor: Next route handler",
    command: process.execPath,
    args: [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1"],
    env: { NODE_ENV: "production" },
    recordsClicks: true,
  });
  return { list, skipped: [] };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(path.join(tmpdir(), "sl-bench-"));
  const database = await prepareDatabase(opts, work);
  const port = 39_000 + Math.floor(Math.random() * 1000);
  try {
    const slugs = await seed(database.config, opts.links);
    const plan: LoadPlan = {
      port,
      connections: opts.connections,
      warmupMs: opts.warmup * 1000,
      durationMs: opts.seconds * 1000,
      requests: requestMix(slugs),
      expectStatus: 302,
    };
    const planFile = path.join(work, "plan.json");
    writeFileSync(planFile, JSON.stringify(plan));
    const { list, skipped } = targets(opts.cpuProfDir);
    process.stdout.write(
      `bench:redirect — ${opts.links} links, ${opts.connections} connections, ${opts.warmup}s warm-up + ${opts.seconds}s per target, ` +
        `${database.config.driver}, node ${process.version}\n`,
    );
    const results: { target: Target; result: LoadResult; clicks: { answered: number; stored: number } | null }[] = [];
    let storedBefore = 0;
    for (const target of list) {
      // Mirrors process.env into the child, as `npm start` would see it, plus the bench's own settings.
      // eslint-disable-next-line no-restricted-properties
      const baseEnv = process.env;
      const child = spawn(target.command, target.args, {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "pipe"],
        env: {
          ...baseEnv,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          PORT: String(port),
          DATA_DIR: path.join(work, "data"),
          PGLITE_DIR: "",
          DATABASE_URL: "",
          ...database.env,
          ...target.env,
        },
      });
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
      let result: LoadResult | null = null;
      try {
        const polls = await waitForRedirect(port, `/${slugs[0]}`, child);
        // Every link once before measuring: the figures are for a warm cache, as in production.
        await prime(port, slugs);
        process.stdout.write(`  ${target.name}: running…\n`);
        result = await runLoad(planFile);
        result.sent += polls + slugs.length;
      } catch (err) {
        process.stdout.write(`  ${target.name}: failed (${err instanceof Error ? err.message : String(err)})\n${stderr}\n`);
      } finally {
        await stop(child);
      }
      if (!result) continue;
      let clicks: { answered: number; stored: number } | null = null;
      if (target.recordsClicks) {
        const storedNow = await countClicks(database.config);
        clicks = { answered: result.sent, stored: storedNow - storedBefore };
        storedBefore = storedNow;
      }
      results.push({ target, result, clicks });
    }

    const rows = results.map(({ target, result, clicks }) => [
      target.name,
      fmt(result.rps),
      fmt(result.p50Ms, 2),
      fmt(result.p90Ms, 2),
      fmt(result.p99Ms, 2),
      fmt(result.maxMs, 1),
      fmt(result.unexpected + result.errors),
      clicks ? `${fmt(clicks.stored)} / ${fmt(clicks.answered)}` : "-",
    ]);
    const header = ["target", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-302", "clicks stored / answered"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
    process.stdout.write(`\n${line(header)}\n${rows.map(line).join("\n")}\n\n`);

    const rps = (prefix: string) => results.find((r) => r.target.name.startsWith(prefix))?.result.rps;
    const ceiling = rps("ceiling");
    const fast = rps("fast path");
    const inServer = rps("server.ts");
    const floor = rps("floor");
    if (fast && ceiling) process.stdout.write(`fast path / ceiling: ${fmt((fast / ceiling) * 100)}%\n`);
    if (inServer && ceiling) process.stdout.write(`server.ts / ceiling: ${fmt((inServer / ceiling) * 100)}%\n`);
    if (fast && floor) process.stdout.write(`fast path / floor:   ${fmt(fast / floor, 1)}×\n`);
    if (inServer && floor) process.stdout.write(`server.ts / floor:   ${fmt(inServer / floor, 1)}×\n`);
    for (const name of skipped) process.stdout.write(`skipped ${name}: needs an existing build (npm run build)\n`);
  } finally {
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:redirect failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
