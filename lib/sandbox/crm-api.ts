/**
 * The sandbox CRM's HTTP API (`/sandbox/crm/...`): HighLevel's paths, headers, bodies, errors
 * and rate limits (crm-api.md) over the sandbox tables, so the app's CRM client only changes its
 * base URL. Every answer carries the rate-limit headers. Order of checks per call: fault →
 * route → `Version` header → bearer token → burst limit → handler.
 */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sandboxLocations, sandboxTriggerEvents, sandboxWorkflows, type SandboxTokenRow } from "@/db/schema";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { isSandboxMode, sandboxConfig, type SandboxConfig } from "@/lib/sandbox/config";
import { searchContacts } from "@/lib/sandbox/contact-search";
import {
  addTags,
  createContact,
  createNote,
  deleteContact,
  getContactOrThrow,
  listNotes,
  lookupDuplicate,
  removeTags,
  toContactDto,
  toNoteDto,
  updateContact,
  upsertContact,
} from "@/lib/sandbox/contacts";
import { crmErrors, parseBody, SandboxCrmError } from "@/lib/sandbox/crm-errors";
import { createCustomField, deleteCustomField, getCustomFieldOrThrow, listCustomFields, toCustomFieldDto, updateCustomField } from "@/lib/sandbox/custom-fields";
import { consumeUnauthorizedOnce, getFault, SLOW_FAULT_DELAY_MS } from "@/lib/sandbox/faults";
import { findValidToken, grantToken, mintLocationToken, SANDBOX_VERSION_ID } from "@/lib/sandbox/oauth";
import { chargeRequest, EXHAUSTED, rateLimitHeaders, UNCHARGED, type RateLimitState } from "@/lib/sandbox/rate-limit";

type RouteAuth = "none" | "location" | "company" | "any";
type Ctx = {
  db: Db;
  config: SandboxConfig;
  req: Request;
  url: URL;
  params: Record<string, string>;
  /** The caller's token (null only on `auth: "none"` routes). */
  token: SandboxTokenRow | null;
  now: Date;
};
type Route = { method: string; path: string[]; auth: RouteAuth; versioned: boolean; run: (ctx: Ctx) => Promise<Response> };

const json = (status: number, body: unknown): Response => Response.json(body, { status });

async function readText(req: Request): Promise<string> {
  return req.text().catch(() => "");
}

/** A JSON body; a body that is not JSON is a 400, like HighLevel's body parser answers. */
async function readJsonBody(req: Request): Promise<unknown> {
  const text = await readText(req);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw crmErrors.badRequest(err instanceof Error ? err.message : "Invalid JSON body", { error: "Bad Request" });
  }
}

