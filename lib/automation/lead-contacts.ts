/**
 * Lead → CRM contact, for the click path: a browser that submitted a link's lead form carries a
 * signed cookie with its lead id (lib/gates/visitor-cookies.ts), and its later clicks on that
 * link are attributed to the contact the lead became. Resolving the id must cost the redirect
 * nothing on a hit: an in-process cache answers synchronously; a miss reads the lead once
 * (concurrent misses share the read). A lead not synced yet is cached briefly, so its contact
 * shows up soon after the CRM upsert; the upsert job fills the cache directly in its process.
 */
import { and, eq, isNull } from "drizzle-orm";
import { leads } from "@/db/schema";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-state";

/** A contact id can be erased (ContactDelete); other instances see that within this long. */
const KNOWN_TTL_MS = 10 * 60_000;
/** A lead not synced yet (or a failed read) is asked again after this long. */
const UNKNOWN_TTL_MS = 15_000;
const MAX_ENTRIES = 50_000;

type Entry = { contactId: string | null; expiresAt: number };
type Cache = { entries: Map<string, Entry>; reads: Map<string, Promise<string | null>> };

const cache = () => processSingleton<Cache>("lead-contacts", () => ({ entries: new Map(), reads: new Map() }));
const keyOf = (workspaceId: string, leadId: string) => `${workspaceId}\n${leadId}`;

function store(c: Cache, key: string, contactId: string | null, nowMs: number): void {
  if (c.entries.size >= MAX_ENTRIES) {
    // Oldest first (insertion order): drop a slice at once rather than one entry per miss.
    let n = Math.ceil(MAX_ENTRIES / 100);
    for (const k of c.entries.keys()) {
      if (n-- <= 0) break;
      c.entries.delete(k);
    }
  }
  c.entries.delete(key);
  c.entries.set(key, { contactId, expiresAt: nowMs + (contactId ? KNOWN_TTL_MS : UNKNOWN_TTL_MS) });
}

/** The contact of a lead of this workspace: synchronously on a cache hit, else a promise; null when none (yet). Never rejects. */
export function leadContactIdOf(workspaceId: string, leadId: string, nowMs: number): string | null | Promise<string | null> {
  const c = cache();
  const key = keyOf(workspaceId, leadId);
  const hit = c.entries.get(key);
  if (hit && hit.expiresAt > nowMs) return hit.contactId;
  const reading = c.reads.get(key);
  if (reading) return reading;
  const read = readLeadContact(workspaceId, leadId)
    .catch((err: unknown) => {
      log.warn("lead contact lookup failed", { err, workspaceId, leadId });
      return null;
    })
    .then((contactId) => {
      store(c, key, contactId, Date.now());
      return contactId;
    })
    .finally(() => c.reads.delete(key));
  c.reads.set(key, read);
  return read;
}

async function readLeadContact(workspaceId: string, leadId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ contactId: leads.crmContactId })
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId), isNull(leads.erasedAt)))
    .limit(1);
  return row?.contactId ?? null;
}

/** Called by the lead upsert once the lead has its contact. */
export function rememberLeadContact(workspaceId: string, leadId: string, contactId: string, nowMs: number = Date.now()): void {
  store(cache(), keyOf(workspaceId, leadId), contactId, nowMs);
}

/** Forgets every lead of this contact (ContactDelete), so no new click is attributed to it. */
export function forgetLeadContact(contactId: string): void {
  const c = cache();
  for (const [key, entry] of c.entries) if (entry.contactId === contactId) c.entries.delete(key);
}
