/**
 * The client's IP address behind `TRUSTED_PROXY_HOPS` reverse proxies. Each trusted proxy appends
 * the address it received the request from to `X-Forwarded-For`, so with N hops the client is the
 * N-th address from the right; anything further left was written by the client and can be forged.
 * The IP is used for geo and the visitor key only; it is never stored.
 */
import { isIP } from "node:net";

/**
 * @param forwardedFor the `X-Forwarded-For` header (several headers joined with ","), or null
 * @param socketIp the TCP peer address
 * @param trustedProxyHops 0 = the socket address is the client; N > 0 = the N-th entry from the
 *   right, or the leftmost when there are fewer than N (a proxy chain shorter than configured)
 * @returns a normalized address (IPv4-mapped IPv6 unwrapped, port and brackets removed), or null
 *   when the chosen entry is missing or not an IP address
 */
export function clientIp(forwardedFor: string | null, socketIp: string | null, trustedProxyHops: number): string | null {
  if (trustedProxyHops <= 0 || !forwardedFor) return normalizeIp(socketIp);
  const entries = forwardedFor
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  if (entries.length === 0) return normalizeIp(socketIp);
  const index = Math.max(entries.length - trustedProxyHops, 0);
  return normalizeIp(entries[index] ?? null);
}

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d+)?$/;

/** A bare IP address from what sockets and proxies write, or null when it is not one. */
export function normalizeIp(raw: string | null): string | null {
  if (!raw) return null;
  let ip = raw.trim();
  ip = BRACKETED_IPV6.exec(ip)?.[1] ?? ip;
  ip = IPV4_WITH_PORT.exec(ip)?.[1] ?? ip;
  ip = MAPPED_IPV4.exec(ip)?.[1] ?? ip;
  return isIP(ip) === 0 ? null : ip.toLowerCase();
}
