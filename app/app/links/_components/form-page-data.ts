/**
 * What the create and edit pages hand the form, read on the server: plan capabilities, the
 * workspace's automation defaults and domains, tags and campaigns for the pickers.
 */
import type { Automation, Capabilities } from "@/app/app/links/_components/form-state";
import { PLAN_FEATURES } from "@/lib/billing/plans";
import { listCampaigns } from "@/lib/campaigns/queries";
import { listVerifiedDomains } from "@/lib/domains/queries";
import type { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listTags } from "@/lib/tags/queries";
import type { ShellWorkspace } from "@/lib/workspaces/current";
import { getWorkspaceOrThrow } from "@/lib/workspaces/queries";

/** A new link's CRM switches when the workspace has not chosen: every automation on. */
const PRODUCT_AUTOMATION_DEFAULTS: Automation = { tagOnClick: true, syncContact: true, addNote: true };

type Db = Awaited<ReturnType<typeof getDb>>;

export async function loadFormData(db: Db, workspace: ShellWorkspace, keepCampaignId?: string | null) {
  const features = PLAN_FEATURES[workspace.plan];
  const can: Capabilities = { targeting: features.targeting, passwords: features.passwords, domains: features.domains };
  const [row, tags, campaigns, domains] = await Promise.all([
    getWorkspaceOrThrow(db, workspace.id),
    listTags(db, workspace.id),
    listCampaigns(db, workspace.id),
    can.domains ? listVerifiedDomains(db, workspace.id) : Promise.resolve([]),
  ]);
  const automation = row.settings.automation ?? {};
  const defaultDomain = row.settings.defaultDomain && domains.includes(row.settings.defaultDomain) ? row.settings.defaultDomain : "";
  return {
    can,
    shortBaseUrl: env().shortBaseUrl,
    domains,
    defaultDomain,
    crmDefaults: {
      tagOnClick: automation.tagOnClick ?? PRODUCT_AUTOMATION_DEFAULTS.tagOnClick,
      syncContact: automation.syncContact ?? PRODUCT_AUTOMATION_DEFAULTS.syncContact,
      addNote: automation.addNote ?? PRODUCT_AUTOMATION_DEFAULTS.addNote,
    },
    tags: tags.map((t) => ({ name: t.name, color: t.color })),
    campaigns: campaigns.filter((c) => !c.archived || c.id === keepCampaignId).map((c) => ({ id: c.id, name: c.name })),
  };
}
