/**
 * `npm run bench:crm` — how fast the durable queue turns identified clicks into CRM effects, how
 * many CRM calls coalescing saves, and whether the pace per location stays under the CRM's burst
 * limit (100 requests / 10 s).
 *
 * In one process: the sandbox CRM served over real HTTP (a node:http server, as in the
 * integration tests), the app's CRM client pointed at it, and the app's own click writer, batch
 * hook and job runner. 10,000 identified human clicks (a campaign blast: every click within ten
 * minutes) over 100 contacts of the sandbox's two installed locations, on a few tagged links in a
 * tagged campaign, are handed to the click writer and flushed (the hook enqueues their effects
 * in the batches' transactions); then the queue is drained with `runDueJobs`, in real time,
 * retries included. Every CRM call is logged as the CRM received it. Figures are printed, never
 * asserted: they depend on the machine.
 *
 *   npm run bench:crm -- [--clicks=10000] [--contacts=100] [--links=4] [--minutes=10] [--database-url=postgres://…]
 *
 * PGlite in memory by default; with `--database-url` a throwaway database is created on that
 * PostgreSQL server and dropped at the end.
 */
/* eslint-disable no-restricted-properties -- the bench sets up its own environment before anything reads it */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { closeDatabase } from "@/db/client";
import { campaigns, campaignTags, jobs, links, linkTags, sandboxContacts, tags, workspaces } from "@/db/schema";
import { ADD_NOTE_JOB, TAG_CONTACT_JOB, UPDATE_CONTACT_FIELDS_JOB } from "@/lib/automation/effects";
import { registerClickEffects } from "@/lib/automation/register";
import type { ClickEvent } from "@/lib/clicks/click-event";
import { flushClicks, recordClick } from "@/lib/clicks/record-click";
import { getDb } from "@/lib/db";
import { newId } from "@/lib/ids";
import { WORKER_BURST_BUDGET } from "@/lib/jobs/location-pacing";
import { runDueJobs } from "@/lib/jobs/worker";
import { ensureAppInstallations, inProcessCrmDeps } from "@/lib/sandbox/bootstrap";
import { getSandboxContactView } from "@/lib/sandbox/control";
import { SANDBOX_LOCATION_IDS, seedSandbox } from "@/lib/sandbox/seed";
import { peakCallsPerWindow, startSandboxCrmServer, type CrmCall } from "@/tests/helpers/sandbox-crm-server";
import { createThrowawayDatabase } from "@/bench/throwaway-database";

type Options = { clicks: number; contacts: number; links: number; minutes: number; databaseUrl: string | null };

function parseOptions(argv: string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
  const num = (name: string, fallback: number) => {
    const value = Number(get(name) ?? fallback);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
    return value;
  };
  const contacts = num("contacts", 100);
  if (contacts % 2 !== 0) throw new Error("--contacts must be even (half per location)");
  return { clicks: num("clicks", 10_000), contacts, links: num("links", 4), minutes: num("minutes", 10), databaseUrl: get("database-url") ?? null };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const out = (line = "") => process.stdout.write(`${line}\n`);

type Throwaway = { label: string; drop: () => Promise<void> };

/** Points the app at its database before anything reads the environment. */
async function prepareDatabase(opts: Options): Promise<Throwaway> {
  if (!opts.databaseUrl) {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
    return { label: "PGlite (in memory, this process)", drop: async () => {} };
  }
  const db = await createThrowawayDatabase(opts.databaseUrl, "sl_bench_crm");
  process.env.DATABASE_URL = db.url;
  return { label: db.label, drop: db.drop };
}

type Location = { locationId: string; workspaceId: string; contactIds: string[]; linkIds: string[] };

async function tagIds(db: Db, workspaceId: string, names: readonly string[]): Promise<string[]> {
  const rows = names.map((name) => ({ id: newId("tag"), workspaceId, name }));
  await db.insert(tags).values(rows);
  return rows.map((r) => r.id);
}

/** Per installed location: its workspace, `perLocation` contacts (seeded ones, then more), and tagged links in a tagged campaign. */
async function prepareLocation(db: Db, locationId: string, slug: string, perLocation: number, linkCount: number): Promise<Location> {
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.crmLocationId, locationId));
  if (!workspace) throw new Error(`the app is not installed on ${locationId}`);
  const seeded = await db.select({ id: sandboxContacts.id }).from(sandboxContacts).where(eq(sandboxContacts.locationId, locationId));
  const contactIds = seeded.map((c) => c.id).sort().slice(0, perLocation);
  const extra = Array.from({ length: perLocation - contactIds.length }, (_, i) => ({
    id: `bench_ct_${slug}_${String(i + 1).padStart(3, "0")}`,
    locationId,
    firstName: "Bench",
    lastName: `Contact ${i + 1}`,
    email: `bench.${slug}.${i + 1}@example.com`,
  }));
  if (extra.length > 0) await db.insert(sandboxContacts).values(extra);
  contactIds.push(...extra.map((c) => c.id));

  const campaignId = newId("cmp");
  await db.insert(campaigns).values({ id: campaignId, workspaceId: workspace.id, name: `Blast ${slug}` });
  await db.insert(campaignTags).values((await tagIds(db, workspace.id, [`blast-${slug}`])).map((tagId) => ({ campaignId, tagId })));
  const linkIds: string[] = [];
  for (let i = 0; i < linkCount; i++) {
    const id = newId("lnk");
    await db.insert(links).values({ id, workspaceId: workspace.id, slug: `bench-${slug}-${i + 1}`, url: `https://example.com/offer-${i + 1}`, title: `Offer ${i + 1}`, campaignId });
    await db.insert(linkTags).values((await tagIds(db, workspace.id, [`offer-${slug}-${i + 1}`, `clicked-${slug}-${i + 1}`])).map((tagId) => ({ linkId: id, tagId })));
    linkIds.push(id);
  }
  return { locationId, workspaceId: workspace.id, contactIds, linkIds };
}

