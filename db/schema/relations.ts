/**
 * Relations for Drizzle's relational queries (`db.query.links.findMany({ with: … })`). They add
 * nothing to the SQL schema; foreign keys live on the tables. Kept in one file so the table
 * files import each other only one way.
 */
import { relations } from "drizzle-orm";
import { campaigns, campaignTags } from "@/db/schema/campaigns";
import { clicks } from "@/db/schema/clicks";
import { crmContacts, crmInstallations } from "@/db/schema/crm";
import { domains } from "@/db/schema/domains";
import { leads } from "@/db/schema/leads";
import { links, linkTags } from "@/db/schema/links";
import { landingPages } from "@/db/schema/pages";
import { tags } from "@/db/schema/tags";
import { apiKeys, users } from "@/db/schema/users";
import { workspaces } from "@/db/schema/workspaces";

export const workspacesRelations = relations(workspaces, ({ many }) => ({
  users: many(users),
  apiKeys: many(apiKeys),
  links: many(links),
  tags: many(tags),
  campaigns: many(campaigns),
  domains: many(domains),
  landingPages: many(landingPages),
  crmInstallations: many(crmInstallations),
  crmContacts: many(crmContacts),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  workspace: one(workspaces, { fields: [users.workspaceId], references: [workspaces.id] }),
  links: many(links),
}));

export const apiKeysRelations = relations(apiKeys, ({ one }) => ({
  workspace: one(workspaces, { fields: [apiKeys.workspaceId], references: [workspaces.id] }),
  createdBy: one(users, { fields: [apiKeys.createdByUserId], references: [users.id] }),
}));

export const linksRelations = relations(links, ({ one, many }) => ({
  workspace: one(workspaces, { fields: [links.workspaceId], references: [workspaces.id] }),
  campaign: one(campaigns, { fields: [links.campaignId], references: [campaigns.id] }),
  createdBy: one(users, { fields: [links.createdByUserId], references: [users.id] }),
  parent: one(links, { fields: [links.parentLinkId], references: [links.id], relationName: "minted" }),
  minted: many(links, { relationName: "minted" }),
  linkTags: many(linkTags),
  leads: many(leads),
}));

export const linkTagsRelations = relations(linkTags, ({ one }) => ({
  link: one(links, { fields: [linkTags.linkId], references: [links.id] }),
  tag: one(tags, { fields: [linkTags.tagId], references: [tags.id] }),
}));

export const tagsRelations = relations(tags, ({ one, many }) => ({
  workspace: one(workspaces, { fields: [tags.workspaceId], references: [workspaces.id] }),
  linkTags: many(linkTags),
  campaignTags: many(campaignTags),
}));

export const campaignsRelations = relations(campaigns, ({ one, many }) => ({
  workspace: one(workspaces, { fields: [campaigns.workspaceId], references: [workspaces.id] }),
  links: many(links),
  campaignTags: many(campaignTags),
}));

export const campaignTagsRelations = relations(campaignTags, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignTags.campaignId], references: [campaigns.id] }),
  tag: one(tags, { fields: [campaignTags.tagId], references: [tags.id] }),
}));

export const domainsRelations = relations(domains, ({ one }) => ({
  workspace: one(workspaces, { fields: [domains.workspaceId], references: [workspaces.id] }),
}));

export const landingPagesRelations = relations(landingPages, ({ one }) => ({
  workspace: one(workspaces, { fields: [landingPages.workspaceId], references: [workspaces.id] }),
}));

export const clicksRelations = relations(clicks, ({ one }) => ({
  link: one(links, { fields: [clicks.linkId], references: [links.id] }),
  landingPage: one(landingPages, { fields: [clicks.landingPageId], references: [landingPages.id] }),
}));

export const leadsRelations = relations(leads, ({ one }) => ({
  workspace: one(workspaces, { fields: [leads.workspaceId], references: [workspaces.id] }),
  link: one(links, { fields: [leads.linkId], references: [links.id] }),
}));

export const crmInstallationsRelations = relations(crmInstallations, ({ one }) => ({
  workspace: one(workspaces, { fields: [crmInstallations.workspaceId], references: [workspaces.id] }),
}));

export const crmContactsRelations = relations(crmContacts, ({ one }) => ({
  workspace: one(workspaces, { fields: [crmContacts.workspaceId], references: [workspaces.id] }),
}));
