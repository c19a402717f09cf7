/**
 * The sandbox CRM's API on a real node:http server, with a log of every call as the CRM
 * received it (time of arrival, method, path, status, and the location of the bearer token), for
 * tests and benches that count what the app sent. Point the app at it with
 * `APP_URL = server.url` before anything reads the environment (in sandbox mode the CRM's API
 * base is `${APP_URL}/sandbox/crm`).
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "@/lib/db";
import { handleSandboxCrmRequest } from "@/lib/sandbox/crm-api";
import { findValidToken } from "@/lib/sandbox/oauth";
import { serve } from "@/tests/helpers/serve-fetch";

export type CrmCall = { at: number; method: string; path: string; status: number; locationId: string | null };

export type SandboxCrmServer = {
  url: string;
  calls: CrmCall[];
  /**
   * The next call matching `match` is answered by the sandbox (its effect happens) but the
   * answer never reaches the app: it gets a 503 instead, as after a timeout or a dropped connection.
   */
  loseNextAnswer: (match: (method: string, path: string) => boolean) => void;
  close: () => Promise<void>;
};

/** Calls per location in the busiest `windowMs` (sliding, by arrival), and the calls counted. */
export function peakCallsPerWindow(calls: readonly CrmCall[], locationId: string, windowMs = 10_000): number {
  const times = calls.filter((c) => c.locationId === locationId).map((c) => c.at).sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

export async function startSandboxCrmServer(): Promise<SandboxCrmServer> {
  const calls: CrmCall[] = [];
  const locationByToken = new Map<string, string | null>();
  const lost: ((method: string, path: string) => boolean)[] = [];

  async function locationOf(req: Request): Promise<string | null> {
    const bearer = /^Bearer\s+(\S+)/i.exec(req.headers.get("authorization") ?? "")?.[1];
    if (!bearer) return null;
    if (!locationByToken.has(bearer)) {
      const token = await findValidToken(await getDb(), bearer);
      locationByToken.set(bearer, token?.locationId ?? null);
    }
    return locationByToken.get(bearer) ?? null;
  }

  const server: http.Server = serve(async (req) => {
    const at = Date.now();
    const url = new URL(req.url);
    const path = url.pathname.replace(/^\/sandbox\/crm/, "");
    const locationId = await locationOf(req);
    const res = await handleSandboxCrmRequest(req);
    const lose = lost.findIndex((m) => m(req.method, path));
    if (lose !== -1 && res.ok) {
      lost.splice(lose, 1);
      calls.push({ at, method: req.method, path, status: 503, locationId });
      return Response.json({ statusCode: 503, message: "Service Unavailable" }, { status: 503 });
    }
    calls.push({ at, method: req.method, path, status: res.status, locationId });
    return res;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    loseNextAnswer: (match) => lost.push(match),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
