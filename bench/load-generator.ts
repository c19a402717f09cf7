/**
 * The load generator of `npm run bench:redirect`, run in its own process so it does not share an
 * event loop with the server it measures. Like autocannon (without the dependency): `connections`
 * keep-alive TCP connections, each sending its next request as soon as the previous answer has
 * ended, with requests serialised once up front and answers read just far enough to know their
 * status and where they end — so the client costs far less per request than node's http client
 * and the figures are the server's, not the client's.
 *
 * Reads the plan from the JSON file named by its argument; prints one JSON line of results.
 */
import { readFileSync } from "node:fs";
import net from "node:net";

export type LoadPlan = {
  port: number;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Cycled through in order; each is a path plus request headers. */
  requests: { path: string; headers: Record<string, string> }[];
  expectStatus: number;
};

export type LoadResult = {
  /** Every request answered, warm-up included. */
  sent: number;
  requests: number;
  unexpected: number;
  errors: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
};

const CRLF2 = Buffer.from("\r\n\r\n");
const CHUNKED_END = Buffer.from("0\r\n\r\n");

/**
 * Finds where one HTTP/1.1 response ends in `buf` (Content-Length or chunked bodies), returning
 * its status and length, or null when more bytes are needed.
 */
function parseResponse(buf: Buffer): { status: number; length: number } | null {
  const headEnd = buf.indexOf(CRLF2);
  if (headEnd === -1) return null;
  const head = buf.toString("latin1", 0, headEnd);
  const status = Number(head.slice(9, 12));
  const lengthMatch = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const bodyStart = headEnd + 4;
  if (lengthMatch) {
    const total = bodyStart + Number(lengthMatch[1]);
    return buf.length >= total ? { status, length: total } : null;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const end = buf.indexOf(CHUNKED_END, bodyStart);
    return end === -1 ? null : { status, length: end + CHUNKED_END.length };
  }
  return { status, length: bodyStart };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const wire = plan.requests.map((r) => {
    const headers = Object.entries({ host: `127.0.0.1:${plan.port}`, connection: "keep-alive", ...r.headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    return Buffer.from(`GET ${r.path} HTTP/1.1\r\n${headers}\r\n`, "latin1");
  });
  let next = 0;
  let recording = false;
  let stopAt = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  let unexpected = 0;
  let errors = 0;
  let sent = 0;

  const connection = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect(plan.port, "127.0.0.1");
      socket.setNoDelay(true);
      let pending: Buffer = Buffer.alloc(0);
      let started = 0;
      const send = () => {
        if (performance.now() >= stopAt) {
          socket.end();
          return resolve();
        }
        started = performance.now();
        socket.write(wire[next++ % wire.length] ?? Buffer.alloc(0));
      };
      socket.on("connect", send);
      socket.on("data", (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        const answer = parseResponse(pending);
        if (!answer) return;
        pending = pending.subarray(answer.length);
        sent += 1;
        if (recording) {
          latencies.push(performance.now() - started);
          if (answer.status !== plan.expectStatus) unexpected += 1;
        }
        send();
      });
      socket.on("error", () => {
        if (recording) errors += 1;
        resolve();
      });
    });

  stopAt = performance.now() + plan.warmupMs + plan.durationMs;
  const connections = Array.from({ length: plan.connections }, connection);
  await new Promise((resolve) => setTimeout(resolve, plan.warmupMs));
  recording = true;
  const measuredFrom = performance.now();
  await Promise.all(connections);
  const seconds = (performance.now() - measuredFrom) / 1000;

  const sorted = Float64Array.from(latencies).sort();
  return {
    sent,
    requests: latencies.length,
    unexpected,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? 0,
  };
}

const planFile = process.argv[2];
if (planFile) {
  const plan = JSON.parse(readFileSync(planFile, "utf8")) as LoadPlan;
  void run(plan).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
}
