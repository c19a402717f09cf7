/**
 * The load generator of `npm run bench:redirect`, run in its own process (pinned to its own CPU
 * by the bench) so it does not share an event loop or a core with the server it measures. Like
 * autocannon (without the dependency): `connections` keep-alive TCP connections, each sending its
 * next request as soon as the previous answer has ended, with requests serialised once up front
 * and answers read just far enough to know their status and where they end — so the client costs
 * far less per request than node's http client and the figures are the server's, not the client's.
 *
 * Two modes:
 * - timed (`durationMs`): warm-up, then measure for a fixed time; latencies and req/s.
 * - counted (`totalRequests`): send exactly that many requests and count the answers, riding out
 *   a server restart: a refused or closed connection is reopened (after a short pause) and an
 *   unanswered request is sent again, so every request ends with exactly one answer.
 *
 * Reads the plan from the JSON file named by its argument. Prints progress lines the bench
 * reacts to (`measuring`, `half`) and, last, one JSON line of results.
 */
import { readFileSync } from "node:fs";
import net from "node:net";

export type LoadPlan = {
  port: number;
  connections: number;
  /** Cycled through in order; each is a path plus request headers. */
  requests: { path: string; headers: Record<string, string> }[];
  expectStatus: number;
} & ({ mode: "timed"; warmupMs: number; durationMs: number } | { mode: "counted"; totalRequests: number });

export type LoadResult = {
  /** Every request answered, warm-up included. */
  sent: number;
  /** Answers counted in the measured window (timed) or in all (counted). */
  requests: number;
  /** Answers with another status than `expectStatus`. */
  unexpected: number;
  /** Connection errors (timed mode); reconnections (counted mode). */
  errors: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Counted mode: the longest time no answer arrived (a restart's gap), in ms. */
  longestGapMs: number;
};

const CRLF2 = Buffer.from("\r\n\r\n");
const CHUNKED_END = Buffer.from("0\r\n\r\n");
const RECONNECT_DELAY_MS = 20;

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

export async function run(plan: LoadPlan, say: (line: string) => void = () => {}): Promise<LoadResult> {
  const wire = plan.requests.map((r) => {
    const headers = Object.entries({ host: `127.0.0.1:${plan.port}`, connection: "keep-alive", ...r.headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    return Buffer.from(`GET ${r.path} HTTP/1.1\r\n${headers}\r\n`, "latin1");
  });
  const counted = plan.mode === "counted";
  const total = counted ? plan.totalRequests : Number.POSITIVE_INFINITY;
  let next = 0;
  let recording = counted;
  let stopAt = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  let unexpected = 0;
  let errors = 0;
  let sent = 0;
  let claimed = 0;
  let saidHalf = false;
  let lastAnswerAt = performance.now();
  let longestGapMs = 0;

  /** One connection's loop; resolves when it has nothing more to send. */
  const connection = () =>
    new Promise<void>((resolve) => {
      let inFlight: Buffer | null = null;
      const open = () => {
        const socket = net.connect(plan.port, "127.0.0.1");
        socket.setNoDelay(true);
        let pending: Buffer = Buffer.alloc(0);
        let started = 0;
        let finished = false;
        const finish = () => {
          finished = true;
          socket.end();
          resolve();
        };
        const send = () => {
          if (!inFlight) {
            if (performance.now() >= stopAt || claimed >= total) return finish();
            claimed += 1;
            inFlight = wire[next++ % wire.length] ?? Buffer.alloc(0);
          }
          started = performance.now();
          socket.write(inFlight);
        };
        socket.on("connect", send);
        socket.on("data", (chunk: Buffer) => {
          pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
          for (;;) {
            const answer = parseResponse(pending);
            if (!answer) return;
            pending = pending.subarray(answer.length);
            inFlight = null;
            sent += 1;
            const now = performance.now();
            longestGapMs = Math.max(longestGapMs, now - lastAnswerAt);
            lastAnswerAt = now;
            if (recording) {
              latencies.push(now - started);
              if (answer.status !== plan.expectStatus) unexpected += 1;
            }
            if (counted && !saidHalf && sent >= total / 2) {
              saidHalf = true;
              say("half");
            }
            send();
          }
        });
        // A closed or refused connection: counted mode reopens it (the request in flight, if
        // any, is sent again); timed mode counts an error and ends this connection.
        socket.on("error", () => {});
        socket.on("close", () => {
          if (finished) return;
          errors += 1;
          if (!counted) return resolve();
          setTimeout(open, RECONNECT_DELAY_MS);
        });
      };
      open();
    });

  let measuredFrom = performance.now();
  let connections: Promise<void>[];
  if (plan.mode === "timed") {
    stopAt = performance.now() + plan.warmupMs + plan.durationMs;
    connections = Array.from({ length: plan.connections }, connection);
    await new Promise((resolve) => setTimeout(resolve, plan.warmupMs));
    recording = true;
    measuredFrom = performance.now();
    say("measuring");
  } else {
    connections = Array.from({ length: plan.connections }, connection);
  }
  await Promise.all(connections);
  const seconds = (performance.now() - measuredFrom) / 1000;
  say("done");

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
    longestGapMs,
  };
}

const planFile = process.argv[2];
if (planFile) {
  const plan = JSON.parse(readFileSync(planFile, "utf8")) as LoadPlan;
  void run(plan, (line) => process.stdout.write(`${line}\n`)).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
}
