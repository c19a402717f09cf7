/**
 * The short-link fast path on a real node:http server in the test process (the listener
 * server.ts uses), and a raw HTTP client that never follows redirects and can set any Host.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createShortLinkListener } from "@/lib/redirect/short-link-listener";

export type ShortLinkServer = { port: number; close: () => Promise<void> };

export async function startShortLinkServer(): Promise<ShortLinkServer> {
  const server = http.createServer(createShortLinkListener());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type RawRequest = {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
};

export function rawRequest(port: number, path: string, options: RawRequest = {}): Promise<RawResponse> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path, method: options.method ?? (body !== undefined ? "POST" : "GET"), headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** `name=value` pairs of a response's Set-Cookie headers, for sending back as a Cookie header. */
export function cookiesOf(res: RawResponse): string {
  return (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
}
