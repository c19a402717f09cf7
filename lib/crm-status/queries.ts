/**
 * Settings → CRM reads: the sync status of one workspace (connection, queue, effects today,
 * failures) and its unresolved activity (dead jobs nobody dismissed), straight from the jobs
 * table. Every query is scoped by the workspace; times are UTC.
 */
import { and, desc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { crmInstallations, jobs, leads, links, users, workspaces } from "@/db/schema";
import { namesFor, REFRESH_CONTACT_NAMES_JOB } from "@/lib/crm/contact-names";
import { effectKindOf, effectLabelOf, EFFECT_KINDS, type EffectKind } from "@/lib/crm-status/job-kinds";
import { failureCodeOfText, FAILURE_LABELS, reasonOfDeadJob } from "@/lib/crm-status/reasons";
import { UNRESOLVED_PAGE_SIZE, type CrmStatusDto, type UnresolvedItemDto, type UnresolvedPageDto } from "@/lib/crm-status/schemas";
import { AppError } from "@/lib/errors";
import { shortUrlOf } from "@/lib/links/dto";

const DAY_MS = 24 * 60 * 60_000;
/** What writeback needs from the token's scopes (crm-api.md §7.2). */
const WRITEBACK_SCOPES = ["contacts.readonly", "contacts.write"] as const;

export type StatusContext = {
  workspaceId: string;
  /** The signed-in user (`users.id`). */
  userId: string;
  mode: "sandbox" | "highlevel";
};

export function utcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Refreshing contact names is the app's own upkeep, not an effect on a contact: it is retried
 * and queued again by itself, so its failures are neither counted nor listed as unresolved.
 */
const isUserFacingSql = sql`${jobs.type} <> ${REFRESH_CONTACT_NAMES_JOB}`;

/** A pending job that ran and failed before (a rate-limited run refunds its attempt but keeps the error). */
const isRetry = sql`(${jobs.attempts} > 0 or ${jobs.lastError} is not null)`;
const countWhere = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

export async function getCrmStatus(db: Db, ctx: StatusContext, now: Date = new Date()): Promise<CrmStatusDto> {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId)).limit(1);
  if (!workspace) throw new AppError("not_found", "Workspace not found");
  const since = utcMidnight(now);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const ofWorkspace = eq(jobs.workspaceId, ctx.workspaceId);

  const [[install], [currentUser], [queue], doneToday, [lastDone], [lastFailed]] = await Promise.all([
    db.select().from(crmInstallations).where(and(eq(crmInstallations.locationId, workspace.crmLocationId), eq(crmInstallations.userType, "Location"))).limit(1),
    db
      .select({ name: users.name, email: users.email, crmUserId: users.crmUserId, role: users.role })
      .from(users)
      .where(and(eq(users.workspaceId, ctx.workspaceId), eq(users.id, ctx.userId)))
      .limit(1),
    db
      .select({
        pending: countWhere(sql`${jobs.status} = 'pending'`),
        running: countWhere(sql`${jobs.status} = 'running'`),
        retrying: countWhere(sql`${jobs.status} = 'pending' and ${isRetry}`),
        nextRetryAt: sql<Date | null>`min(${jobs.runAt}) filter (where ${jobs.status} = 'pending' and ${isRetry})`.mapWith(jobs.runAt),
        dead24h: countWhere(sql`${jobs.status} = 'dead' and ${isUserFacingSql} and ${jobs.updatedAt} >= ${dayAgo.toISOString()}::timestamptz`),
        retrying24h: countWhere(sql`${jobs.status} = 'pending' and ${isRetry} and ${jobs.updatedAt} >= ${dayAgo.toISOString()}::timestamptz`),
        unresolved: countWhere(sql`${jobs.status} = 'dead' and ${jobs.dismissedAt} is null and ${isUserFacingSql}`),
      })
      .from(jobs)
      .where(and(ofWorkspace, inArray(jobs.status, ["pending", "running", "dead"]))),
    db
      .select({ type: jobs.type, n: sql<number>`count(*)`.mapWith(Number) })
      .from(jobs)
      // updatedAt ≥ completedAt for a done job, so the range also narrows the index scan.
      .where(and(ofWorkspace, eq(jobs.status, "done"), sql`${jobs.updatedAt} >= ${since.toISOString()}::timestamptz`, sql`${jobs.completedAt} >= ${since.toISOString()}::timestamptz`))
      .groupBy(jobs.type),
    db
      .select({ type: jobs.type, completedAt: jobs.completedAt, updatedAt: jobs.updatedAt })
      .from(jobs)
      .where(and(ofWorkspace, eq(jobs.status, "done")))
      .orderBy(desc(jobs.updatedAt))
      .limit(1),
    db
      .select({ type: jobs.type, status: jobs.status, lastError: jobs.lastError, attempts: jobs.attempts, updatedAt: jobs.updatedAt })
      .from(jobs)
      .where(and(ofWorkspace, inArray(jobs.status, ["pending", "running", "dead"]), isNotNull(jobs.lastError), ne(jobs.type, REFRESH_CONTACT_NAMES_JOB)))
      .orderBy(desc(jobs.updatedAt))
      .limit(1),
  ]);

  const installedBy = install?.crmUserId
    ? ((
        await db
          .select({ name: users.name, email: users.email, crmUserId: users.crmUserId })
          .from(users)
          .where(and(eq(users.workspaceId, ctx.workspaceId), eq(users.crmUserId, install.crmUserId)))
          .limit(1)
      )[0] ?? { name: null, email: null, crmUserId: install.crmUserId })
    : null;

  const byKind = Object.fromEntries(EFFECT_KINDS.map((k) => [k, 0])) as Record<EffectKind, number>;
  let total = 0;
  for (const row of doneToday) {
    const kind = effectKindOf(row.type);
    byKind[kind] += row.n;
    if (kind !== "contact_names") total += row.n;
  }

  const grantedScopes = (install?.scopes ?? "").split(/\s+/).filter(Boolean);
  const isInstalled = workspace.status === "active" && install !== undefined && install.uninstalledAt === null;
  return {
    generatedAt: now.toISOString(),
    connection: {
      mode: ctx.mode,
      crmName: ctx.mode === "sandbox" ? "Sandbox CRM" : "HighLevel",
      locationId: workspace.crmLocationId,
      locationName: workspace.name,
      isInstalled,
      hasAccessToken: Boolean(install?.accessTokenEnc),
      hasRefreshToken: Boolean(install?.refreshTokenEnc),
      tokenExpiresAt: install?.expiresAt?.toISOString() ?? null,
      installedAt: install?.installedAt.toISOString() ?? null,
      installedBy: installedBy ? { name: installedBy.name || null, email: installedBy.email || null, crmUserId: installedBy.crmUserId } : null,
      currentUser: currentUser ? { name: currentUser.name || null, email: currentUser.email || null, crmUserId: currentUser.crmUserId, role: currentUser.role } : null,
      missingScopes: grantedScopes.length === 0 ? [] : WRITEBACK_SCOPES.filter((s) => !grantedScopes.includes(s)),
    },
    lastSuccess: lastDone ? { at: (lastDone.completedAt ?? lastDone.updatedAt).toISOString(), effect: effectLabelOf(lastDone.type) } : null,
    lastFailure: lastFailed
      ? {
          at: lastFailed.updatedAt.toISOString(),
          effect: effectLabelOf(lastFailed.type),
          reason: lastFailed.status === "dead" ? reasonOfDeadJob(lastFailed.lastError, lastFailed.attempts).label : FAILURE_LABELS[failureCodeOfText(lastFailed.lastError)],
          status: lastFailed.status === "dead" ? "dead" : "retrying",
        }
      : null,
    queue: {
      pending: queue?.pending ?? 0,
      running: queue?.running ?? 0,
      retrying: queue?.retrying ?? 0,
      nextRetryAt: queue?.nextRetryAt ? new Date(queue.nextRetryAt).toISOString() : null,
    },
    today: { since: since.toISOString(), total, byKind },
    failures24h: { dead: queue?.dead24h ?? 0, retrying: queue?.retrying24h ?? 0 },
    unresolved: queue?.unresolved ?? 0,
  };
}

