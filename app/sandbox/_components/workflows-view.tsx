"use client";

/**
 * The sandbox CRM's workflows page, reduced to Smart Links' workflow modules: workflows that
 * start with the trigger "Smart link clicked" (saving or deleting one sends the app the
 * subscription callback over HTTP, as HighLevel does), the trigger executions the app fired at
 * them (live), and the action "Shorten links for contact" run on demand for a contact.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { LinkIcon, PlusIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/shell/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { describedBy, Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Modal } from "@/app/_components/ui/modal";
import { Select } from "@/app/_components/ui/select";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { Textarea } from "@/app/_components/ui/textarea";
import { useToast } from "@/app/_components/ui/toast";
import { contactName, describeError, sandboxApi, sandboxKeys, type SandboxLocation } from "@/app/sandbox/_components/api";
import { ConfirmDialog } from "@/app/sandbox/_components/confirm-dialog";
import { LoadError } from "@/app/sandbox/_components/load-error";
import { AlertIcon, BoltIcon, CheckIcon, StoreIcon } from "@/app/sandbox/_components/crm-icons";
import { formatAbsolute, formatRelative } from "@/app/sandbox/_components/format";
import { PickLocation } from "@/app/sandbox/_components/pick-location";
import { useSelection } from "@/app/sandbox/_components/sandbox-context";
import {
  actionOutputsSchema,
  appErrorSchema,
  workflowKeys,
  workflowsApi,
  type RunActionResult,
  type SandboxFilterOptions,
  type SandboxTriggerEventDto,
  type SandboxWorkflowDto,
} from "@/app/sandbox/_components/workflows-api";

/** How often the executions list asks for new events. */
const EVENTS_REFRESH_MS = 3_000;
const CLOCK_TICK_MS = 15_000;
const TRIGGER_NAME = "Smart link clicked";
const ACTION_NAME = "Shorten links for contact";
const SAMPLE_MESSAGE = "Hi! Your appointment is confirmed: https://example.com/appointments?ref=sms. Directions: https://maps.example.com/office. Reply STOP to opt out.";

const FILTER_LABELS: Record<string, string> = { link: "Link", tag: "Tag", campaign: "Campaign" };

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function WorkflowsView() {
  const { location, hrefFor } = useSelection();
  if (!location) {
    return (
      <div className="sbx-page">
        <PageHeader title="Workflows" description="Workflows belong to a sub-account." />
        <PickLocation icon={<BoltIcon size={24} />} title="Pick a sub-account" description="Each sub-account has its own workflows using Smart Links' trigger and action." />
      </div>
    );
  }
  if (!location.installed) {
    return (
      <div className="sbx-page">
        <PageHeader title="Workflows" description={`Automations of ${location.name}.`} />
        <EmptyState
          icon={<StoreIcon size={24} />}
          title={`Smart Links is not installed in ${location.name}`}
          description="Its trigger “Smart link clicked” and action “Shorten links for contact” appear in the workflow builder once the app is installed."
          actions={
            <Button variant="primary" href={hrefFor("/sandbox/marketplace")}>
              Open the marketplace
            </Button>
          }
        />
      </div>
    );
  }
  return <LocationWorkflows key={location.id} location={location} />;
}

function LocationWorkflows({ location }: { location: SandboxLocation }) {
  const [isCreating, setCreating] = useState(false);
  const options = useQuery({
    queryKey: workflowKeys.options(location.id),
    queryFn: ({ signal }) => workflowsApi.options(location.id, signal),
    retry: 1,
    staleTime: 30_000,
  });
  return (
    <div className="sbx-page" data-testid="sandbox-workflows-page">
      <PageHeader
        title="Workflows"
        description={`Automations of ${location.name} that use Smart Links: the trigger “${TRIGGER_NAME}” and the action “${ACTION_NAME}”.`}
        actions={
          <Button variant="primary" icon={<PlusIcon size={16} />} onClick={() => setCreating(true)} data-testid="sandbox-workflow-new">
            New workflow
          </Button>
        }
      />
      <div className="sbx-wf-grid">
        <WorkflowList location={location} options={options.data} onCreate={() => setCreating(true)} />
        <RunActionCard location={location} options={options.data} />
      </div>
      <ExecutionsCard location={location} />
      <NewWorkflowDialog open={isCreating} location={location} options={options} onClose={() => setCreating(false)} />
    </div>
  );
}

