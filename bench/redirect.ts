/**
 * `npm run bench:redirect` — how fast a short link answers, against a ceiling and a floor, and
 * whether a restart loses clicks.
 *
 *   ceiling        bare node:http answering a fixed 302 (nothing looked up, nothing recorded)
 *   floor          a Next 16 route handler answering a fixed 302 (`next start`, a one-route app)
 *   plain link     the production server (`dist/server.mjs`: Next in-process, short links on the
 *                  fast path in front of it) on 1,000 plain links
 *   link with      country, device and A/B rules on one link
 *   rules
 *   per-contact    minted per-contact codes (one contact each) and `?c=` on plain links
 *   link
 *
 * Then 100,000 requests against the production server with a graceful restart (SIGTERM, a new
 * process) when half have been answered; prints clicks recorded vs answered.
 *
 * The server under test is pinned to CPU 0 and the load generator (a separate process speaking
 * raw HTTP/1.1 over 50 keep-alive connections) to CPU 1, with `taskset`; PostgreSQL runs wherever
 * the OS puts it, and its CPU time is reported next to the server's. Never asserted anywhere:
 * figures depend on the machine.
 *
 *   npm run bench:redirect -- [--links=1000] [--seconds=10] [--warmup=3] [--connections=50]
 *     [--restart-requests=100000] [--database-url=postgres://…] [--pglite] [--no-build] [--cpu-prof=DIR]
 *     [--only=ceiling,floor,plain,rules,contact,restart]
 *
 * PostgreSQL by default: `--database-url`, else DATABASE_URL, else postgres://127.0.0.1:5432/postgres;
 * a throwaway database is created on that server and dropped at the end. `--pglite` uses the
 * embedded database instead (in the server's own process).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { openDatabase, type DbConfig } from "@/db/client";
import { clicks, links, workspaces } from "@/db/schema";
import type { LoadPlan, LoadResult } from "@/bench/load-generator";
import { createThrowawayDatabase } from "@/bench/throwaway-database";

type Options = {
  links: number;
  seconds: number;
  warmup: number;
  connections: number;
  restartRequests: number;
  databaseUrl: string | null;
  build: boolean;
  /** Writes a V8 CPU profile of the production server into this directory. */
  cpuProfDir: string | null;
  /** Which parts run (all by default). */
  only: Set<Part>;
};

const PARTS = ["ceiling", "floor", "plain", "rules", "contact", "restart"] as const;
type Part = (typeof PARTS)[number];

