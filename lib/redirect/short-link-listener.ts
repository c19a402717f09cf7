/**
 * The short-link handler on node:http (server.ts's fast path, and the integration tests) and on a
 * fetch `Request` (`app/[slug]/route.ts`). Both only adapt the transport; `handleShortLink`
 * decides everything.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { handleShortLink, type ShortLinkRequest, type ShortLinkResponse } from "@/lib/redirect/handle-short-link";
import { shortLinkSlugOf } from "@/lib/redirect/short-link-path";

/** Gate forms are a few short fields; anything bigger is not ours. */
export const MAX_FORM_BYTES = 16 * 1024;
const SHORT_LINK_METHODS = new Set(["GET", "HEAD", "POST"]);

function isForm(contentType: string | null | undefined): boolean {
  return (contentType ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

/** A node request's body as a form, or null when it is not a form or is larger than the limit. */
function readNodeForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  if (!isForm(req.headers["content-type"])) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", () => resolve(null));
  });
}

/**
 * The scheme the visitor used: TLS on our socket, or (behind trusted proxies) the proxy's
 * `X-Forwarded-Proto`, else the one of SHORT_BASE_URL.
 */
function schemeOf(req: IncomingMessage, trustedProxyHops: number, fallback: string): string {
  if ((req.socket as { encrypted?: boolean }).encrypted) return "https";
  const forwarded = req.headers["x-forwarded-proto"];
  if (trustedProxyHops > 0 && typeof forwarded === "string" && forwarded !== "") {
    const last = forwarded.split(",").pop()?.trim().toLowerCase();
    if (last === "https" || last === "http") return last;
  }
  return fallback;
}

function send(res: ServerResponse, method: string, answer: ShortLinkResponse): void {
  try {
    res.writeHead(answer.status, answer.headers);
    res.end(method === "HEAD" ? undefined : answer.body);
  } catch (err) {
    log.error("short link response failed", { err, status: answer.status });
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end();
  }
}

function parseTarget(scheme: string, host: string | undefined, target: string): URL | null {
  try {
    return new URL(target, `${scheme}://${host || "localhost"}`);
  } catch {
    return null;
  }
}

/**
 * A node:http listener that answers short links (GET/HEAD/POST on `/{slug}`) and passes every
 * other request to `fallback` (Next, in server.ts); without a fallback, other requests get 404.
 */
export function createShortLinkListener(fallback?: RequestListener): RequestListener {
  return (req, res) => {
    const target = req.url ?? "/";
    const slug = SHORT_LINK_METHODS.has(req.method ?? "") ? shortLinkSlugOf(target) : null;
    if (slug === null) {
      if (fallback) return fallback(req, res);
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    const config = env();
    const scheme = schemeOf(req, config.trustedProxyHops, config.shortBaseUrl.startsWith("https:") ? "https" : "http");
    const url = parseTarget(scheme, req.headers.host, target);
    if (!url) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request");
      return;
    }
    const method = req.method ?? "GET";
    const remote = req.socket.remoteAddress ?? null;
    let formRead = false;
    const request: ShortLinkRequest = {
      method,
      url,
      slug,
      headers: req.headers,
      socketIp: remote?.startsWith("::ffff:") ? remote.slice(7) : remote,
      readForm: () => {
        formRead = true;
        return readNodeForm(req);
      },
    };
    const finish = (answer: ShortLinkResponse) => {
      // An unread POST body would otherwise sit in the socket of a keep-alive connection.
      if (!formRead && method === "POST") req.resume();
      send(res, method, answer);
    };
    const answer = handleShortLink(request);
    if (answer instanceof Promise) void answer.then(finish);
    else finish(answer);
  };
}

/** The same handler for a fetch `Request` (Next's route handler). `slug` is the decoded segment. */
export async function handleShortLinkRequest(request: Request, slug: string): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const answer = await handleShortLink({
    method,
    url,
    slug,
    headers: request.headers,
    socketIp: null,
    readForm: async () => {
      if (!isForm(request.headers.get("content-type"))) return null;
      const declared = Number(request.headers.get("content-length") ?? "0");
      if (declared > MAX_FORM_BYTES) return null;
      const text = await request.text();
      return Buffer.byteLength(text) > MAX_FORM_BYTES ? null : new URLSearchParams(text);
    },
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (name.toLowerCase() === "content-length") continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return new Response(method === "HEAD" || answer.body === "" ? null : answer.body, { status: answer.status, headers });
}
