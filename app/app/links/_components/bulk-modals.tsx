"use client";

import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Modal } from "@/app/_components/ui/modal";
import { Select } from "@/app/_components/ui/select";
import { TagInput, type TagSuggestion } from "@/app/app/links/_components/tag-input";
import { tagNameSchema } from "@/lib/tags/schemas";

const plural = (n: number) => `${n} ${n === 1 ? "link" : "links"}`;

export function tagNameProblem(name: string): string | null {
  const parsed = tagNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Invalid tag name");
}

export type BulkTagModalProps = {
  open: boolean;
  count: number;
  suggestions: readonly TagSuggestion[];
  busy: boolean;
  onClose: () => void;
  onSubmit: (names: string[]) => void | Promise<void>;
};

/** Adds one or more tags (existing or new) to every selected link; their other tags stay. */
export function BulkTagModal({ open, count, suggestions, busy, onClose, onSubmit }: BulkTagModalProps) {
  const [names, setNames] = useState<string[]>([]);
  const close = () => {
    setNames([]);
    onClose();
  };
  return (
    <Modal
      open={open}
      onClose={close}
      title="Add tags"
      description={`Added to ${plural(count)}; the tags they already have stay.`}
      width={460}
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant="primary"
            loading={busy}
            disabled={names.length === 0}
            onClick={() => {
              void Promise.resolve(onSubmit(names)).then(() => setNames([]));
            }}
            data-testid="bulk-tag-submit"
          >
            Add to {plural(count)}
          </Button>
        </>
      }
    >
      <Field id="bulk-tags" label="Tags" hint="Pick existing tags or type a new name and press Enter.">
        <TagInput id="bulk-tags" value={names} onChange={setNames} suggestions={suggestions} validate={tagNameProblem} describedBy="bulk-tags-hint" />
      </Field>
    </Modal>
  );
}

export type BulkMoveModalProps = {
  open: boolean;
  count: number;
  campaigns: readonly { id: string; name: string }[];
  busy: boolean;
  onClose: () => void;
  onSubmit: (campaignId: string | null) => void | Promise<void>;
};

const NO_CAMPAIGN = "__none__";

/** Moves every selected link into one campaign, or out of any campaign. */
export function BulkMoveModal({ open, count, campaigns, busy, onClose, onSubmit }: BulkMoveModalProps) {
  const [choice, setChoice] = useState("");
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Move to campaign"
      description={`${plural(count)} will belong to the campaign you pick.`}
      width={460}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant="primary"
            loading={busy}
            disabled={choice === ""}
            onClick={() => void onSubmit(choice === NO_CAMPAIGN ? null : choice)}
            data-testid="bulk-move-submit"
          >
            Move {plural(count)}
          </Button>
        </>
      }
    >
      <Field
        id="bulk-campaign"
        label="Campaign"
        hint={campaigns.length === 0 ? "No campaigns yet: create one from a link's form or the Campaigns page." : "Campaign-wide tags apply to every click of its links."}
      >
        <Select
          id="bulk-campaign"
          aria-describedby="bulk-campaign-hint"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          placeholder="Choose a campaign"
          options={[...campaigns.map((c) => ({ value: c.id, label: c.name })), { value: NO_CAMPAIGN, label: "No campaign (take them out)" }]}
        />
      </Field>
    </Modal>
  );
}
