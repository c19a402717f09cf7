/**
 * What Settings → CRM receives: the sync status, a page of unresolved activity and the result
 * of a Test writeback. Shared by the route handlers, the actions and the client fetchers (which
 * parse what they get), so this file has no server imports.
 */
import { z } from "zod";
import { EFFECT_KINDS } from "@/lib/crm-status/job-kinds";
import { FAILURE_CODES } from "@/lib/crm-status/reasons";

const iso = z.string();

const userSchema = z.object({ name: z.string().nullable(), email: z.string().nullable(), crmUserId: z.string().nullable() });

export const crmStatusSchema = z.object({
  generatedAt: iso,
  connection: z.object({
    mode: z.enum(["sandbox", "highlevel"]),
    /** "Sandbox CRM" or "HighLevel". */
    crmName: z.string(),
    locationId: z.string(),
    locationName: z.string(),
    /** The workspace is active and the location's install has not been removed. */
    isInstalled: z.boolean(),
    hasAccessToken: z.boolean(),
    hasRefreshToken: z.boolean(),
    tokenExpiresAt: iso.nullable(),
    installedAt: iso.nullable(),
    installedBy: userSchema.nullable(),
    currentUser: userSchema.extend({ role: z.enum(["admin", "user"]) }).nullable(),
    /** Scopes the app needs for writeback that the token was not granted (empty when unknown). */
    missingScopes: z.array(z.string()),
  }),
  lastSuccess: z.object({ at: iso, effect: z.string() }).nullable(),
  lastFailure: z.object({ at: iso, effect: z.string(), reason: z.string(), status: z.enum(["retrying", "dead"]) }).nullable(),
  queue: z.object({
    pending: z.number().int(),
    running: z.number().int(),
    /** Pending jobs that failed at least once and wait for their next try. */
    retrying: z.number().int(),
    /** The next time a retry is due, if any. */
    nextRetryAt: iso.nullable(),
  }),
  today: z.object({
    /** UTC midnight. */
    since: iso,
    total: z.number().int(),
    byKind: z.record(z.enum(EFFECT_KINDS), z.number().int()),
  }),
  failures24h: z.object({
    /** Jobs that gave up (went dead) in the last 24 hours. */
    dead: z.number().int(),
    /** Jobs that failed at least once in the last 24 hours and will be retried. */
    retrying: z.number().int(),
  }),
  unresolved: z.number().int(),
});
export type CrmStatusDto = z.output<typeof crmStatusSchema>;

export const unresolvedItemSchema = z.object({
  id: z.string(),
  type: z.string(),
  kind: z.enum(EFFECT_KINDS),
  /** "Add tags", "Add a timeline note", … */
  effect: z.string(),
  /** Tags, field names or the like, when the job says. */
  what: z.array(z.string()),
  contact: z.object({ id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable(), isErased: z.boolean() }).nullable(),
  /** The (first) link clicked; `otherLinks` more when several clicks were merged into one job. */
  link: z.object({ id: z.string(), title: z.string().nullable(), shortUrl: z.string().nullable(), otherLinks: z.number().int() }).nullable(),
  reason: z.object({
    code: z.enum([...FAILURE_CODES, "gave_up"]),
    label: z.string(),
    message: z.string(),
    detail: z.string().nullable(),
  }),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  failedAt: iso,
  createdAt: iso,
});
export type UnresolvedItemDto = z.output<typeof unresolvedItemSchema>;

export const unresolvedPageSchema = z.object({
  items: z.array(unresolvedItemSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type UnresolvedPageDto = z.output<typeof unresolvedPageSchema>;

export const UNRESOLVED_PAGE_SIZE = 20;
export const unresolvedQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(UNRESOLVED_PAGE_SIZE),
});

export const jobIdSchema = z.string().trim().min(1).max(64);

export const writebackStepSchema = z.object({
  key: z.enum(["upsert", "tag", "note"]),
  label: z.string(),
  status: z.enum(["ok", "failed", "skipped"]),
  /** What happened, in plain words. */
  detail: z.string(),
  failure: z.object({ code: z.enum(FAILURE_CODES), label: z.string() }).nullable(),
  durationMs: z.number().int(),
});
export type WritebackStepDto = z.output<typeof writebackStepSchema>;

export const testWritebackResultSchema = z.object({
  isOk: z.boolean(),
  ranAt: iso,
  durationMs: z.number().int(),
  steps: z.array(writebackStepSchema),
  contact: z.object({ id: z.string(), url: z.string(), isNew: z.boolean(), email: z.string() }).nullable(),
});
export type TestWritebackResultDto = z.output<typeof testWritebackResultSchema>;