/** A form-encoded body (the OAuth endpoints); JSON is accepted too, as v3 of the token endpoint does. */
async function readForm(req: Request): Promise<Record<string, string>> {
  const text = await readText(req);
  if ((req.headers.get("content-type") ?? "").includes("application/json")) {
    let value: unknown;
    try {
      value = JSON.parse(text || "{}");
    } catch {
      throw crmErrors.oauth("invalid_request", "Invalid request: the body is not valid JSON");
    }
    const parsed = z.record(z.string(), z.unknown()).safeParse(value);
    if (!parsed.success) throw crmErrors.oauth("invalid_request", "Invalid request: the body must be an object");
    return Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function param(ctx: Ctx, name: string): string {
  return ctx.params[name] ?? "";
}

/** The location of a Location token; any other token class is refused like HighLevel does (401). */
function tokenLocation(ctx: Ctx): string {
  const token = ctx.token;
  if (!token || token.userType !== "Location" || !token.locationId) throw crmErrors.wrongTokenClass();
  return token.locationId;
}

function tokenCompany(ctx: Ctx): SandboxTokenRow {
  const token = ctx.token;
  if (!token || token.userType !== "Company") throw crmErrors.wrongTokenClass();
  return token;
}

/** A Location endpoint for `locationId`: the token must be that location's. */
function requireLocation(ctx: Ctx, locationId: string): string {
  const own = tokenLocation(ctx);
  if (own !== locationId) throw crmErrors.noAccessToLocation();
  return own;
}

async function contactOf(ctx: Ctx) {
  return getContactOrThrow(ctx.db, tokenLocation(ctx), param(ctx, "contactId"));
}

const installedLocationsQuerySchema = z.object({
  companyId: z.string().min(1),
  appId: z.string().min(1),
  skip: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  query: z.string().optional(),
  isInstalled: z.enum(["true", "false"]).optional(),
  locationId: z.string().optional(),
  planId: z.string().optional(),
  versionId: z.string().optional(),
  onTrial: z.string().optional(),
});

async function installedLocations(ctx: Ctx): Promise<Response> {
  const company = tokenCompany(ctx);
  const q = parseBody(installedLocationsQuerySchema, Object.fromEntries(ctx.url.searchParams));
  if (q.companyId !== company.companyId) throw crmErrors.noAccessToCompany();
  if (q.appId !== ctx.config.appId) throw crmErrors.badRequest("App not found");
  const rows = await ctx.db.select().from(sandboxLocations).where(eq(sandboxLocations.companyId, q.companyId)).orderBy(asc(sandboxLocations.position));
  const matching = rows.filter(
    (l) =>
      (q.isInstalled === undefined || l.isAppInstalled === (q.isInstalled === "true")) &&
      (!q.query || l.name.toLowerCase().includes(q.query.toLowerCase())) &&
      (!q.locationId || l.id === q.locationId) &&
      (!q.planId || l.planId === q.planId),
  );
  const skip = q.skip ?? 0;
  const locations = matching.slice(skip, skip + (q.limit ?? 20)).map((l) => ({
    _id: l.id,
    name: l.name,
    address: "",
    isInstalled: l.isAppInstalled,
    versionId: SANDBOX_VERSION_ID,
    installedAt: l.installedAt?.toISOString() ?? null,
  }));
  return json(200, { locations, count: matching.length, installToFutureLocations: false });
}

async function getLocation(ctx: Ctx): Promise<Response> {
  const id = param(ctx, "locationId");
  const token = ctx.token;
  if (token?.userType === "Location" && token.locationId !== id) throw crmErrors.noAccessToLocation();
  const [location] = await ctx.db.select().from(sandboxLocations).where(eq(sandboxLocations.id, id)).limit(1);
  if (!location) throw crmErrors.notFound("Location not found");
  if (token?.userType === "Company" && location.companyId !== token.companyId) throw crmErrors.noAccessToLocation();
  return json(200, {
    location: { id: location.id, companyId: location.companyId, name: location.name, timezone: location.timezone, dateAdded: location.createdAt.toISOString() },
  });
}

const triggerBodySchema = z.record(z.string(), z.unknown());
const contactRefSchema = z.object({ contact: z.object({ id: z.string() }).optional(), contactId: z.string().optional(), extras: z.object({ contactId: z.string() }).optional() });

/** The `targetUrl` of a workflow using the app's trigger: records what the app fired. */
async function executeTrigger(ctx: Ctx): Promise<Response> {
  const locationId = tokenLocation(ctx);
  const body = triggerBodySchema.safeParse(await readJsonBody(ctx.req));
  if (!body.success) throw crmErrors.unprocessable(["body must be an object"]);
  const [workflow] = await ctx.db
    .select()
    .from(sandboxWorkflows)
    .where(and(eq(sandboxWorkflows.id, param(ctx, "workflowId")), eq(sandboxWorkflows.triggerId, param(ctx, "triggerId"))))
    .limit(1);
  if (!workflow || !workflow.isActive) throw crmErrors.notFound("Trigger not found");
  if (workflow.locationId !== locationId) throw crmErrors.noAccessToLocation();
  const ref = contactRefSchema.safeParse(body.data);
  const contactId = ref.success ? (ref.data.contact?.id ?? ref.data.contactId ?? ref.data.extras?.contactId ?? null) : null;
  await ctx.db.insert(sandboxTriggerEvents).values({ workflowId: workflow.id, contactId, payload: body.data, receivedAt: ctx.now });
  return json(200, { success: true });
}

const route = (method: string, path: string, auth: RouteAuth, run: Route["run"], versioned = true): Route => ({
  method,
  path: path.split("/").filter(Boolean),
  auth,
  versioned,
  run,
});

/** Literal paths come before parameterised ones that could shadow them. */
const ROUTES: Route[] = [
  route("POST", "oauth/token", "none", async (ctx) => json(200, await grantToken(ctx.db, ctx.config, await readForm(ctx.req), ctx.now)), false),
  route("POST", "oauth/locationToken", "company", async (ctx) =>
    json(200, await mintLocationToken(ctx.db, tokenCompany(ctx), await readForm(ctx.req), ctx.config, ctx.now)),
  ),
  route("GET", "oauth/installedLocations", "company", installedLocations),

  route("GET", "locations/:locationId/customFields", "location", async (ctx) => {
    const rows = await listCustomFields(ctx.db, requireLocation(ctx, param(ctx, "locationId")), ctx.url.searchParams.get("model"));
    return json(200, { customFields: rows.map((r, i) => toCustomFieldDto(r, i)) });
  }),
  route("POST", "locations/:locationId/customFields", "location", async (ctx) => {
    const row = await createCustomField(ctx.db, requireLocation(ctx, param(ctx, "locationId")), await readJsonBody(ctx.req), ctx.now);
    return json(201, { customField: toCustomFieldDto(row) });
  }),
  route("GET", "locations/:locationId/customFields/:fieldId", "location", async (ctx) => {
    const row = await getCustomFieldOrThrow(ctx.db, requireLocation(ctx, param(ctx, "locationId")), param(ctx, "fieldId"));
    return json(200, { customField: toCustomFieldDto(row) });
  }),
  route("PUT", "locations/:locationId/customFields/:fieldId", "location", async (ctx) => {
    const row = await updateCustomField(ctx.db, requireLocation(ctx, param(ctx, "locationId")), param(ctx, "fieldId"), await readJsonBody(ctx.req));
    return json(200, { customField: toCustomFieldDto(row) });
  }),
  route("DELETE", "locations/:locationId/customFields/:fieldId", "location", async (ctx) => {
    await deleteCustomField(ctx.db, requireLocation(ctx, param(ctx, "locationId")), param(ctx, "fieldId"));
    return json(200, { succeded: true });
  }),
  route("GET", "locations/:locationId", "any", getLocation),

  route("POST", "contacts", "location", async (ctx) => {
    const row = await createContact(ctx.db, tokenLocation(ctx), await readJsonBody(ctx.req), ctx.now);
    return json(201, { contact: toContactDto(row) });
  }),
  route("POST", "contacts/upsert", "location", async (ctx) => {
    const { isNew, row } = await upsertContact(ctx.db, tokenLocation(ctx), await readJsonBody(ctx.req), ctx.now);
    return json(200, { new: isNew, contact: toContactDto(row), traceId: crypto.randomUUID() });
  }),
  route("POST", "contacts/search", "location", async (ctx) => json(200, await searchContacts(ctx.db, tokenLocation(ctx), await readJsonBody(ctx.req)))),
  route("GET", "contacts/search/duplicate", "location", async (ctx) => {
    const row = await lookupDuplicate(ctx.db, tokenLocation(ctx), Object.fromEntries(ctx.url.searchParams));
    return json(200, { contact: row ? toContactDto(row) : null });
  }),
  route("GET", "contacts/:contactId", "location", async (ctx) => json(200, { contact: toContactDto(await contactOf(ctx)) })),
  route("PUT", "contacts/:contactId", "location", async (ctx) => {
    const row = await contactOf(ctx);
    return json(200, { succeded: true, contact: toContactDto(await updateContact(ctx.db, row, await readJsonBody(ctx.req), ctx.now)) });
  }),
  route("DELETE", "contacts/:contactId", "location", async (ctx) => {
    await deleteContact(ctx.db, await contactOf(ctx));
    return json(200, { succeded: true });
  }),
  route("POST", "contacts/:contactId/tags", "location", async (ctx) => {
    const row = await contactOf(ctx);
    return json(201, { tags: await addTags(ctx.db, row, await readJsonBody(ctx.req), ctx.now) });
  }),
  route("DELETE", "contacts/:contactId/tags", "location", async (ctx) => {
    const row = await contactOf(ctx);
    return json(200, { tags: await removeTags(ctx.db, row, await readJsonBody(ctx.req), ctx.now) });
  }),
  route("GET", "contacts/:contactId/notes", "location", async (ctx) => {
    const row = await contactOf(ctx);
    return json(200, { notes: (await listNotes(ctx.db, row.id)).map(toNoteDto) });
  }),
  route("POST", "contacts/:contactId/notes", "location", async (ctx) => {
    const row = await contactOf(ctx);
    return json(201, { note: toNoteDto(await createNote(ctx.db, row, await readJsonBody(ctx.req), ctx.now)) });
  }),

  route("POST", "workflows-marketplace/triggers/execute/:workflowId/:triggerId", "location", executeTrigger, false),
];

function matchPath(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

function findRoute(method: string, segments: string[]): { route: Route; params: Record<string, string> } | null {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const params = matchPath(r.path, segments);
    if (params) return { route: r, params };
  }
  return null;
}

/** The API path below `/sandbox/crm` (trailing slashes ignored: `POST /contacts/` is `POST /contacts`). */
function apiSegments(pathname: string): string[] {
  const segments = pathname.split("/").filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i] === "sandbox" && segments[i + 1] === "crm") return segments.slice(i + 2);
  }
  return segments;
}