// ---------- Unresolved activity ----------

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [ms, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(Number(ms));
  const id = rest.join("|");
  if (!ms || Number.isNaN(at.getTime()) || id === "") throw new AppError("invalid_input", "The page cursor is not valid", { fieldErrors: { cursor: ["Not a valid cursor"] } });
  return { at, id };
}

/** A payload's string field under any of `keys` (job payloads are owned by their handlers). */
function stringIn(payload: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = payload[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
}

function stringsIn(payload: Record<string, unknown>, ...keys: string[]): string[] {
  for (const key of keys) {
    const value = payload[key];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v.trim() !== "");
  }
  return [];
}

const unresolvedWhere = (workspaceId: string) => and(eq(jobs.workspaceId, workspaceId), eq(jobs.status, "dead"), isNull(jobs.dismissedAt), ne(jobs.type, REFRESH_CONTACT_NAMES_JOB));
/** Newest failure first; millisecond precision so the cursor (epoch ms) compares exactly. */
const failedAtMs = sql`date_trunc('milliseconds', ${jobs.updatedAt})`;

/**
 * Dead jobs of the workspace nobody dismissed, newest failure first, described for people:
 * the effect, the contact (name from the contact-name cache when known), the link and the reason.
 */
export async function listUnresolved(
  db: Db,
  workspaceId: string,
  options: { cursor?: string; limit?: number; shortBaseUrl: string; now?: Date },
): Promise<UnresolvedPageDto> {
  const limit = options.limit ?? UNRESOLVED_PAGE_SIZE;
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(jobs)
      .where(and(unresolvedWhere(workspaceId), after ? sql`(${failedAtMs}, ${jobs.id}) < (${after.at.toISOString()}::timestamptz, ${after.id})` : undefined))
      .orderBy(desc(failedAtMs), desc(jobs.id))
      .limit(limit + 1),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(jobs).where(unresolvedWhere(workspaceId)),
  ]);
  const page = rows.slice(0, limit);

  const leadIds = [...new Set(page.map((r) => stringIn(r.payload, "leadId")).filter((id): id is string => id !== null))];
  const leadRows = leadIds.length
    ? await db
        .select({ id: leads.id, linkId: leads.linkId, name: leads.name, email: leads.email, crmContactId: leads.crmContactId, erasedAt: leads.erasedAt })
        .from(leads)
        .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.id, leadIds)))
    : [];
  const leadById = new Map(leadRows.map((l) => [l.id, l]));

  const described = page.map((row) => {
    const lead = leadById.get(stringIn(row.payload, "leadId") ?? "");
    const linkIds = linkIdsIn(row.payload);
    if (linkIds.length === 0 && lead) linkIds.push(lead.linkId);
    return { row, lead, linkIds, contactId: stringIn(row.payload, "contactId", "crmContactId") ?? lead?.crmContactId ?? null };
  });

  const linkIds = [...new Set(described.flatMap((d) => d.linkIds.slice(0, 1)))];
  const linkRows = linkIds.length
    ? await db
        .select({ id: links.id, title: links.title, domain: links.domain, slug: links.slug })
        .from(links)
        .where(and(eq(links.workspaceId, workspaceId), inArray(links.id, linkIds)))
    : [];
  const linkById = new Map(linkRows.map((l) => [l.id, l]));
  const names = await namesFor(db, workspaceId, described.map((d) => d.contactId).filter((id): id is string => id !== null), { now: options.now });

  const items: UnresolvedItemDto[] = described.map(({ row, lead, contactId, linkIds: jobLinkIds }) => {
    const linkId = jobLinkIds[0] ?? null;
    const link = linkId ? linkById.get(linkId) : undefined;
    const cached = contactId ? names.get(contactId) : undefined;
    const isLeadErased = lead?.erasedAt != null;
    const contact = contactId
      ? { id: contactId, name: cached?.name ?? null, email: cached?.email ?? null, isErased: cached?.isErased ?? false }
      : lead
        ? { id: null, name: isLeadErased ? null : lead.name, email: isLeadErased ? null : lead.email, isErased: isLeadErased }
        : null;
    return {
      id: row.id,
      type: row.type,
      kind: effectKindOf(row.type),
      effect: effectLabelOf(row.type),
      what: whatOf(row.type, row.payload),
      contact,
      link: linkId
        ? { id: linkId, title: link?.title ?? null, shortUrl: link ? shortUrlOf(link.domain, link.slug, options.shortBaseUrl) : null, otherLinks: jobLinkIds.length - 1 }
        : null,
      reason: reasonOfDeadJob(row.lastError, row.attempts),
      attempts: row.attempts,
      maxAttempts: row.maxAttempts,
      failedAt: row.updatedAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
    };
  });

  const last = page[page.length - 1];
  return { items, total: counted?.n ?? 0, nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null };
}

