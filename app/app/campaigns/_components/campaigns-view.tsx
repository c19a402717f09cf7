"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CampaignIcon, LinkIcon, PlusIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { describedBy, Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Modal } from "@/app/_components/ui/modal";
import { useToast } from "@/app/_components/ui/toast";
import { createCampaignAction, deleteCampaignAction, updateCampaignAction } from "@/app/app/campaigns/actions";
import { ConfirmModal } from "@/app/app/links/_components/confirm-modal";
import { EditIcon, TrashIcon } from "@/app/app/links/_components/icons";
import { RowActions } from "@/app/app/links/_components/row-actions";
import { TagChips, tagColorsOf } from "@/app/app/links/_components/tag-chips";
import { TagInput, type TagSuggestion } from "@/app/app/links/_components/tag-input";
import { campaignNameSchema, CAMPAIGN_TAGS_MAX, type CampaignDto } from "@/lib/campaigns/schemas";
import { tagNameSchema } from "@/lib/tags/schemas";

export type CampaignsViewProps = { campaigns: readonly CampaignDto[]; tags: readonly TagSuggestion[] };

const formatDate = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format;
const MAX_TAG_CHIPS = 3;

type Editing = { mode: "create" } | { mode: "edit"; campaign: CampaignDto } | null;

/**
 * The workspace's campaigns: create (name and campaign-wide tags), rename / re-tag, delete, and
 * open one for its combined analytics. The list is rendered on the server; writes are server
 * actions followed by a refresh.
 */
