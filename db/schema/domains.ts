import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps, timestamptz, workspaceRef } from "@/db/columns";

export const domainStatusEnum = pgEnum("domain_status", ["pending", "verified", "failed"]);

/**
 * Custom branded short domains (Pro). Every path on a verified host is a slug of its workspace;
 * `links.domain` holds the same lower-case hostname. A hostname belongs to one workspace at most.
 */
export const domains = pgTable(
  "domains",
  {
    id: id(),
    workspaceId: workspaceRef(),
    /** Lower-case, no port, no trailing dot. */
    hostname: text().notNull(),
    /** The value of the TXT record that proves ownership. */
    verificationToken: text().notNull(),
    status: domainStatusEnum().notNull().default("pending"),
    verifiedAt: timestamptz(),
    lastCheckedAt: timestamptz(),
    lastError: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("domains_hostname_uq").on(t.hostname),
    index("domains_workspace_idx").on(t.workspaceId),
    check("domains_hostname_lower_ck", sql`${t.hostname} = lower(${t.hostname}) and ${t.hostname} <> ''`),
  ],
);

export type DomainRow = typeof domains.$inferSelect;
export type NewDomainRow = typeof domains.$inferInsert;
export type DomainStatus = (typeof domainStatusEnum.enumValues)[number];