function parseOptions(argv: string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
  const num = (name: string, fallback: number) => {
    const value = Number(get(name) ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  // The bench's own configuration; the servers it starts get their environment explicitly.
  // eslint-disable-next-line no-restricted-properties
  const envUrl = process.env.DATABASE_URL;
  return {
    links: Math.floor(num("links", 1000)),
    seconds: num("seconds", 10),
    warmup: num("warmup", 3),
    connections: Math.floor(num("connections", 50)),
    restartRequests: Math.floor(num("restart-requests", 100_000)),
    databaseUrl: argv.includes("--pglite") ? null : (get("database-url") ?? (envUrl || "postgres://127.0.0.1:5432/postgres")),
    build: !argv.includes("--no-build"),
    cpuProfDir: get("cpu-prof") ?? null,
    only: new Set((get("only")?.split(",") ?? PARTS).map((p) => {
      if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only takes ${PARTS.join(",")}`);
      return p as Part;
    })),
  };
}

const ROOT = process.cwd();
/** What child processes inherit (as `npm start` would see it); each adds its own settings. */
// eslint-disable-next-line no-restricted-properties
const INHERITED_ENV = process.env;
const TSX = ["--import", "tsx"];
const WORKSPACE_ID = "ws_bench";
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

/** The framework floor: a Next app with one route handler answering a fixed 302. */
const FLOOR_ROUTE = `export const dynamic = "force-dynamic";
export function GET(): Response {
  return new Response(null, { status: 302, headers: { Location: "https://example.com/landing", "Cache-Control": "private, no-store" } });
}
`;

// ---------------------------------------------------------------------------------------------
// Set-up: database, seed, builds

type Database = { config: DbConfig; env: Record<string, string>; label: string; drop: () => Promise<void> };

async function prepareDatabase(opts: Options, work: string): Promise<Database> {
  if (!opts.databaseUrl) {
    const dir = path.join(work, "pglite");
    return { config: { driver: "pglite", dir }, env: { PGLITE_DIR: dir }, label: "PGlite (in the server's process)", drop: async () => {} };
  }
  const db = await createThrowawayDatabase(opts.databaseUrl, "sl_bench");
  return { config: { driver: "postgres", url: db.url }, env: { DATABASE_URL: db.url }, label: db.label, drop: db.drop };
}

type Seeded = { plain: string[]; rules: string[]; codes: string[] };

async function seed(config: DbConfig, n: number): Promise<Seeded> {
  const database = await openDatabase(config);
  const db = database.db;
  await db.insert(workspaces).values({ id: WORKSPACE_ID, crmLocationId: "loc_bench", name: "Bench", plan: "pro" });
  const insert = async (rows: (typeof links.$inferInsert)[]) => {
    for (let i = 0; i < rows.length; i += 500) await db.insert(links).values(rows.slice(i, i + 500));
  };
  const plain = Array.from({ length: n }, (_, i) => `p${i.toString(36)}`);
  await insert(
    plain.map((slug, i) => ({
      id: `lnk_plain_${i}`,
      workspaceId: WORKSPACE_ID,
      slug,
      url: `https://example.com/landing/${i}`,
      utm: i % 3 === 0 ? { source: "crm", medium: "sms" } : null,
    })),
  );
  // Ten links with every kind of rule: countries, then devices, then a weighted A/B split.
  const rules = Array.from({ length: 10 }, (_, i) => `r${i}`);
  await insert(
    rules.map((slug, i) => ({
      id: `lnk_rules_${i}`,
      workspaceId: WORKSPACE_ID,
      slug,
      url: `https://example.com/default/${i}`,
      rules: {
        country: [
          { countries: ["DE", "FR", "ES", "IT", "NL"], url: "https://eu.example.com/" },
          { countries: ["JP", "KR"], url: "https://asia.example.com/" },
        ],
        device: [{ devices: ["ios" as const], url: "https://apps.apple.com/app/example" }],
        ab: [
          { url: "https://example.com/a", weight: 70 },
          { url: "https://example.com/b", weight: 30 },
        ],
      },
    })),
  );
  // Per-contact codes as the CRM mints them: one parent link, one code per contact.
  await insert([{ id: "lnk_parent", workspaceId: WORKSPACE_ID, slug: "parent", url: "https://example.com/offer", crm: { tagOnClick: true } }]);
  const codes = Array.from({ length: n }, (_, i) => `c${i.toString(36)}`);
  await insert(
    codes.map((slug, i) => ({
      id: `lnk_code_${i}`,
      workspaceId: WORKSPACE_ID,
      slug,
      url: "https://example.com/offer",
      parentLinkId: "lnk_parent",
      contactId: `contact_${i}`,
    })),
  );
  await database.close();
  return { plain, rules, codes };
}

async function countClicks(config: DbConfig): Promise<number> {
  const database = await openDatabase(config);
  const [row] = await database.db.select({ n: count() }).from(clicks).where(eq(clicks.workspaceId, WORKSPACE_ID));
  await database.close();
  return Number(row?.n ?? 0);
}

function buildApp(): void {
  const started = Date.now();
  process.stdout.write("building the app (npm run build)… ");
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...INHERITED_ENV, NEXT_TELEMETRY_DISABLED: "1" } });
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

/** Builds the one-route floor app in `dir` (webpack: Turbopack refuses a symlinked node_modules). */
function buildFloor(dir: string): void {
  const started = Date.now();
  process.stdout.write("building the floor app (one route handler)… ");
  mkdirSync(path.join(dir, "app", "floor"), { recursive: true });
  writeFileSync(path.join(dir, "app", "floor", "route.ts"), FLOOR_ROUTE);
  writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", lib: ["dom", "esnext"], module: "esnext", moduleResolution: "bundler", strict: true, skipLibCheck: true, noEmit: true, isolatedModules: true, jsx: "react-jsx" },
      include: ["**/*.ts"],
    }),
  );
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build", "--webpack"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...INHERITED_ENV, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

