/**
 * Headers and host routing only: it never looks anything up (Next 16 docs: not an auth layer).
 * In production `server.ts` answers short links before Next, so this runs for app traffic.
 */
import { NextResponse, type NextRequest } from "next/server";
import { frameAncestorsPolicy } from "@/lib/embedding/frame-ancestors";
import { LOCATION_HINT_HEADER, locationHintOf } from "@/lib/embedding/location-hint";
import { env } from "@/lib/env";

/** Passes the CRM's `?location=` hint of an app page to the layout (never trusted from the client's headers). */
function withLocationHint(req: NextRequest): Headers {
  const headers = new Headers(req.headers);
  headers.delete(LOCATION_HINT_HEADER);
  const hint = req.nextUrl.pathname.startsWith("/app") ? locationHintOf(req.nextUrl.searchParams) : null;
  if (hint) headers.set(LOCATION_HINT_HEADER, hint);
  return headers;
}

export function proxy(req: NextRequest): NextResponse {
  const res = NextResponse.next({ request: { headers: withLocationHint(req) } });
  // The app lives in the CRM's iframe: allow its hosts, and never send X-Frame-Options.
  res.headers.set("Content-Security-Policy", frameAncestorsPolicy(env()));
  res.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  res.headers.set("X-Content-Type-Options", "nosniff");
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
