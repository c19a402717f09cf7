"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { InfoIcon, LockIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { describedBy, Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Switch } from "@/app/_components/ui/switch";
import { Textarea } from "@/app/_components/ui/textarea";
import { useToast } from "@/app/_components/ui/toast";
import { createCampaignAction, createLinkAction, updateLinkAction } from "@/app/app/links/actions";
import { tagNameProblem } from "@/app/app/links/_components/bulk-modals";
import { CopyButton } from "@/app/app/links/_components/copy-button";
import {
  emptyForm,
  fieldId,
  focusTargetOf,
  formFromLink,
  formOnlyErrors,
  labelOfPath,
  toLinkInput,
  toLocalInput,
  withoutErrors,
  type Automation,
  type Capabilities,
  type FieldErrors,
  type LinkFormState,
} from "@/app/app/links/_components/form-state";
import { WarningIcon } from "@/app/app/links/_components/icons";
import { linkKeys } from "@/app/app/links/_components/links-data";
import { RulesEditor } from "@/app/app/links/_components/rules-editor";
import { TagInput, type TagSuggestion } from "@/app/app/links/_components/tag-input";
import { UpgradePrompt } from "@/app/app/links/_components/upgrade-prompt";
import { campaignNameSchema } from "@/lib/campaigns/schemas";
import {
  createLinkSchema,
  httpUrlProblem,
  LEAD_FIELDS,
  slugSchema,
  updateLinkSchema,
  UTM_KEYS,
  type LeadFieldValue,
  type LinkDto,
  type UtmKey,
} from "@/lib/links/schemas";
import { mergeUtm } from "@/lib/links/utm";

export type LinkFormProps = {
  link?: LinkDto;
  /** `SHORT_BASE_URL`: links on the shared domain are `${shortBaseUrl}/${slug}`. */
  shortBaseUrl: string;
  /** Verified custom domains of the workspace (hostnames); empty → no domain select. */
  domains: readonly string[];
  defaultDomain: string;
  can: Capabilities;
  crmDefaults: Automation;
  tags: readonly TagSuggestion[];
  campaigns: readonly { id: string; name: string }[];
};

const LEAD_LABELS: Record<LeadFieldValue, string> = { name: "Name", email: "Email", phone: "Phone", company: "Company", message: "Message" };
const UTM_FIELDS: readonly { key: UtmKey; label: string; placeholder: string }[] = [
  { key: "source", label: "Source", placeholder: "newsletter" },
  { key: "medium", label: "Medium", placeholder: "email" },
  { key: "campaign", label: "Campaign", placeholder: "spring_sale" },
  { key: "term", label: "Term", placeholder: "running shoes" },
  { key: "content", label: "Content", placeholder: "header_button" },
];

/** zod issues → `{ "rules.ab.0.weight": [...] }`, the same keys the server action returns. */
function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const draftKey = (link?: LinkDto) => `smart-links:link-draft:${link?.id ?? "new"}`;

/**
 * sessionStorage, or null: a cross-site iframe with third-party storage blocked throws on the
 * mere property access, and the form must work there all the same (the draft is a nicety).
 */
function draftStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function parkDraft(link: LinkDto | undefined, state: LinkFormState): void {
  try {
    draftStorage()?.setItem(draftKey(link), JSON.stringify(state));
  } catch {
    // Quota or blocked storage: the draft is lost, the re-sign-in still happens.
  }
}

function Section({ id, title, description, badge, children, testId }: { id: string; title: string; description?: ReactNode; badge?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card id={id} role="region" aria-labelledby={`${id}-title`} className="form-section" data-testid={testId}>
      <CardHeader title={<span id={`${id}-title`}>{title}</span>} description={description} badge={badge} />
      <CardBody>{children}</CardBody>
    </Card>
  );
}

const proBadge = <Badge tone="brand">Pro</Badge>;

/**
 * Create and edit a link. Every section writes into one state object; Save validates with the
 * shared schema first (instant inline errors), then the server action validates again and may
 * add errors only it can find (slug taken, plan). Nothing typed is lost on an error — not even
 * when the session expired: the draft is parked in sessionStorage while the SSO gate re-signs in.
 */