// ---------------------------------------------------------------------------------------------
// Request mixes

const clientIp = (i: number) => `${(i % 200) + 20}.${(i * 7) % 250}.${(i * 13) % 250}.${(i % 250) + 1}`;

function mix(paths: (i: number) => string): LoadPlan["requests"] {
  return Array.from({ length: 4096 }, (_, i) => {
    const headers: Record<string, string> = {
      "user-agent": USER_AGENTS[i % USER_AGENTS.length] ?? "",
      // Public-looking client addresses, so every click does a (cached) geo lookup.
      "x-forwarded-for": clientIp(i),
    };
    const referer = REFERERS[i % REFERERS.length];
    if (referer) headers.referer = referer;
    return { path: paths(i), headers };
  });
}

const pick = (list: string[], i: number) => list[(i * 7919) % list.length] ?? "";

function mixes(seeded: Seeded): Record<"plain" | "rules" | "contact", LoadPlan["requests"]> {
  return {
    plain: mix((i) => `/${pick(seeded.plain, i)}${i % 9 === 0 ? "?qr=1" : ""}`),
    rules: mix((i) => `/${pick(seeded.rules, i)}`),
    contact: mix((i) => (i % 2 === 0 ? `/${pick(seeded.codes, i)}` : `/${pick(seeded.plain, i)}?c=contact_${i % 500}`)),
  };
}

// ---------------------------------------------------------------------------------------------
// Processes

const canPin = availableParallelism() >= 2 && existsSync("/usr/bin/taskset");

function pinned(cpu: number, command: string, args: string[]): [string, string[]] {
  return canPin ? ["taskset", ["-c", String(cpu), command, ...args]] : [command, args];
}

type Server = { child: ChildProcess; answered: number; stderr: () => string };

function startServer(command: string, args: string[], env: Record<string, string>, cwd = ROOT): Server {
  const [cmd, argv] = pinned(0, command, args);
  const child = spawn(cmd, argv, { cwd, stdio: ["ignore", "ignore", "pipe"], env: { ...INHERITED_ENV, ...env } });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return { child, answered: 0, stderr: () => stderr };
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

/** Polls until the server answers `pathName` with a 302; counts the answers (they are clicks). */
async function waitForRedirect(server: Server, port: number, pathName: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited with code ${server.child.exitCode}\n${server.stderr()}`);
    const status = await get(port, pathName);
    if (status !== -1) server.answered += 1;
    if (status === 302) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no 302 from ${pathName} within ${timeoutMs / 1000}s\n${server.stderr()}`);
}

/** Every link once before measuring: the figures are for a warm cache, as in production. */
async function prime(server: Server, port: number, paths: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) if ((await get(port, paths[next++] ?? "/")) !== -1) server.answered += 1;
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const kill = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    child.kill("SIGTERM");
  });
}

