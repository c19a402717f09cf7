/**
 * A node:http server that stops gracefully, so that a restart loses no request and no click:
 *
 * 1. stop accepting connections;
 * 2. answer every request already received — each answer not yet started says
 *    `Connection: close` — and close keep-alive connections as soon as they are idle, so clients
 *    reconnect to the new process;
 * 3. once every connection has ended (or after `deadlineMs`, when the rest are cut), resolve —
 *    the caller then flushes what it buffered (the click writer) and closes the database.
 */
import http, { type RequestListener, type Server, type ServerResponse } from "node:http";

export type GracefulServer = { server: Server; close: (deadlineMs?: number) => Promise<void> };

export function createGracefulServer(listener: RequestListener): GracefulServer {
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  // One shared listener (no closure per request: this is on the short-link hot path).
  function answered(this: ServerResponse): void {
    inFlight.delete(this);
    // Its connection may be idle now: close it rather than wait for the keep-alive timeout.
    if (closing) setImmediate(() => server.closeIdleConnections());
  }
  const server = http.createServer((req, res) => {
    if (closing) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", answered);
    listener(req, res);
  });
  const close = (deadlineMs = 10_000) =>
    new Promise<void>((resolve) => {
      closing = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      const deadline = setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, deadlineMs);
      deadline.unref();
      server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
  return { server, close };
}
