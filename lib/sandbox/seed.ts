/**
 * The sandbox CRM's seed: one agency ("Brightline Agency") with three locations — Sunrise Dental
 * (app installed, Pro), Harbor Fitness (installed, Starter) and Maple Realty (not installed, for
 * trying installs) — their users, and 30 contacts each. Everything is deterministic (ids, names,
 * emails, phones, tags, order) so tests and scripts can name what they need.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  sandboxCompanies,
  sandboxContacts,
  sandboxLocations,
  sandboxOauthCodes,
  sandboxSettings,
  sandboxTokens,
  sandboxUsers,
  type NewSandboxContactRow,
  type NewSandboxLocationRow,
  type NewSandboxUserRow,
} from "@/db/schema";

export const SANDBOX_COMPANY_ID = "sbx_agency";
export const SANDBOX_COMPANY_NAME = "Brightline Agency";
export const SANDBOX_LOCATION_IDS = { sunrise: "sbx_loc_sunrise", harbor: "sbx_loc_harbor", maple: "sbx_loc_maple" } as const;
export const SANDBOX_USER_IDS = {
  agencyAdmin: "sbx_usr_agency_admin",
  sunriseAdmin: "sbx_usr_sunrise_admin",
  sunriseUser: "sbx_usr_sunrise_user",
  harborAdmin: "sbx_usr_harbor_admin",
  harborUser: "sbx_usr_harbor_user",
  mapleAdmin: "sbx_usr_maple_admin",
  mapleUser: "sbx_usr_maple_user",
} as const;
export const CONTACTS_PER_LOCATION = 30;

/** Serialises seeding and resets across processes (`pg_advisory_xact_lock`). */
const SEED_LOCK_KEY = 7_260_114_001;

type SeedLocation = {
  id: string;
  name: string;
  timezone: string;
  /** CRM plan id when the app is installed; null when it is not. */
  planId: string | null;
  slug: string;
  areaCode: string;
  tags: readonly [string, string, string, string, string];
};

const LOCATIONS: readonly SeedLocation[] = [
  {
    id: SANDBOX_LOCATION_IDS.sunrise,
    name: "Sunrise Dental",
    timezone: "America/Chicago",
    planId: "sandbox-plan-pro",
    slug: "sunrise",
    areaCode: "512",
    tags: ["patient", "new-patient", "newsletter", "vip", "cleaning-due"],
  },
  {
    id: SANDBOX_LOCATION_IDS.harbor,
    name: "Harbor Fitness",
    timezone: "America/Los_Angeles",
    planId: "sandbox-plan-starter",
    slug: "harbor",
    areaCode: "206",
    tags: ["member", "trial", "newsletter", "personal-training", "lapsed"],
  },
  {
    id: SANDBOX_LOCATION_IDS.maple,
    name: "Maple Realty",
    timezone: "America/New_York",
    planId: null,
    slug: "maple",
    areaCode: "617",
    tags: ["buyer", "seller", "newsletter", "open-house", "hot-lead"],
  },
];

const USERS: readonly Omit<NewSandboxUserRow, "companyId" | "position">[] = [
  { id: SANDBOX_USER_IDS.agencyAdmin, name: "Jordan Blake", email: "jordan.blake@brightline.example", role: "admin", type: "agency", locationIds: LOCATIONS.map((l) => l.id) },
  { id: SANDBOX_USER_IDS.sunriseAdmin, name: "Maya Chen", email: "maya.chen@sunrisedental.example", role: "admin", type: "account", locationIds: [SANDBOX_LOCATION_IDS.sunrise] },
  { id: SANDBOX_USER_IDS.sunriseUser, name: "Luis Ortega", email: "luis.ortega@sunrisedental.example", role: "user", type: "account", locationIds: [SANDBOX_LOCATION_IDS.sunrise] },
  { id: SANDBOX_USER_IDS.harborAdmin, name: "Sam Rivera", email: "sam.rivera@harborfitness.example", role: "admin", type: "account", locationIds: [SANDBOX_LOCATION_IDS.harbor] },
  { id: SANDBOX_USER_IDS.harborUser, name: "Tess Morgan", email: "tess.morgan@harborfitness.example", role: "user", type: "account", locationIds: [SANDBOX_LOCATION_IDS.harbor] },
  { id: SANDBOX_USER_IDS.mapleAdmin, name: "Grace Whitfield", email: "grace.whitfield@maplerealty.example", role: "admin", type: "account", locationIds: [SANDBOX_LOCATION_IDS.maple] },
  { id: SANDBOX_USER_IDS.mapleUser, name: "Owen Price", email: "owen.price@maplerealty.example", role: "user", type: "account", locationIds: [SANDBOX_LOCATION_IDS.maple] },
];

