/**
 * Headers and host routing only: it never looks anything up (Next 16 docs: not an auth layer).
 * In production `server.ts` answers short links before Next, so this runs for app traffic.
 */
import { NextResponse, type NextRequest } from "next/server";
import { frameAncestorsPolicy } from "@/lib/embedding/frame-ancestors";
import { env } from "@/lib/env";

export function proxy(_req: NextRequest): NextResponse {
  const res = NextResponse.next();
  // The app lives in the CRM's iframe: allow its hosts, and never send X-Frame-Options.
  res.headers.set("Content-Security-Policy", frameAncestorsPolicy(env()));
  res.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  res.headers.set("X-Content-Type-Options", "nosniff");
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
