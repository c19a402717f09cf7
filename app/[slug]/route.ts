/**
 * Short links when Next answers them (a deployment without server.ts, or a dotted slug):
 * the same handler as server.ts's fast path, only slower.
 */
import { handleShortLinkRequest } from "@/lib/redirect/short-link-listener";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ slug: string }> };

async function handler(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  return handleShortLinkRequest(request, slug);
}

export { handler as GET, handler as HEAD, handler as POST };