/**
 * The links a job is about, distinct, in order: one named outright (`rootLinkId` before
 * `linkId`: a minted code's clicks belong to its parent), or the links of the clicks merged into
 * a coalescing job (`linkIds`, or its note `events`).
 */
function linkIdsIn(payload: Record<string, unknown>): string[] {
  const single = stringIn(payload, "rootLinkId", "linkId", "parentLinkId");
  if (single) return [single];
  const ids = stringsIn(payload, "linkIds");
  const events = payload.events;
  if (ids.length === 0 && Array.isArray(events)) {
    for (const e of events) if (e && typeof e === "object" && "rootLinkId" in e && typeof e.rootLinkId === "string") ids.push(e.rootLinkId);
  }
  return [...new Set(ids)];
}

/** The specifics a row shows next to the effect: tag names when the job names them, how many clicks or contacts. */
function whatOf(type: string, payload: Record<string, unknown>): string[] {
  if (effectKindOf(type) === "contact_names") {
    const n = stringsIn(payload, "contactIds").length;
    return n ? [`${n} ${n === 1 ? "contact" : "contacts"}`] : [];
  }
  const what = stringsIn(payload, "tags", "tagNames").slice(0, 10);
  const clicks = payload.clicks;
  if (typeof clicks === "number" && clicks > 1) what.push(`${clicks} clicks`);
  return what;
}