/** CPU time (user + system) of one process, in seconds. */
function cpuOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU time of every `postgres` process on this machine, in seconds (0 where /proc is unreadable). */
function postgresCpu(): number {
  let total = 0;
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.split(") ")[1]?.split(" ") ?? [];
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

type Measured = LoadResult & { serverCpuUsPerReq: number | null; dbCpuUsPerReq: number | null };

/**
 * Runs the load generator (pinned to CPU 1) with `plan`; samples the server's and PostgreSQL's CPU
 * time over the measured window; `onHalf` runs when half of a counted plan has been answered.
 */
function runLoad(work: string, plan: LoadPlan, serverPid: () => number | undefined, onHalf?: () => void): Promise<Measured> {
  const planFile = path.join(work, `plan-${randomBytes(3).toString("hex")}.json`);
  writeFileSync(planFile, JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    const [cmd, argv] = pinned(1, process.execPath, [...TSX, path.join(ROOT, "bench/load-generator.ts"), planFile]);
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let buffer = "";
    let result: LoadResult | null = null;
    let cpuStart = { server: 0, db: 0 };
    let cpuEnd = { server: 0, db: 0 };
    const sample = () => ({ server: cpuOf(serverPid()), db: postgresCpu() });
    child.stdout.on("data", (d: Buffer) => {
      buffer += d.toString();
      let newline: number;
      while ((newline = buffer.indexOf("\n")) !== -1) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line === "measuring") cpuStart = sample();
        else if (line === "done") cpuEnd = sample();
        else if (line === "half") onHalf?.();
        else if (line.startsWith("{")) result = JSON.parse(line) as LoadResult;
      }
    });
    child.on("exit", (code) => {
      if (code !== 0 || !result) return reject(new Error(`load generator exited with ${code}`));
      const perReq = (seconds: number) => (result && result.requests > 0 && plan.mode === "timed" ? (seconds * 1e6) / result.requests : null);
      resolve({
        ...result,
        serverCpuUsPerReq: perReq(cpuEnd.server - cpuStart.server),
        dbCpuUsPerReq: perReq(cpuEnd.db - cpuStart.db),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

type Row = { name: string; result: Measured };

function table(rows: Row[], withDb: boolean): string {
  const header = ["target", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-302", "server CPU µs/req", ...(withDb ? ["PostgreSQL CPU µs/req"] : [])];
  const cells = rows.map(({ name, result: r }) => [
    name,
    fmt(r.rps),
    fmt(r.p50Ms, 2),
    fmt(r.p90Ms, 2),
    fmt(r.p99Ms, 2),
    fmt(r.maxMs, 1),
    fmt(r.unexpected + r.errors),
    r.serverCpuUsPerReq === null ? "-" : fmt(r.serverCpuUsPerReq, 1),
    ...(withDb ? [r.dbCpuUsPerReq === null ? "-" : fmt(r.dbCpuUsPerReq, 1)] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), ...cells.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.build) buildApp();
  if (!existsSync(path.join(ROOT, "dist", "server.mjs")) || !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("no production build: run without --no-build (or npm run build first)");
  }
  const work = mkdtempSync(path.join(tmpdir(), "sl-bench-"));
  const database = await prepareDatabase(opts, work);
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const timed = (requests: LoadPlan["requests"]): LoadPlan => ({
    mode: "timed",
    port,
    connections: opts.connections,
    warmupMs: opts.warmup * 1000,
    durationMs: opts.seconds * 1000,
    requests,
    expectStatus: 302,
  });
  const appEnv = (): Record<string, string> => ({
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: path.join(work, "data"),
    PGLITE_DIR: "",
    DATABASE_URL: "",
    LOG_LEVEL: "warn",
    ...database.env,
  });
  const rows: Row[] = [];
  let answered = 0;
  let serverLog = "";
  try {
    const seeded = await seed(database.config, opts.links);
    const plans = mixes(seeded);
    if (opts.only.has("floor")) buildFloor(path.join(work, "floor"));
    process.stdout.write(
      `\nbench:redirect — ${database.label}; ${opts.links} plain links, 10 with rules, ${opts.links} per-contact codes; ` +
        `${opts.connections} connections; ${opts.warmup} s warm-up + ${opts.seconds} s per target; ` +
        `${canPin ? "server on CPU 0, load generator on CPU 1" : "NOT pinned (needs taskset and 2 CPUs)"}; node ${process.version}\n\n`,
    );

    // Ceiling and floor: fixed 302s, nothing recorded.
    for (const [name, command, args, cwd] of [
      ["ceiling: bare node:http 302", process.execPath, ["-e", CEILING_JS], ROOT],
      ["floor: Next route handler 302", process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)], path.join(work, "floor")],
    ] as const) {
      if (!opts.only.has(name.startsWith("floor") ? "floor" : "ceiling")) continue;
      const server = startServer(command, [...args], { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) }, cwd);
      try {
        await waitForRedirect(server, port, name.startsWith("floor") ? "/floor" : "/");
        process.stdout.write(`  ${name}…\n`);
        rows.push({ name, result: await runLoad(work, timed(mix(() => (name.startsWith("floor") ? "/floor" : "/"))), () => server.child.pid) });
      } finally {
        await stop(server.child);
      }
    }

    // The production server: the three kinds of link, one after the other in one process.
    const prof = opts.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(opts.cpuProfDir)}`] : [];
    const server = startServer(process.execPath, [...prof, path.join(ROOT, "dist", "server.mjs")], appEnv());
    try {
      await waitForRedirect(server, port, `/${seeded.plain[0]}`);
      await prime(server, port, [...seeded.plain, ...seeded.rules, ...seeded.codes].map((s) => `/${s}`));
      for (const [part, name, requests] of [
        ["plain", "server.ts: plain link", plans.plain],
        ["rules", "server.ts: link with rules", plans.rules],
        ["contact", "server.ts: per-contact link", plans.contact],
      ] as const) {
        if (!opts.only.has(part)) continue;
        process.stdout.write(`  ${name}…\n`);
        const result = await runLoad(work, timed(requests), () => server.child.pid);
        server.answered += result.sent;
        rows.push({ name, result });
      }
    } finally {
      await stop(server.child);
      answered += server.answered;
      serverLog = server.stderr();
    }
    process.stdout.write(`\n${table(rows, database.config.driver === "postgres")}\n\n`);
    const ceiling = rows.find((r) => r.name.startsWith("ceiling"))?.result;
    const floor = rows.find((r) => r.name.startsWith("floor"))?.result;
    const plain = rows.find((r) => r.name === "server.ts: plain link")?.result;
    if (ceiling && plain) {
      const share = (plain.rps / ceiling.rps) * 100;
      process.stdout.write(`plain link / ceiling: ${fmt(share)}%  (target ≥ 30%: ${share >= 30 ? "met" : "NOT met"})\n`);
      process.stdout.write(`plain link p99:       ${fmt(plain.p99Ms, 2)} ms  (target ≤ 10 ms: ${plain.p99Ms <= 10 ? "met" : "NOT met"})\n`);
    }
    if (floor && plain) process.stdout.write(`plain link / floor:   ${fmt(plain.rps / floor.rps, 1)}×\n`);

    // Graceful restart in the middle of 100,000 requests.
    const recordedBefore = await countClicks(database.config);
    process.stdout.write(`clicks recorded ${fmt(recordedBefore)} / answered ${fmt(answered)}: ${recordedBefore === answered ? "0 lost" : `${fmt(answered - recordedBefore)} LOST`}\n`);
    if (recordedBefore !== answered) process.stdout.write(`server log (tail):\n${serverLog}\n`);
    if (!opts.only.has("restart")) return;
    process.stdout.write(`\ngraceful restart: ${fmt(opts.restartRequests)} requests (plain links), SIGTERM and a new server when half are answered…\n`);
    let current = startServer(process.execPath, [path.join(ROOT, "dist", "server.mjs")], appEnv());
    await waitForRedirect(current, port, `/${seeded.plain[0]}`);
    let pollAnswers = current.answered;
    let restartMs = 0;
    let oldExit: number | null = null;
    let restarted: Promise<void> = Promise.resolve();
    const counted: LoadPlan = { mode: "counted", port, connections: opts.connections, totalRequests: opts.restartRequests, requests: plans.plain, expectStatus: 302 };
    const result = await runLoad(work, counted, () => current.child.pid, () => {
      restarted = (async () => {
        const began = Date.now();
        oldExit = await stop(current.child);
        current = startServer(process.execPath, [path.join(ROOT, "dist", "server.mjs")], appEnv());
        await waitForRedirect(current, port, `/${seeded.plain[0]}`);
        pollAnswers += current.answered;
        restartMs = Date.now() - began;
      })();
    });
    await restarted;
    await stop(current.child);
    const recorded = (await countClicks(database.config)) - recordedBefore;
    const sent = result.sent - result.unexpected + pollAnswers;
    process.stdout.write(
      `  answered ${fmt(result.sent)} of ${fmt(opts.restartRequests)} (${fmt(result.unexpected)} not a 302, ${fmt(result.errors)} reconnections); ` +
        `old server exited with ${oldExit ?? "?"}; new one answering after ${fmt(restartMs / 1000, 1)} s (longest gap ${fmt(result.longestGapMs / 1000, 1)} s)\n`,
    );
    process.stdout.write(`  clicks recorded ${fmt(recorded)} / 302s answered ${fmt(sent)}: ${recorded === sent ? "0 lost" : `${fmt(sent - recorded)} LOST`}\n`);
  } finally {
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:redirect failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