function bearerOf(req: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function answer(req: Request, now: Date, setRate: (state: RateLimitState) => void): Promise<Response> {
  const db = await getDb();
  const fault = await getFault(db, now);
  if (fault.mode === "down") throw crmErrors.unavailable();
  if (fault.mode === "rate-limit") {
    setRate(EXHAUSTED);
    throw crmErrors.tooManyRequests();
  }
  if (fault.mode === "slow") await sleep(SLOW_FAULT_DELAY_MS);

  const url = new URL(req.url);
  const segments = apiSegments(url.pathname);
  const match = findRoute(req.method.toUpperCase(), segments);
  if (!match) throw crmErrors.notFound(`Cannot ${req.method.toUpperCase()} /${segments.join("/")}`);
  if (match.route.versioned && !req.headers.get("version")) throw crmErrors.badRequest("Version header was not found");

  let token: SandboxTokenRow | null = null;
  if (match.route.auth !== "none") {
    if (fault.mode === "unauthorized-once" && (await consumeUnauthorizedOnce(db, now))) throw crmErrors.invalidToken();
    const bearer = bearerOf(req);
    token = bearer ? await findValidToken(db, bearer, now) : null;
    if (!token) throw crmErrors.invalidToken();
    const resource = token.userType === "Location" && token.locationId ? `location:${token.locationId}` : `company:${token.companyId}`;
    const rate = await chargeRequest(db, resource, now);
    setRate(rate);
    if (rate.isOver) throw crmErrors.tooManyRequests();
  }
  return match.route.run({ db, config: sandboxConfig(), req, url, params: match.params, token, now });
}

/** Serves one request of the sandbox CRM's API (the catch-all route and `inProcessFetch` call this). */
export async function handleSandboxCrmRequest(req: Request): Promise<Response> {
  if (!isSandboxMode()) return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  let rate: RateLimitState = UNCHARGED;
  let res: Response;
  try {
    res = await answer(req, new Date(), (state) => (rate = state));
  } catch (err) {
    if (err instanceof SandboxCrmError) {
      res = json(err.status, err.body);
    } else {
      log.error("sandbox CRM request failed", { err, method: req.method, url: req.url });
      res = json(500, { statusCode: 500, message: "Internal server error" });
    }
  }
  for (const [name, value] of Object.entries(rateLimitHeaders(rate))) res.headers.set(name, value);
  res.headers.set("Cache-Control", "no-store");
  return res;
}

/**
 * A `fetch` that hands the request straight to the sandbox CRM in this process: no socket, so
 * start-up can install the app before the server listens. Only for URLs under the sandbox API.
 */
export const inProcessFetch: typeof fetch = async (input, init) => handleSandboxCrmRequest(new Request(input, init));