const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
  "Mia", "Mateo", "Amelia", "Benjamin", "Harper", "Henry", "Evelyn", "Theodore", "Abigail", "Jack",
  "Emily", "Sebastian", "Ella", "Daniel", "Scarlett", "Michael", "Grace", "Owen", "Chloe", "Samuel",
  "Priya", "Diego", "Aisha", "Kenji", "Fatima", "Marco", "Leila", "Andre", "Hana", "Tomas",
] as const;
const LAST_NAMES = [
  "Johnson", "Martinez", "Nguyen", "Patel", "Kim", "Garcia", "Brown", "Wilson", "Anderson", "Thompson",
  "Lopez", "Lee", "Clark", "Walker", "Hall", "Young", "Allen", "Wright", "King", "Scott",
  "Green", "Baker", "Adams", "Nelson", "Hill", "Ramirez", "Campbell", "Mitchell", "Roberts", "Carter",
  "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy",
] as const;
const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"] as const;

const HOUR_MS = 3_600_000;

function pick<T>(list: readonly T[], index: number): T {
  const value = list[index % list.length];
  if (value === undefined) throw new Error("empty seed list");
  return value;
}

function tagsFor(location: SeedLocation, i: number): string[] {
  const [a, b, c, d, e] = location.tags;
  if (i % 6 === 5) return [b, e];
  if (i % 5 === 2) return [d];
  if (i % 4 === 1) return [a, c];
  if (i % 3 === 0) return [a];
  return [];
}

/** The seeded contacts of one location, newest first (`dateAdded` steps back from `now`). */
function seedContacts(location: SeedLocation, offset: number, now: Date): NewSandboxContactRow[] {
  return Array.from({ length: CONTACTS_PER_LOCATION }, (_, i) => {
    const firstName = pick(FIRST_NAMES, i + offset * 11);
    const lastName = pick(LAST_NAMES, i * 7 + offset * 3);
    const at = new Date(now.getTime() - (i * 7 + offset) * HOUR_MS);
    return {
      id: `sbx_ct_${location.slug}_${String(i + 1).padStart(2, "0")}`,
      locationId: location.id,
      firstName,
      lastName,
      email: i % 13 === 7 ? null : `${firstName}.${lastName}@${pick(EMAIL_DOMAINS, i + offset)}`.toLowerCase(),
      phone: i % 9 === 4 ? null : `+1${location.areaCode}555${String(100 + i).padStart(4, "0")}`,
      tags: tagsFor(location, i),
      customFields: {},
      source: pick(["website form", "walk-in", "facebook ad", "referral", "phone call"], i),
      dateAdded: at,
      dateUpdated: at,
    };
  });
}

/** Inserts the seed into empty sandbox tables (a primary-key clash if they are not empty). */
export async function seedSandbox(db: Db, now: Date = new Date()): Promise<void> {
  await db.insert(sandboxCompanies).values({ id: SANDBOX_COMPANY_ID, name: SANDBOX_COMPANY_NAME, createdAt: now });
  const locations: NewSandboxLocationRow[] = LOCATIONS.map((l, position) => ({
    id: l.id,
    companyId: SANDBOX_COMPANY_ID,
    name: l.name,
    timezone: l.timezone,
    position,
    isAppInstalled: l.planId !== null,
    planId: l.planId,
    installedAt: l.planId !== null ? now : null,
    createdAt: now,
  }));
  await db.insert(sandboxLocations).values(locations);
  await db.insert(sandboxUsers).values(USERS.map((u, position) => ({ ...u, companyId: SANDBOX_COMPANY_ID, position })));
  await db.insert(sandboxContacts).values(LOCATIONS.flatMap((l, offset) => seedContacts(l, offset, now)));
}

async function lockSeed(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`);
}

/** Seeds when there is no agency yet; true when it seeded. Safe when several processes start at once. */
export async function seedSandboxIfEmpty(db: Db, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockSeed(tx);
    const [existing] = await tx.select({ id: sandboxCompanies.id }).from(sandboxCompanies).limit(1);
    if (existing) return false;
    await seedSandbox(tx, now);
    return true;
  });
}

/**
 * Deletes every sandbox row — agency data (cascading to locations, users, contacts, fields,
 * notes, workflows, trigger events), OAuth codes, tokens (so every token the app holds stops
 * working), faults and rate-limit counters — and seeds again, in one transaction.
 */
export async function resetSandbox(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSeed(tx);
    await tx.delete(sandboxTokens).where(sql`true`);
    await tx.delete(sandboxOauthCodes).where(sql`true`);
    await tx.delete(sandboxSettings).where(sql`true`);
    await tx.delete(sandboxCompanies).where(sql`true`);
    await seedSandbox(tx, now);
  });
}