/** "Link: Spring sale (https://…/abc)" — a filter value with its label when the options know it. */
function filterLabel(field: string, value: string, options: SandboxFilterOptions | undefined): string {
  const list = field === "link" || field === "tag" || field === "campaign" ? options?.[field] : undefined;
  return list?.find((o) => o.value === value)?.label ?? value;
}

function WorkflowList({ location, options, onCreate }: { location: SandboxLocation; options: SandboxFilterOptions | undefined; onCreate: () => void }) {
  const query = useQuery({
    queryKey: workflowKeys.list(location.id),
    queryFn: ({ signal }) => workflowsApi.list(location.id, signal),
    refetchInterval: EVENTS_REFRESH_MS * 2,
  });
  return (
    <Card className="sbx-wf-card">
      <CardHeader
        title="Workflows"
        description={`Each starts with “${TRIGGER_NAME}”. Saving one subscribes it in Smart Links.`}
        badge={query.data ? <span className="sbx-count">{query.data.workflows.length}</span> : undefined}
      />
      {query.isPending ? (
        <div className="sbx-skeleton-rows" aria-busy="true">
          <p className="sr-only" role="status">
            Loading workflows…
          </p>
          {[0, 1].map((i) => (
            <div key={i} className="sbx-skeleton-row">
              <Skeleton width={28} height={28} radius={8} />
              <Skeleton width="40%" height={12} />
              <Skeleton width="20%" height={12} />
            </div>
          ))}
        </div>
      ) : query.isError && !query.data ? (
        <LoadError title="Workflows could not be loaded" error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
      ) : query.data.workflows.length === 0 ? (
        <EmptyState
          compact
          headingLevel={3}
          icon={<BoltIcon size={22} />}
          title="No workflows yet"
          description="Create one to have Smart Links fire it whenever a known contact clicks — all links, or only some."
          actions={
            <Button variant="secondary" icon={<PlusIcon size={16} />} onClick={onCreate}>
              New workflow
            </Button>
          }
        />
      ) : (
        <ul className="sbx-wf-list">
          {query.data.workflows.map((w) => (
            <WorkflowRow key={w.id} workflow={w} options={options} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function WorkflowRow({ workflow, options }: { workflow: SandboxWorkflowDto; options: SandboxFilterOptions | undefined }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const now = useNow();
  const [isConfirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => workflowsApi.remove(workflow.id),
    onSuccess: async () => {
      setConfirming(false);
      toast({ tone: "success", title: `Workflow “${workflow.name}” deleted`, description: "Smart Links received the DELETED subscription callback." });
      await queryClient.invalidateQueries({ queryKey: workflowKeys.all });
    },
    onError: (err) => {
      setConfirming(false);
      toast({ tone: "error", title: "The workflow could not be deleted", description: describeError(err) });
    },
  });
  const lastEvent = workflow.lastEventAt ? new Date(workflow.lastEventAt) : null;
  return (
    <li className="sbx-wf" data-testid="sandbox-workflow-row">
      <span className="sbx-wf-icon" aria-hidden="true">
        <BoltIcon size={16} />
      </span>
      <div className="sbx-wf-text">
        <span className="sbx-wf-name">{workflow.name}</span>
        <span className="sbx-wf-trigger">
          <Badge tone="brand">Trigger: {TRIGGER_NAME}</Badge>
          {workflow.filters.length === 0 ? (
            <span className="subtle sbx-small">every link</span>
          ) : (
            workflow.filters.map((f) => (
              <span key={f.field} className="sbx-tag" title={f.values.join(", ")}>
                {`${FILTER_LABELS[f.field] ?? f.field}: ${f.values.map((v) => filterLabel(f.field, v, options)).join(" or ")}`}
              </span>
            ))
          )}
        </span>
        <span className="subtle sbx-small">
          {workflow.eventCount === 0 ? "No executions yet" : `${workflow.eventCount} ${workflow.eventCount === 1 ? "execution" : "executions"}`}
          {lastEvent ? (
            <>
              {" · last "}
              <time dateTime={lastEvent.toISOString()} title={formatAbsolute(lastEvent)}>
                {formatRelative(lastEvent, now)}
              </time>
            </>
          ) : null}
        </span>
      </div>
      <Button variant="ghost" size="sm" loading={remove.isPending} onClick={() => setConfirming(true)} data-testid="sandbox-workflow-delete">
        Delete
      </Button>
      <ConfirmDialog
        open={isConfirming}
        title={`Delete the workflow “${workflow.name}”?`}
        confirmLabel="Delete workflow"
        tone="danger"
        isPending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
        testId="sandbox-workflow-delete-dialog"
      >
        <p>The CRM tells Smart Links the workflow is gone (DELETED subscription callback): clicks stop firing it. Its execution history is deleted too.</p>
      </ConfirmDialog>
    </li>
  );
}

type FilterChoice = { link: string; tag: string; campaign: string };
const NO_FILTERS: FilterChoice = { link: "", tag: "", campaign: "" };

function NewWorkflowDialog({
  open,
  location,
  options,
  onClose,
}: {
  open: boolean;
  location: SandboxLocation;
  options: UseQueryResult<SandboxFilterOptions>;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState("");
  const [filters, setFilters] = useState<FilterChoice>(NO_FILTERS);
  const [nameError, setNameError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: () =>
      workflowsApi.create({
        locationId: location.id,
        name: name.trim(),
        filters: {
          ...(filters.link ? { link: [filters.link] } : {}),
          ...(filters.tag ? { tag: [filters.tag] } : {}),
          ...(filters.campaign ? { campaign: [filters.campaign] } : {}),
        },
      }),
    onSuccess: async ({ workflow }) => {
      toast({ tone: "success", title: `Workflow “${workflow.name}” saved`, description: "Smart Links accepted the trigger subscription." });
      setName("");
      setFilters(NO_FILTERS);
      onClose();
      await queryClient.invalidateQueries({ queryKey: workflowKeys.list(location.id) });
    },
  });
  const close = () => {
    if (create.isPending) return;
    create.reset();
    setNameError(undefined);
    onClose();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === "") {
      setNameError("Name the workflow");
      return;
    }
    setNameError(undefined);
    create.mutate();
  };
  const optionsState = options.isPending ? "Loading…" : options.isError ? "Unavailable" : undefined;
  const select = (field: keyof FilterChoice, label: string, any: string) => {
    const id = `sbx-wf-filter-${field}`;
    const list = options.data?.[field] ?? [];
    return (
      <Field id={id} label={label} optional hint={field === "tag" ? "Matches the link's tags and its campaign's." : undefined}>
        <Select
          id={id}
          value={filters[field]}
          onChange={(e) => setFilters((f) => ({ ...f, [field]: e.target.value }))}
          placeholder={optionsState ?? any}
          options={list.map((o) => ({ value: o.value, label: o.label }))}
          disabled={!options.data}
          data-testid={`sandbox-workflow-filter-${field}`}
          {...describedBy(id, undefined, field === "tag")}
        />
      </Field>
    );
  };
  return (
    <Modal
      open={open}
      onClose={close}
      title="New workflow"
      description={`Starts with Smart Links' trigger “${TRIGGER_NAME}” in ${location.name}.`}
      width={520}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="sbx-wf-form" loading={create.isPending} data-testid="sandbox-workflow-save">
            Save and subscribe
          </Button>
        </>
      }
    >
      <form id="sbx-wf-form" className="stack" onSubmit={onSubmit} data-testid="sandbox-workflow-form" noValidate>
        <Field id="sbx-wf-name" label="Workflow name" error={nameError}>
          <Input
            id="sbx-wf-name"
            value={name}
            maxLength={100}
            placeholder="e.g. Clicked the spring offer"
            onChange={(e) => setName(e.target.value)}
            invalid={Boolean(nameError)}
            data-testid="sandbox-workflow-name"
            {...describedBy("sbx-wf-name", nameError, false)}
          />
        </Field>
        <fieldset className="sbx-wf-filters">
          <legend className="field-label">Filters</legend>
          <p className="field-hint">Fire only for clicks that match every filter you set.</p>
          {select("link", "Link", "Any link")}
          {select("tag", "Tag", "Any tag")}
          {select("campaign", "Campaign", "Any campaign")}
          {options.isError ? (
            <p className="field-error" role="alert">
              The filter choices could not be loaded from Smart Links: {describeError(options.error)}
            </p>
          ) : null}
        </fieldset>
        {create.isError ? (
          <p className="sbx-wf-error" role="alert" data-testid="sandbox-workflow-error">
            <AlertIcon size={16} /> {describeError(create.error)}
          </p>
        ) : null}
      </form>
    </Modal>
  );
}

function RunActionCard({ location, options }: { location: SandboxLocation; options: SandboxFilterOptions | undefined }) {
  const toast = useToast();
  const [contactId, setContactId] = useState(location.contactIds[0] ?? "");
  const [message, setMessage] = useState(SAMPLE_MESSAGE);
  const [campaignId, setCampaignId] = useState("");
  const [tags, setTags] = useState("");
  const contacts = useQuery({
    queryKey: sandboxKeys.contactList(location.id, ""),
    queryFn: ({ signal }) => sandboxApi.contacts(location.id, "", signal),
    placeholderData: keepPreviousData,
  });
  const run = useMutation({
    mutationFn: () =>
      workflowsApi.runAction({
        locationId: location.id,
        contactId: contactId || null,
        message,
        campaignId: campaignId || null,
        tags: tags.split(",").map((t) => t.trim()).filter(Boolean),
      }),
    onError: (err) => toast({ tone: "error", title: "The action could not be run", description: describeError(err) }),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const contactOptions = (contacts.data?.contacts ?? []).map((c) => ({ value: c.id, label: c.email ? `${contactName(c)} · ${c.email}` : contactName(c) }));
  return (
    <Card className="sbx-wf-card">
      <CardHeader title="Run action" description={`A workflow step “${ACTION_NAME}”, run now for one contact.`} />
      <CardBody>
        <form className="stack" onSubmit={onSubmit} data-testid="sandbox-run-action-form">
          <Field id="sbx-action-contact" label="Contact" hint="The contact the workflow runs for; none gives plain links.">
            <Select
              id="sbx-action-contact"
              value={contactId}
              onChange={(e) => setContactId(e.target.value)}
              placeholder="No contact (plain links)"
              options={contactOptions}
              data-testid="sandbox-run-action-contact"
              {...describedBy("sbx-action-contact")}
            />
          </Field>
          <Field id="sbx-action-message" label="Message" hint="Every http(s) URL is replaced by the contact's own short link.">
            <Textarea
              id="sbx-action-message"
              value={message}
              rows={4}
              onChange={(e) => setMessage(e.target.value)}
              data-testid="sandbox-run-action-message"
              {...describedBy("sbx-action-message")}
            />
          </Field>
          <div className="sbx-wf-pair">
            <Field id="sbx-action-campaign" label="Campaign" optional>
              <Select
                id="sbx-action-campaign"
                value={campaignId}
                onChange={(e) => setCampaignId(e.target.value)}
                placeholder="No campaign"
                options={(options?.campaign ?? []).map((o) => ({ value: o.value, label: o.label }))}
                data-testid="sandbox-run-action-campaign"
              />
            </Field>
            <Field id="sbx-action-tags" label="Tags" optional hint="Comma-separated.">
              <Input id="sbx-action-tags" value={tags} placeholder="sms, reminder" onChange={(e) => setTags(e.target.value)} data-testid="sandbox-run-action-tags" {...describedBy("sbx-action-tags")} />
            </Field>
          </div>
          <div>
            <Button type="submit" variant="primary" icon={<BoltIcon size={16} />} loading={run.isPending} data-testid="sandbox-run-action">
              Run action
            </Button>
          </div>
        </form>
        {run.data ? <ActionResult result={run.data} /> : null}
      </CardBody>
    </Card>
  );
}

function ActionResult({ result }: { result: RunActionResult }) {
  const outputs = result.ok ? actionOutputsSchema.safeParse(result.response) : null;
  if (!outputs?.success) {
    const error = appErrorSchema.safeParse(result.response);
    return (
      <div className="sbx-wf-result is-error" role="alert" data-testid="sandbox-run-action-result">
        <p className="sbx-wf-result-title">
          <AlertIcon size={16} /> Smart Links answered {result.status}
        </p>
        <p>{error.success ? `${error.data.error.message} (${error.data.error.code})` : "The answer is not the action's outputs."}</p>
        {error.success && error.data.error.details?.fieldErrors ? (
          <ul className="sbx-wf-field-errors">
            {Object.entries(error.data.error.details.fieldErrors).map(([field, messages]) => (
              <li key={field}>
                <code className="sbx-code">{field}</code> {messages.join(" ")}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  const { message, shortUrl, links, skipped } = outputs.data;
  return (
    <div className="sbx-wf-result" role="status" data-testid="sandbox-run-action-result">
      <p className="sbx-wf-result-title">
        <CheckIcon size={16} /> Outputs · {result.status}
      </p>
      <dl className="sbx-dl">
        <div className="sbx-dl-row">
          <dt>message</dt>
          <dd>
            <p className="sbx-wf-message" data-testid="sandbox-run-action-message-out">
              {message}
            </p>
          </dd>
        </div>
        <div className="sbx-dl-row">
          <dt>shortUrl</dt>
          <dd>{shortUrl ? <code className="sbx-code" data-testid="sandbox-run-action-short-url">{shortUrl}</code> : <span className="subtle">{'"" (no URL in the message)'}</span>}</dd>
        </div>
        <div className="sbx-dl-row">
          <dt>links</dt>
          <dd>
            {links.length === 0 ? (
              <span className="subtle">none</span>
            ) : (
              <ul className="sbx-wf-links">
                {links.map((l) => (
                  <li key={l.id}>
                    <span className="sbx-wf-original" title={l.original}>
                      {l.original}
                    </span>
                    <span aria-hidden="true">→</span>
                    <code className="sbx-code">{l.shortUrl}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {skipped && skipped.length > 0 ? (
          <div className="sbx-dl-row">
            <dt>skipped</dt>
            <dd>
              {skipped.map((s) => (
                <span key={s.original} className="subtle sbx-small">
                  {s.original}: {s.reason}
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

function ExecutionsCard({ location }: { location: SandboxLocation }) {
  const query = useQuery({
    queryKey: workflowKeys.events(location.id),
    queryFn: ({ signal }) => workflowsApi.events(location.id, signal),
    refetchInterval: EVENTS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  return (
    <Card className="sbx-table-card" data-testid="sandbox-trigger-events">
      <CardHeader
        title="Trigger executions"
        description={`What Smart Links fired at ${location.name}'s workflows when a known contact clicked, newest first.`}
        actions={
          <span className="sbx-wf-live" title={`Refreshes every ${EVENTS_REFRESH_MS / 1000} s`}>
            <span className={`sbx-dot${query.isError ? " is-bad" : " is-on"}`} aria-hidden="true" /> {query.isError ? "Not refreshing" : "Live"}
          </span>
        }
      />
      {query.isPending ? (
        <div className="sbx-skeleton-rows" aria-busy="true">
          <p className="sr-only" role="status">
            Loading executions…
          </p>
          {[0, 1, 2].map((i) => (
            <div key={i} className="sbx-skeleton-row">
              <Skeleton width="14%" height={12} />
              <Skeleton width="20%" height={12} />
              <Skeleton width="22%" height={12} />
              <Skeleton width="28%" height={12} />
            </div>
          ))}
        </div>
      ) : query.isError && !query.data ? (
        <div role="alert">
          <EmptyState compact headingLevel={3} icon={<AlertIcon size={22} />} title="Executions could not be loaded" description={describeError(query.error)} />
        </div>
      ) : query.data.events.length === 0 ? (
        <EmptyState
          compact
          headingLevel={3}
          icon={<LinkIcon size={22} />}
          title="No executions yet"
          description="Open a link of this sub-account as a known contact — a per-contact code, or the short URL with ?c= and a contact id — and the event Smart Links fires shows up here within seconds."
        />
      ) : (
        <ExecutionList events={query.data.events} />
      )}
    </Card>
  );
}

function clickSummary(payload: Record<string, unknown>): string {
  const click = payload.click;
  if (!click || typeof click !== "object") return "—";
  const c = click as Record<string, unknown>;
  const parts = [c.city, c.country, c.device, c.source].filter((p): p is string => typeof p === "string" && p !== "");
  return parts.length > 0 ? parts.join(" · ") : "—";
}

function ExecutionList({ events }: { events: SandboxTriggerEventDto[] }) {
  const { hrefFor } = useSelection();
  const now = useNow();
  const rows = useMemo(() => events.map((e) => ({ ...e, at: new Date(e.receivedAt) })), [events]);
  return (
    <ul className="sbx-wf-events">
      {rows.map((e) => (
        <li key={e.id} className="sbx-wf-event" data-testid="sandbox-trigger-event-row">
          <div className="sbx-wf-event-main">
            <time dateTime={e.at.toISOString()} title={formatAbsolute(e.at)} className="sbx-wf-event-time">
              {formatRelative(e.at, now)}
            </time>
            <span className="sbx-wf-event-what">
              <span className="sbx-wf-name">{e.workflowName}</span>
              <span className="muted sbx-small">
                {e.contactId ? (
                  <Link href={hrefFor(`/sandbox/contacts/${encodeURIComponent(e.contactId)}`)}>{e.contactName ?? e.contactId}</Link>
                ) : (
                  "no contact"
                )}
                {" clicked "}
                {e.link.shortUrl ? <code className="sbx-code">{e.link.title ? `${e.link.title} · ${e.link.shortUrl}` : e.link.shortUrl}</code> : "a link"}
              </span>
            </span>
            <span className="subtle sbx-small sbx-wf-event-click">{clickSummary(e.payload)}</span>
          </div>
          <details className="sbx-wf-payload">
            <summary>Payload</summary>
            <pre>{JSON.stringify(e.payload, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
