import { checkHealth } from "@/lib/health/check-health";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.db.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
