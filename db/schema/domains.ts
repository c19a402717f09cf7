import { index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, timestamptz } from "@/db/columns";
import { workspaceRef } from "@/db/schema/workspaces";

export const domainStatusEnum = pgEnum("domain_status", ["pending", "verified", "failed"]);

/** Custom branded short domains (Pro): every path on a verified host is a slug of its workspace. */
export const domains = pgTable(
  "domains",
  {
    id: text().primaryKey(),
    workspaceId: workspaceRef(),
    hostname: text().notNull(),
    verificationToken: text().notNull(),
    status: domainStatusEnum().notNull().default("pending"),
    verifiedAt: timestamptz(),
    lastCheckedAt: timestamptz(),
    lastError: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex("domains_hostname_uq").on(t.hostname), index("domains_workspace_idx").on(t.workspaceId)],
);

export type DomainRow = typeof domains.$inferSelect;
