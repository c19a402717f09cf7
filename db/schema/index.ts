// The only barrel: Drizzle needs one schema object (db/client.ts, drizzle.config.ts).
export * from "@/db/schema/workspaces";
export * from "@/db/schema/users";
export * from "@/db/schema/crm";
export * from "@/db/schema/domains";
export * from "@/db/schema/tags";
export * from "@/db/schema/campaigns";
export * from "@/db/schema/links";
export * from "@/db/schema/pages";
export * from "@/db/schema/clicks";
export * from "@/db/schema/click-rollups";
export * from "@/db/schema/leads";
export * from "@/db/schema/jobs";
export * from "@/db/schema/sandbox";
export * from "@/db/schema/relations";