export function CampaignsView({ campaigns, tags }: CampaignsViewProps) {
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CampaignDto | null>(null);
  const [busy, setBusy] = useState(false);
  const tagColors = tagColorsOf(tags);

  async function onDelete() {
    if (!deleting) return;
    setBusy(true);
    const result = await deleteCampaignAction(deleting.id);
    setBusy(false);
    if (!result.ok) {
      if (result.code === "unauthorized") return router.refresh();
      toast({ title: "The campaign was not deleted", description: result.message, tone: "error" });
      return;
    }
    toast({ title: "Campaign deleted", description: `${deleting.name} is gone; its links stay, outside any campaign.`, tone: "success" });
    setDeleting(null);
    router.refresh();
  }

  const createButton = (
    <Button variant="primary" icon={<PlusIcon size={16} />} onClick={() => setEditing({ mode: "create" })} data-testid="create-campaign">
      Create campaign
    </Button>
  );

  return (
    <div className="page campaigns-page">
      <PageHeader
        title="Campaigns"
        description="Group links, see their combined performance, and tag every clicker in your CRM."
        actions={campaigns.length > 0 ? createButton : undefined}
      />
      {campaigns.length === 0 ? (
        <Card className="hero-accent">
          <EmptyState
            icon={<CampaignIcon size={24} />}
            title="No campaigns yet"
            description="A campaign such as “Black Friday 2026” groups links and shows their clicks combined. Its tags are added to every CRM contact who clicks any of its links, so your CRM workflows can follow up."
            actions={createButton}
          >
            <ul className="feature-list">
              <li>Combined clicks, sources, countries and devices</li>
              <li>Campaign-wide tags applied on every click</li>
              <li>Links sent, contacts reached and click-through rate</li>
              <li>CSV export of the campaign’s clicks</li>
            </ul>
          </EmptyState>
        </Card>
      ) : (
        <Card className="campaigns-card">
          <div className="table-wrap">
            <table className="table campaigns-table" data-testid="campaigns-table">
              <caption className="sr-only">Campaigns</caption>
              <thead>
                <tr>
                  <th scope="col">Campaign</th>
                  <th scope="col" className="col-tags">
                    Tags
                  </th>
                  <th scope="col" className="col-links">
                    Links
                  </th>
                  <th scope="col" className="col-date">
                    Created
                  </th>
                  <th scope="col" className="col-actions">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id}>
                    <td className="col-name">
                      <div className="campaign-name">
                        <span className="campaign-icon" aria-hidden="true">
                          <CampaignIcon size={15} />
                        </span>
                        <Link href={`/app/campaigns/${c.id}`} className="campaign-link" data-testid="campaign-link">
                          {c.name}
                        </Link>
                        {c.archived ? <Badge>Archived</Badge> : null}
                      </div>
                      {c.description ? <p className="campaign-desc">{c.description}</p> : null}
                    </td>
                    <td className="col-tags">
                      <TagChips names={c.tags} colors={tagColors} max={MAX_TAG_CHIPS} />
                    </td>
                    <td className="col-links">
                      <Link href={`/app/links?campaignId=${encodeURIComponent(c.id)}`} className="campaign-count" title="Show these links">
                        {c.linkCount.toLocaleString("en-US")} {c.linkCount === 1 ? "link" : "links"}
                      </Link>
                    </td>
                    <td className="col-date">
                      <time dateTime={c.createdAt}>{formatDate(new Date(c.createdAt))}</time>
                    </td>
                    <td className="col-actions">
                      <RowActions
                        name={c.name}
                        analyticsHref={`/app/campaigns/${c.id}`}
                        menuTestId="campaign-menu"
                        items={[
                          { label: "Rename or re-tag", icon: <EditIcon size={15} />, onSelect: () => setEditing({ mode: "edit", campaign: c }), testId: "menu-edit" },
                          { label: "Show its links", icon: <LinkIcon size={15} />, onSelect: () => router.push(`/app/links?campaignId=${encodeURIComponent(c.id)}`) },
                          { label: "Delete", icon: <TrashIcon size={15} />, danger: true, onSelect: () => setDeleting(c), testId: "menu-delete" },
                        ]}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {editing ? (
        <CampaignFormModal
          key={editing.mode === "edit" ? editing.campaign.id : "new"}
          campaign={editing.mode === "edit" ? editing.campaign : null}
          suggestions={tags}
          onClose={() => setEditing(null)}
          onSaved={(saved, isNew) => {
            setEditing(null);
            toast({ title: isNew ? "Campaign created" : "Campaign saved", description: saved.name, tone: "success" });
            router.refresh();
          }}
        />
      ) : null}
      <ConfirmModal
        open={deleting !== null}
        title="Delete this campaign?"
        description={deleting?.name}
        confirmLabel="Delete"
        danger
        busy={busy}
        onClose={() => setDeleting(null)}
        onConfirm={() => void onDelete()}
      >
        <p className="muted">
          Its links keep working and keep their clicks; they just leave the campaign, and its tags are no longer added on their clicks. This cannot be
          undone.
        </p>
      </ConfirmModal>
    </div>
  );
}

type CampaignFormModalProps = {
  campaign: CampaignDto | null;
  suggestions: readonly TagSuggestion[];
  onClose: () => void;
  onSaved: (campaign: CampaignDto, isNew: boolean) => void;
};

const tagProblem = (name: string) => {
  const parsed = tagNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Invalid tag");
};

/** Create a campaign, or rename and re-tag one: a name and the tags added on every click of its links. */
function CampaignFormModal({ campaign, suggestions, onClose, onSaved }: CampaignFormModalProps) {
  const router = useRouter();
  const [name, setName] = useState(campaign?.name ?? "");
  const [tags, setTags] = useState<string[]>(campaign?.tags ?? []);
  const [errors, setErrors] = useState<{ name?: string; tags?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const isNew = campaign === null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = campaignNameSchema.safeParse(name);
    if (!parsed.success) {
      setErrors({ name: parsed.error.issues[0]?.message ?? "Enter a campaign name" });
      return;
    }
    setBusy(true);
    const input = { name: parsed.data, tags };
    const result = isNew ? await createCampaignAction(input) : await updateCampaignAction(campaign.id, input);
    setBusy(false);
    if (!result.ok) {
      if (result.code === "unauthorized") return router.refresh();
      const fieldName = result.fieldErrors?.name?.[0];
      const fieldTags = Object.entries(result.fieldErrors ?? {}).find(([key]) => key.startsWith("tags"))?.[1]?.[0];
      setErrors(
        fieldName || fieldTags
          ? { name: fieldName, tags: fieldTags }
          : result.code === "conflict"
            ? { name: result.message }
            : { form: result.message },
      );
      return;
    }
    onSaved(result.data, isNew);
  }

  return (
    <Modal
      open
      onClose={busy ? () => undefined : onClose}
      title={isNew ? "Create campaign" : "Edit campaign"}
      description="Its tags are added to every CRM contact who clicks any of its links."
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="campaign-form" loading={busy} data-testid="campaign-save">
            {isNew ? "Create campaign" : "Save changes"}
          </Button>
        </>
      }
    >
      <form id="campaign-form" className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field id="campaign-name" label="Name" error={errors.name} hint="For example “Black Friday 2026”.">
          <Input
            id="campaign-name"
            value={name}
            maxLength={100}
            onChange={(e) => {
              setName(e.target.value);
              setErrors((x) => ({ ...x, name: undefined }));
            }}
            invalid={Boolean(errors.name)}
            data-testid="campaign-name"
            {...describedBy("campaign-name", errors.name)}
          />
        </Field>
        <Field id="campaign-tags" label="Tags" optional error={errors.tags} hint="Added to the contact in your CRM on every click, starting your CRM workflows.">
          <TagInput
            id="campaign-tags"
            value={tags}
            onChange={setTags}
            suggestions={suggestions}
            validate={tagProblem}
            max={CAMPAIGN_TAGS_MAX}
            describedBy={errors.tags ? "campaign-tags-error" : "campaign-tags-hint"}
            invalid={Boolean(errors.tags)}
          />
        </Field>
        {errors.form ? (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        ) : null}
      </form>
    </Modal>
  );
}
