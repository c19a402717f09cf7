import { handleSandboxCrmRequest } from "@/lib/sandbox/crm-api";

export const dynamic = "force-dynamic";

/** The sandbox CRM's HTTP API (HighLevel's paths under /sandbox/crm); 404 outside sandbox mode. */
const serve = (req: Request) => handleSandboxCrmRequest(req);

export const GET = serve;
export const POST = serve;
export const PUT = serve;
export const DELETE = serve;