const DEVICES = [
  { deviceType: "mobile", os: "iOS", browser: "Mobile Safari" },
  { deviceType: "mobile", os: "Android", browser: "Chrome Mobile" },
  { deviceType: "desktop", os: "Windows", browser: "Chrome" },
] as const;
const PLACES = [
  { country: "US", region: "TX", city: "Austin" },
  { country: "GB", region: "ENG", city: "St Albans" },
  { country: null, region: null, city: null },
] as const;

function clickEvents(opts: Options, locations: readonly Location[], start: number): ClickEvent[] {
  const everyone = locations.flatMap((l) => l.contactIds.map((contactId) => ({ l, contactId })));
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const events = Array.from({ length: opts.clicks }, (_, i): ClickEvent => {
    const { l, contactId } = everyone[i % everyone.length] as (typeof everyone)[number];
    const linkId = pick(l.linkIds);
    return {
      workspaceId: l.workspaceId,
      linkId,
      rootLinkId: linkId,
      occurredAt: new Date(start + Math.floor(random() * opts.minutes * 60_000)),
      destination: "https://example.com/offer",
      rule: "default",
      ...pick(PLACES),
      ...pick(DEVICES),
      referrer: null,
      referrerHost: null,
      source: "sms",
      isQr: false,
      isBot: false,
      contactId,
      visitorKey: contactId.padEnd(22, "x").slice(0, 22),
    };
  });
  return events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

function kindOf(call: CrmCall): string {
  if (call.path === "/oauth/token") return "token refresh";
  if (/^\/locations\/[^/]+\/customFields/.test(call.path)) return "custom field setup";
  if (/^\/contacts\/[^/]+\/tags$/.test(call.path)) return "add tags";
  if (/^\/contacts\/[^/]+\/notes$/.test(call.path)) return call.method === "POST" ? "add note" : "read notes";
  if (/^\/contacts\/[^/]+$/.test(call.path)) return call.method === "PUT" ? "update fields" : "contact check";
  return `${call.method} ${call.path}`;
}

async function pendingJobs(db: Db): Promise<{ n: number; nextRunAt: number | null }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number), next: sql<string | null>`min(${jobs.runAt})` })
    .from(jobs)
    .where(inArray(jobs.status, ["pending", "running"]));
  return { n: row?.n ?? 0, nextRunAt: row?.next ? Date.parse(row.next) : null };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(path.join(tmpdir(), "smart-links-bench-crm-"));
  process.env.DATA_DIR = work; // sandbox secrets for this run only
  delete process.env.CRM_CLIENT_ID;
  delete process.env.CRM_MODE;
  const database = await prepareDatabase(opts);
  const crm = await startSandboxCrmServer();
  process.env.APP_URL = crm.url; // the CRM API base is `${APP_URL}/sandbox/crm`
  try {
    const db = await getDb();
    await seedSandbox(db);
    const installed = await ensureAppInstallations(await inProcessCrmDeps());
    if (installed.failed.length > 0) throw new Error(`install failed: ${installed.failed.map((f) => f.message).join("; ")}`);
    const perLocation = opts.contacts / 2;
    const locations = [
      await prepareLocation(db, SANDBOX_LOCATION_IDS.sunrise, "sunrise", perLocation, opts.links),
      await prepareLocation(db, SANDBOX_LOCATION_IDS.harbor, "harbor", perLocation, opts.links),
    ];
    registerClickEffects();

    out(`bench:crm — ${fmt(opts.clicks)} identified human clicks over ${fmt(opts.contacts)} contacts (2 locations), ${opts.links} tagged links per location in a tagged campaign, clicks within ${opts.minutes} minutes`);
    out(`database: ${database.label}; CRM: the sandbox over HTTP at ${crm.url}; worker budget ${WORKER_BURST_BUDGET} calls / 10 s per location`);

    // 1. Clicks through the writer; its hook enqueues (or merges) the effect jobs in each batch's transaction.
    const events = clickEvents(opts, locations, Date.now() - opts.minutes * 60_000);
    const enqueueStart = performance.now();
    for (const event of events) recordClick(event);
    await flushClicks();
    const enqueueMs = performance.now() - enqueueStart;
    const queued = await db.select({ type: jobs.type, n: sql<number>`count(*)`.mapWith(Number) }).from(jobs).groupBy(jobs.type);
    const queuedOf = (type: string) => queued.find((q) => q.type === type)?.n ?? 0;
    out();
    out(`enqueue   ${fmt(opts.clicks)} clicks written and their effects queued in ${fmt(enqueueMs)} ms (${fmt(opts.clicks / (enqueueMs / 1000))} clicks/s, hook included)`);
    out(`          jobs: ${fmt(queuedOf(TAG_CONTACT_JOB))} tag, ${fmt(queuedOf(UPDATE_CONTACT_FIELDS_JOB))} fields, ${fmt(queuedOf(ADD_NOTE_JOB))} note (one per contact and effect: the clicks merged into them)`);

    // 2. Drain, in real time: jobs held back by a rate limit or a failure run when they come due.
    const callsBefore = crm.calls.length;
    const drainStart = performance.now();
    let ran = 0;
    for (;;) {
      ran += await runDueJobs();
      const pending = await pendingJobs(db);
      if (pending.n === 0) break;
      await new Promise((r) => setTimeout(r, Math.min(1_000, Math.max(20, (pending.nextRunAt ?? Date.now()) - Date.now()))));
    }
    const drainMs = performance.now() - drainStart;
    const calls = crm.calls.slice(callsBefore);

    const byKind = new Map<string, number>();
    for (const c of calls) byKind.set(kindOf(c), (byKind.get(kindOf(c)) ?? 0) + 1);
    const count = (kind: string) => byKind.get(kind) ?? 0;
    const [dead] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(jobs).where(eq(jobs.status, "dead"));
    const effects = opts.clicks * 3; // each click: its tags, its fields update, its note (or its place in a viewing session)
    // Without coalescing each click would make its own add-tags call and its own fields update.
    const uncoalesced = calls.length - count("add tags") - count("update fields") + opts.clicks * 2;
    const distinctPairs = new Set(events.map((e) => `${e.contactId}\n${e.rootLinkId}`)).size;

    out();
    out(`drain     ${fmt(ran)} jobs run in ${fmt(drainMs / 1000, 1)} s; ${fmt(dead?.n ?? 0)} dead`);
    out(`          effects/s        ${fmt(effects / (drainMs / 1000))} (${fmt(effects)} click effects: tags, fields and note of every click)`);
    out(`          clicks/s         ${fmt(opts.clicks / (drainMs / 1000))} fully applied`);
    out(`          CRM calls        ${fmt(calls.length)} made (${fmt(calls.length / (drainMs / 1000), 1)}/s): ${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${fmt(n)} ${k}`).join(", ")}`);
    out(`          429s / 5xx       ${fmt(calls.filter((c) => c.status === 429).length)} / ${fmt(calls.filter((c) => c.status >= 500).length)}`);
    out(`          coalescing       ${fmt(uncoalesced)} calls without it (an add-tags call and a fields update per click) → ${fmt(calls.length)} made: ${fmt(uncoalesced - calls.length)} saved (${fmt((100 * (uncoalesced - calls.length)) / uncoalesced, 1)}%)`);
    out(`          notes            ${fmt(count("add note"))} written for ${fmt(distinctPairs)} contact × link viewing sessions (${fmt(opts.clicks)} clicks)`);
    for (const l of locations) {
      out(`          peak calls / 10 s ${l.locationId}: ${fmt(peakCallsPerWindow(crm.calls, l.locationId))} (limit 100)`);
    }

    // 3. What the CRM shows (printed, not asserted).
    const perContact = new Map<string, number>();
    for (const e of events) perContact.set(e.contactId ?? "", (perContact.get(e.contactId ?? "") ?? 0) + 1);
    let exact = 0;
    let notes = 0;
    for (const [id, n] of perContact) {
      const view = await getSandboxContactView(db, id);
      if (view.customFields.find((f) => f.key === "contact.total_link_clicks")?.value === n) exact += 1;
      notes += view.notes.filter((note) => note.body.startsWith("Clicked Offer")).length;
    }
    out(`check     contacts whose "Total link clicks" equals their clicks: ${fmt(exact)} / ${fmt(perContact.size)}; timeline notes: ${fmt(notes)}`);
    const stillQueued = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(jobs).where(and(inArray(jobs.status, ["pending", "running"])));
    out(`          jobs left pending or running: ${fmt(stillQueued[0]?.n ?? 0)}`);
  } finally {
    await flushClicks();
    await crm.close();
    await closeDatabase();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:crm failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