export function LinkForm({ link, shortBaseUrl, domains, defaultDomain, can, crmDefaults, tags, campaigns: initialCampaigns }: LinkFormProps) {
  const isEdit = link !== undefined;
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  // The expiry is shown in the browser's time zone, which the server does not know: it is filled
  // in after hydration (below) so server and browser render the same first HTML.
  const [state, setState] = useState<LinkFormState>(() =>
    link ? { ...formFromLink(link, crmDefaults), expiresAt: "" } : emptyForm({ domain: defaultDomain, crm: crmDefaults }),
  );
  const [timeZone, setTimeZone] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [saving, setSaving] = useState<"leave" | "stay" | null>(null);
  const [campaigns, setCampaigns] = useState(initialCampaigns);
  const [newCampaign, setNewCampaign] = useState<{ open: boolean; name: string; error: string | null; busy: boolean }>({ open: false, name: "", error: null, busy: false });
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    /* eslint-disable react-hooks/set-state-in-effect -- browser-only values (time zone), known after hydration */
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (link?.expiresAt) {
      const local = toLocalInput(link.expiresAt);
      setState((s) => (s.expiresAt ? s : { ...s, expiresAt: local }));
    }
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [link]);

  // A draft parked before an SSO re-handshake comes back here.
  useEffect(() => {
    const storage = draftStorage();
    const saved = storage?.getItem(draftKey(link));
    if (!storage || !saved) return;
    storage.removeItem(draftKey(link));
    try {
      const draft = JSON.parse(saved) as LinkFormState;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring browser-only storage after hydration
      setState(draft);
      toast({ title: "Your unsaved changes are back", description: "You were signed in again; press Save to finish.", tone: "info" });
    } catch {
      // A draft from an older version of the form: ignore it.
    }
  }, [link, toast]);

  function update<K extends keyof LinkFormState>(key: K, value: LinkFormState[K], ...errorPaths: string[]) {
    setState((s) => ({ ...s, [key]: value }));
    setErrors((e) => withoutErrors(e, ...(errorPaths.length ? errorPaths : [String(key)])));
  }

  const err = (path: string) => errors[path];

  /** "Then send visitors to": where an expired or used-up link forwards (blank: the branded page). */
  const fallbackUrlField = (name: "expiredUrl" | "limitUrl", hint: string, placeholder: string) => (
    <Field id={fieldId(name)} label="Then send visitors to" optional hint={hint} error={err(name)}>
      <Input
        id={fieldId(name)}
        type="url"
        inputMode="url"
        placeholder={placeholder}
        value={state[name]}
        invalid={Boolean(err(name))}
        {...describedBy(fieldId(name), err(name))}
        onChange={(e) => update(name, e.target.value)}
      />
    </Field>
  );

  // ---- Derived previews ----
  const urlProblem = state.url.trim() ? httpUrlProblem(state.url.trim()) : null;
  const finalDestination = useMemo(() => {
    const url = state.url.trim();
    if (!url || httpUrlProblem(url)) return null;
    const utm: Partial<Record<UtmKey, string>> = {};
    for (const k of UTM_KEYS) if (state.utm[k].trim()) utm[k] = state.utm[k].trim();
    return mergeUtm(url, utm);
  }, [state.url, state.utm]);

  const slugTrimmed = state.slug.trim();
  const liveSlugError = useMemo(() => {
    if (!slugTrimmed) return isEdit ? "Enter a slug" : null;
    const parsed = slugSchema.safeParse(slugTrimmed);
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Invalid slug");
  }, [slugTrimmed, isEdit]);
  const slugError = err("slug")?.[0] ?? liveSlugError ?? undefined;

  const base = state.domain ? `https://${state.domain}` : shortBaseUrl;
  const shortPreview = `${base.replace(/^https?:\/\//, "")}/${slugTrimmed || "•••••••"}`;
  const shortUrlNow = `${base}/${slugTrimmed}`;
  const isShortUrlChanged = isEdit && (slugTrimmed !== link.slug || state.domain !== link.domain);

  // ---- Submit ----
  async function save(after: "leave" | "stay") {
    setSummary(null);
    const input = toLinkInput(state, can, isEdit);
    const local = formOnlyErrors(state);
    const parsed = isEdit ? updateLinkSchema.safeParse(input) : createLinkSchema.safeParse(input);
    const found = { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...local };
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setSummary("Some fields need your attention.");
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(after);
    const result = isEdit ? await updateLinkAction(link.id, input) : await createLinkAction(input);
    setSaving(null);
    if (!result.ok) {
      if (result.code === "unauthorized") {
        parkDraft(link, state);
        router.refresh();
        return;
      }
      const fieldErrors: FieldErrors = { ...(result.fieldErrors ?? {}) };
      if (result.code === "slug_taken" && !fieldErrors.slug) fieldErrors.slug = [result.message];
      setErrors(fieldErrors);
      setSummary(result.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    await queryClient.invalidateQueries({ queryKey: linkKeys.all });
    const short = result.data.shortUrl.replace(/^https?:\/\//, "");
    toast({ title: isEdit ? "Changes saved" : "Link created", description: short, tone: "success" });
    if (after === "leave") {
      router.push("/app/links");
      router.refresh();
    } else if (!isEdit) {
      router.replace(`/app/links/${result.data.id}`);
    } else {
      setState(formFromLink(result.data, crmDefaults));
      router.refresh();
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save("leave");
  }

  async function addCampaign() {
    const parsed = campaignNameSchema.safeParse(newCampaign.name);
    if (!parsed.success) {
      setNewCampaign((c) => ({ ...c, error: parsed.error.issues[0]?.message ?? "Invalid name" }));
      return;
    }
    setNewCampaign((c) => ({ ...c, busy: true, error: null }));
    const result = await createCampaignAction({ name: parsed.data });
    if (!result.ok) {
      if (result.code === "unauthorized") {
        parkDraft(link, state);
        router.refresh();
        return;
      }
      setNewCampaign((c) => ({ ...c, busy: false, error: result.fieldErrors?.name?.[0] ?? result.message }));
      return;
    }
    setCampaigns((list) => [...list, { id: result.data.id, name: result.data.name }].sort((a, b) => a.name.localeCompare(b.name)));
    update("campaignId", result.data.id);
    setNewCampaign({ open: false, name: "", error: null, busy: false });
    toast({ title: "Campaign created", description: result.data.name, tone: "success" });
    requestAnimationFrame(() => document.getElementById(fieldId("campaignId"))?.focus());
  }

  const errorEntries = Object.entries(errors).filter(([, m]) => m.length > 0);

  return (
    <form className="link-form" onSubmit={onSubmit} noValidate data-testid="link-form">
      {summary ? (
        <div className="form-summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-summary">
          <InfoIcon size={18} />
          <div>
            <strong>{summary}</strong>
            {errorEntries.length > 0 ? (
              <ul>
                {errorEntries.map(([path, messages]) => (
                  <li key={path}>
                    <button type="button" className="linklike" onClick={() => document.getElementById(focusTargetOf(path))?.focus()}>
                      {labelOfPath(path)}
                    </button>
                    : {messages[0]}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}

      <Section id="sec-destination" title="Destination" description="Where the short link sends visitors by default.">
        <div className="stack">
          <Field id={fieldId("url")} label="Destination URL" error={err("url") ?? (urlProblem && state.url.length > 8 ? urlProblem : undefined)}>
            <Input
              id={fieldId("url")}
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder="https://example.com/spring-sale"
              value={state.url}
              required
              autoFocus={!isEdit}
              invalid={Boolean(err("url"))}
              {...describedBy(fieldId("url"), err("url"), false)}
              onChange={(e) => update("url", e.target.value)}
              data-testid="field-url"
            />
          </Field>
          <div className={domains.length > 0 && can.domains ? "slug-row has-domain" : "slug-row"}>
            {domains.length > 0 && can.domains ? (
              <Field id={fieldId("domain")} label="Domain" error={err("domain")}>
                <Select
                  id={fieldId("domain")}
                  value={state.domain}
                  onChange={(e) => update("domain", e.target.value)}
                  options={[{ value: "", label: shortBaseUrl.replace(/^https?:\/\//, "") }, ...domains.map((d) => ({ value: d, label: d }))]}
                  invalid={Boolean(err("domain"))}
                />
              </Field>
            ) : null}
            <Field
              id={fieldId("slug")}
              label={isEdit ? "Slug" : "Custom slug"}
              optional={!isEdit}
              hint={isEdit ? "Letters, digits, - and _. Case-sensitive." : "Leave blank for a random 7-character slug. Letters, digits, - and _; case-sensitive."}
              error={slugError}
            >
              <div className="slug-input">
                <span className="slug-prefix" aria-hidden="true">
                  {base.replace(/^https?:\/\//, "")}/
                </span>
                <Input
                  id={fieldId("slug")}
                  value={state.slug}
                  placeholder={isEdit ? "" : "spring-sale"}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={64}
                  invalid={Boolean(slugError)}
                  {...describedBy(fieldId("slug"), slugError)}
                  onChange={(e) => update("slug", e.target.value)}
                  data-testid="field-slug"
                />
              </div>
            </Field>
          </div>
          <div className="short-preview" data-testid="short-preview">
            <span className="short-preview-label">Short link</span>
            <span className="short-preview-url">{shortPreview}</span>
            {slugTrimmed && !liveSlugError ? <CopyButton text={shortUrlNow} label="Copy this short link" /> : null}
            {!slugTrimmed && !isEdit ? <span className="subtle">random slug on save</span> : null}
          </div>
          {isShortUrlChanged ? (
            <div className="form-warning" role="status" data-testid="slug-warning">
              <WarningIcon size={18} />
              <p>
                <strong>The old short URL stops working.</strong> {link.shortUrl.replace(/^https?:\/\//, "")} will answer “not found” once you
                save, including in messages and QR codes already sent.
              </p>
            </div>
          ) : null}
          <Field id={fieldId("title")} label="Title" optional hint="For you: shown in the list and searchable." error={err("title")}>
            <Input
              id={fieldId("title")}
              value={state.title}
              placeholder="Spring sale — SMS blast"
              maxLength={200}
              invalid={Boolean(err("title"))}
              {...describedBy(fieldId("title"), err("title"))}
              onChange={(e) => update("title", e.target.value)}
              data-testid="field-title"
            />
          </Field>
        </div>
      </Section>

      <Section id="sec-utm" title="UTM builder" description="Merged into the destination so your analytics tool sees where visitors came from.">
        <div className="utm-grid">
          {UTM_FIELDS.map((f) => {
            const id = fieldId(`utm.${f.key}`);
            return (
              <Field key={f.key} id={id} label={f.label} error={err(`utm.${f.key}`)}>
                <Input
                  id={id}
                  value={state.utm[f.key]}
                  placeholder={f.placeholder}
                  maxLength={200}
                  invalid={Boolean(err(`utm.${f.key}`))}
                  {...describedBy(id, err(`utm.${f.key}`), false)}
                  onChange={(e) => update("utm", { ...state.utm, [f.key]: e.target.value }, `utm.${f.key}`)}
                />
              </Field>
            );
          })}
        </div>
        <div className="final-destination" aria-live="polite">
          <span className="short-preview-label">Final destination</span>
          {finalDestination ? (
            <code className="final-destination-url" data-testid="final-destination">
              {finalDestination}
            </code>
          ) : (
            <span className="subtle">Enter a destination URL above to see it with the UTM fields.</span>
          )}
        </div>
      </Section>

      <Section
        id="sec-rules"
        title="Smart routing"
        description="Send visitors to different URLs by country, device, or an A/B split."
        badge={proBadge}
        testId="section-rules"
      >
        {can.targeting ? (
          <RulesEditor
            value={{ country: state.country, device: state.device, ab: state.ab }}
            errors={errors}
            onChange={(next, touched) => {
              setState((s) => ({ ...s, ...next }));
              setErrors((e) => withoutErrors(e, `rules.${touched}`));
            }}
          />
        ) : (
          <UpgradePrompt feature="Country and device targeting, A/B rotation" testId="upgrade-rules" />
        )}
      </Section>

      <Section id="sec-protection" title="Protection" description="Gates visitors pass before the redirect, and when the link stops.">
        <div className="protection">
          <div className="protection-item" data-testid="protection-password">
            {!can.passwords || state.passwordMode === "keep" || state.passwordMode === "remove" ? (
              <span className="protection-title">
                <LockIcon size={16} /> Password {can.passwords ? null : proBadge}
              </span>
            ) : null}
            {!can.passwords ? (
              <UpgradePrompt feature="Password protection" testId="upgrade-password" />
            ) : state.passwordMode === "keep" ? (
              <div className="row" style={{ flexWrap: "wrap", gap: 8 }}>
                <Badge tone="success">Password set</Badge>
                <span className="subtle">Visitors unlock the link first.</span>
                <Button size="sm" onClick={() => update("passwordMode", "set", "password")}>
                  Change password
                </Button>
                <Button size="sm" variant="ghost" onClick={() => update("passwordMode", "remove", "password")}>
                  Remove password
                </Button>
              </div>
            ) : state.passwordMode === "remove" ? (
              <div className="row" style={{ flexWrap: "wrap", gap: 8 }}>
                <Badge tone="warning">Password will be removed on save</Badge>
                <Button size="sm" variant="ghost" onClick={() => update("passwordMode", "keep", "password")}>
                  Keep it
                </Button>
              </div>
            ) : (
              <>
                <Switch
                  id="toggle-password"
                  label={link?.hasPassword ? "Change the password" : "Password"}
                  description="Visitors see an unlock page first; wrong attempts are limited."
                  checked={state.passwordMode === "set"}
                  onChange={(on) => update("passwordMode", on ? "set" : link?.hasPassword ? "keep" : "none", "password")}
                />
                {state.passwordMode === "set" ? (
                  <div className="protection-fields">
                    <Field id={fieldId("password")} label={link?.hasPassword ? "New password" : "Password"} error={err("password")} hint="At least 4 characters. Stored as a hash; nobody can read it back.">
                      <Input
                        id={fieldId("password")}
                        type="password"
                        autoComplete="new-password"
                        value={state.password}
                        invalid={Boolean(err("password"))}
                        {...describedBy(fieldId("password"), err("password"))}
                        onChange={(e) => update("password", e.target.value)}
                        data-testid="field-password"
                      />
                    </Field>
                  </div>
                ) : null}
              </>
            )}
          </div>

          <div className="protection-item">
            <Switch
              id="toggle-expiry"
              label="Expire at a date and time"
              description="Afterwards visitors go to a URL you choose, or see a clean “expired” page."
              checked={state.hasExpiry}
              onChange={(on) => update("hasExpiry", on, "expiresAt", "expiredUrl")}
            />
            {state.hasExpiry ? (
              <div className="protection-fields">
                <Field id={fieldId("expiresAt")} label="Expires at" hint={timeZone ? `Your time zone: ${timeZone}` : undefined} error={err("expiresAt")}>
                  <Input
                    id={fieldId("expiresAt")}
                    type="datetime-local"
                    value={state.expiresAt}
                    invalid={Boolean(err("expiresAt"))}
                    {...describedBy(fieldId("expiresAt"), err("expiresAt"), Boolean(timeZone))}
                    onChange={(e) => update("expiresAt", e.target.value)}
                  />
                </Field>
                {fallbackUrlField("expiredUrl", "Blank: the branded “expired” page.", "https://example.com/offer-ended")}
              </div>
            ) : null}
          </div>

          <div className="protection-item">
            <Switch
              id="toggle-limit"
              label="Stop after a number of clicks"
              description="Only real visitors count; link-preview bots never use up the limit."
              checked={state.hasClickLimit}
              onChange={(on) => update("hasClickLimit", on, "clickLimit", "limitUrl")}
            />
            {state.hasClickLimit ? (
              <div className="protection-fields">
                <Field
                  id={fieldId("clickLimit")}
                  label="Click limit"
                  hint={link && link.clickLimit !== null ? `${link.limitClicks.toLocaleString("en-US")} counted so far.` : undefined}
                  error={err("clickLimit")}
                >
                  <Input
                    id={fieldId("clickLimit")}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    placeholder="500"
                    value={state.clickLimit}
                    invalid={Boolean(err("clickLimit"))}
                    {...describedBy(fieldId("clickLimit"), err("clickLimit"), Boolean(link && link.clickLimit !== null))}
                    onChange={(e) => update("clickLimit", e.target.value)}
                  />
                </Field>
                {fallbackUrlField("limitUrl", "Blank: the branded “limit reached” page.", "https://example.com/sold-out")}
              </div>
            ) : null}
          </div>

          <div className="protection-item">
            <Switch
              id="toggle-lead"
              label="Lead capture"
              description="A short form before the redirect; the visitor becomes or updates a CRM contact. Asked once per visitor."
              checked={state.lead.enabled}
              onChange={(on) => update("lead", { ...state.lead, enabled: on }, "leadCapture")}
            />
            {state.lead.enabled ? (
              <div className="protection-fields">
                <Field id={fieldId("leadCapture.headline")} label="Headline" optional error={err("leadCapture.headline")}>
                  <Input
                    id={fieldId("leadCapture.headline")}
                    value={state.lead.headline}
                    placeholder="Get the guide — where should we send updates?"
                    maxLength={200}
                    invalid={Boolean(err("leadCapture.headline"))}
                    {...describedBy(fieldId("leadCapture.headline"), err("leadCapture.headline"), false)}
                    onChange={(e) => update("lead", { ...state.lead, headline: e.target.value }, "leadCapture.headline")}
                  />
                </Field>
                <fieldset className="chip-fieldset" aria-describedby={err("leadCapture.fields") ? "lead-fields-error" : "lead-fields-hint"}>
                  <legend className="field-label">Fields</legend>
                  <div className="checkbox-row">
                    {LEAD_FIELDS.map((f) => (
                      <label key={f} className="checkbox-label">
                        <input
                          id={fieldId(`leadCapture.fields.${f}`)}
                          type="checkbox"
                          className="checkbox"
                          checked={state.lead.fields.includes(f)}
                          onChange={(e) =>
                            update(
                              "lead",
                              { ...state.lead, fields: e.target.checked ? LEAD_FIELDS.filter((x) => x === f || state.lead.fields.includes(x)) : state.lead.fields.filter((x) => x !== f) },
                              "leadCapture.fields",
                            )
                          }
                        />
                        {LEAD_LABELS[f]}
                      </label>
                    ))}
                  </div>
                  {err("leadCapture.fields") ? (
                    <p className="field-error" id="lead-fields-error" role="alert">
                      {err("leadCapture.fields")?.[0]}
                    </p>
                  ) : (
                    <p className="field-hint" id="lead-fields-hint">
                      Email or phone is needed to find the contact in your CRM.
                    </p>
                  )}
                </fieldset>
              </div>
            ) : null}
          </div>
        </div>
      </Section>

      <Section id="sec-crm" title="CRM automation" description="What happens in your CRM when a known contact clicks. Never slows the visitor down.">
        <div className="switch-list">
          <Switch
            id="crm-tag"
            label="Tag on click"
            description="Adds this link's tags and its campaign's tags to the contact (starting your CRM workflows)."
            checked={state.crm.tagOnClick}
            onChange={(on) => update("crm", { ...state.crm, tagOnClick: on })}
          />
          <Switch
            id="crm-sync"
            label="Sync contact"
            description="Updates last link clicked, total clicks, first and last click date on the contact."
            checked={state.crm.syncContact}
            onChange={(on) => update("crm", { ...state.crm, syncContact: on })}
          />
          <Switch
            id="crm-note"
            label="Add a note"
            description="Writes the click to the contact's timeline, at most once per hour per link."
            checked={state.crm.addNote}
            onChange={(on) => update("crm", { ...state.crm, addNote: on })}
          />
        </div>
      </Section>

      <Section id="sec-organize" title="Tags and campaign" description="Group links, filter the list, and tag contacts who click.">
        <div className="organize-grid">
          <Field id={fieldId("tags")} label="Tags" optional error={err("tags") ?? Object.entries(errors).find(([k]) => k.startsWith("tags."))?.[1]} hint="Type to find a tag, or a new name to create it on save.">
            <TagInput
              id={fieldId("tags")}
              value={state.tags}
              onChange={(next) => update("tags", next)}
              suggestions={tags}
              validate={tagNameProblem}
              describedBy={`${fieldId("tags")}-hint`}
              invalid={Boolean(err("tags"))}
            />
          </Field>
          <div className="stack" style={{ gap: 8 }}>
            <Field id={fieldId("campaignId")} label="Campaign" optional error={err("campaignId")}>
              <Select
                id={fieldId("campaignId")}
                value={state.campaignId}
                onChange={(e) => update("campaignId", e.target.value)}
                placeholder="No campaign"
                options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
                invalid={Boolean(err("campaignId"))}
                data-testid="field-campaign"
              />
            </Field>
            {newCampaign.open ? (
              <div className="inline-create">
                <Field id="new-campaign-name" label="New campaign name" error={newCampaign.error ?? undefined}>
                  <div className="row" style={{ gap: 8 }}>
                    <Input
                      id="new-campaign-name"
                      value={newCampaign.name}
                      placeholder="Black Friday 2026"
                      maxLength={100}
                      autoFocus
                      invalid={Boolean(newCampaign.error)}
                      {...describedBy("new-campaign-name", newCampaign.error ?? undefined, false)}
                      onChange={(e) => setNewCampaign((c) => ({ ...c, name: e.target.value, error: null }))}
                      onKeyDown={(e) => {
                        if (e.key === "Enter") {
                          e.preventDefault();
                          void addCampaign();
                        } else if (e.key === "Escape") {
                          setNewCampaign({ open: false, name: "", error: null, busy: false });
                        }
                      }}
                    />
                    <Button size="md" variant="primary" loading={newCampaign.busy} onClick={() => void addCampaign()}>
                      Create
                    </Button>
                    <Button size="md" variant="ghost" onClick={() => setNewCampaign({ open: false, name: "", error: null, busy: false })}>
                      Cancel
                    </Button>
                  </div>
                </Field>
              </div>
            ) : (
              <button type="button" className="linklike add-inline" onClick={() => setNewCampaign((c) => ({ ...c, open: true }))}>
                + New campaign
              </button>
            )}
          </div>
        </div>
      </Section>

      <Section id="sec-preview" title="Social preview" description="The card WhatsApp, Facebook, Slack and others show when the link is shared.">
        <div className="preview-grid">
          <div className="stack">
            <Field id={fieldId("preview.title")} label="Title" optional error={err("preview.title")}>
              <Input
                id={fieldId("preview.title")}
                value={state.preview.title}
                maxLength={200}
                placeholder={state.title || "Spring sale: 30% off everything"}
                invalid={Boolean(err("preview.title"))}
                {...describedBy(fieldId("preview.title"), err("preview.title"), false)}
                onChange={(e) => update("preview", { ...state.preview, title: e.target.value }, "preview.title")}
              />
            </Field>
            <Field id={fieldId("preview.description")} label="Description" optional error={err("preview.description")}>
              <Textarea
                id={fieldId("preview.description")}
                value={state.preview.description}
                maxLength={500}
                rows={3}
                placeholder="Only this weekend, in store and online."
                invalid={Boolean(err("preview.description"))}
                {...describedBy(fieldId("preview.description"), err("preview.description"), false)}
                onChange={(e) => update("preview", { ...state.preview, description: e.target.value }, "preview.description")}
              />
            </Field>
            <Field id={fieldId("preview.image")} label="Image URL" optional hint="1200 × 630 px works everywhere." error={err("preview.image")}>
              <Input
                id={fieldId("preview.image")}
                type="url"
                inputMode="url"
                value={state.preview.image}
                placeholder="https://example.com/og-image.jpg"
                invalid={Boolean(err("preview.image"))}
                {...describedBy(fieldId("preview.image"), err("preview.image"))}
                onChange={(e) => update("preview", { ...state.preview, image: e.target.value }, "preview.image")}
              />
            </Field>
          </div>
          <SocialCard
            title={state.preview.title || state.title}
            description={state.preview.description}
            image={state.preview.image && !httpUrlProblem(state.preview.image.trim()) ? state.preview.image.trim() : ""}
            host={shortPreview.split("/")[0] ?? ""}
          />
        </div>
      </Section>

      <div className="form-actions" data-testid="form-actions">
        <div className="form-actions-inner">
          <span className="subtle form-actions-note">{Object.keys(errors).length > 0 ? `${Object.keys(errors).length} field${Object.keys(errors).length === 1 ? "" : "s"} to fix` : isEdit ? "Editing never changes the short URL unless you change the slug." : ""}</span>
          <Button variant="ghost" href="/app/links">
            Cancel
          </Button>
          {isEdit ? (
            <Button type="button" loading={saving === "stay"} disabled={saving !== null} onClick={() => void save("stay")} data-testid="save-stay">
              Save and keep editing
            </Button>
          ) : null}
          <Button type="submit" variant="primary" loading={saving === "leave"} disabled={saving !== null} data-testid="save-link">
            {isEdit ? "Save changes" : "Create link"}
          </Button>
        </div>
      </div>
    </form>
  );
}

function SocialCard({ title, description, image, host }: { title: string; description: string; image: string; host: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  const showImage = image && failed !== image;
  return (
    <figure className="social-card" aria-label="Preview of the shared card">
      <div className="social-card-image">
        {showImage ? (
          // eslint-disable-next-line @next/next/no-img-element -- the user's own image URL, any host
          <img src={image} alt="" onError={() => setFailed(image)} referrerPolicy="no-referrer" />
        ) : (
          <span className="subtle">{image ? "The image could not be loaded" : "No image"}</span>
        )}
      </div>
      <figcaption className="social-card-text">
        <span className="social-card-host">{host}</span>
        <strong className="social-card-title">{title || "Your page title"}</strong>
        {description ? <span className="social-card-desc">{description}</span> : null}
      </figcaption>
    </figure>
  );
}
