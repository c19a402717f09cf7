/**
 * What a background job does, in the words Settings → CRM uses. Job types are handler names
 * (`crm.tag_contact`, `crm.add_note`, …) owned by lib/jobs and lib/automation; this table only
 * reads them, so a type it does not know still shows, as "Other CRM activity".
 */

/** The kinds the sync status counts separately. */
export const EFFECT_KINDS = ["tags", "contact_updates", "notes", "leads", "triggers", "contact_names", "other"] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

export const EFFECT_KIND_LABELS: Record<EffectKind, string> = {
  tags: "Tags added",
  contact_updates: "Contact updates",
  notes: "Notes",
  leads: "Leads",
  triggers: "Workflow triggers",
  contact_names: "Contact names",
  other: "Other",
};

/**
 * Ordered: the first pattern that matches the type wins. `note` comes before `contact` so that
 * `crm.contact_note` is a note, and `lead` before `contact` so that `crm.lead_upsert_contact` is a lead.
 */
const KIND_PATTERNS: readonly [RegExp, EffectKind][] = [
  [/refresh_contact_names|contact_names/, "contact_names"],
  [/trigger|workflow/, "triggers"],
  [/lead/, "leads"],
  [/note/, "notes"],
  [/tag/, "tags"],
  [/field|sync|contact|update/, "contact_updates"],
];

/** The types the app enqueues today (lib/automation/effects.ts, lib/gates, lib/workflows, lib/crm/contact-names). */
const KNOWN_TYPES: Readonly<Record<string, EffectKind>> = {
  "crm.tag_contact": "tags",
  "crm.update_contact_fields": "contact_updates",
  "crm.add_note": "notes",
  "crm.upsert_lead": "leads",
  "crm.fire_trigger": "triggers",
  "crm.refresh_contact_names": "contact_names",
};

export function effectKindOf(type: string): EffectKind {
  const known = KNOWN_TYPES[type];
  if (known) return known;
  const t = type.toLowerCase();
  for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(t)) return kind;
  return "other";
}

/** What the job was for, as a short verb phrase ("Add tags", "Update contact fields"). */
export function effectLabelOf(type: string): string {
  switch (effectKindOf(type)) {
    case "tags":
      return "Add tags";
    case "contact_updates":
      return "Update contact fields";
    case "notes":
      return "Add a timeline note";
    case "leads":
      return "Create or update a lead's contact";
    case "triggers":
      return "Start CRM workflows";
    case "contact_names":
      return "Refresh contact names";
    case "other":
      return "Other CRM activity";
  }
}
