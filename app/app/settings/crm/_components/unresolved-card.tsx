"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckIcon as DoneIcon } from "@/app/app/links/_components/icons";
import { CloseIcon, SyncIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { useToast } from "@/app/_components/ui/toast";
import { useSessionExpiry } from "@/app/app/links/_components/links-data";
import { dismissJobAction, retryAllJobsAction, retryJobAction } from "@/app/app/settings/crm/actions";
import { crmKeys, formatCount, formatFull, relativeTime, useCrmStatus, useNow, useUnresolved } from "@/app/app/settings/crm/_components/crm-data";
import { crmContactUrl, type CrmLinkConfig } from "@/lib/crm-status/contact-url";
import type { CrmStatusDto, UnresolvedItemDto } from "@/lib/crm-status/schemas";
import type { ActionResult } from "@/lib/http/run-action";

const selectLocationId = (s: CrmStatusDto) => s.connection.locationId;

/** Failures the CRM will repeat until someone fixes something are red; passing trouble is amber. */
function reasonTone(code: UnresolvedItemDto["reason"]["code"]): "danger" | "warning" {
  return code === "gave_up" || code === "rate_limited" || code === "crm_down" || code === "timeout" ? "warning" : "danger";
}

function contactLabel(contact: NonNullable<UnresolvedItemDto["contact"]>): string {
  if (contact.isErased) return "Deleted contact";
  if (contact.name) return contact.name;
  if (contact.email) return contact.email;
  return contact.id ? `Contact ${contact.id}` : "Unknown contact";
}

type RowProps = {
  item: UnresolvedItemDto;
  now: number;
  crm: CrmLinkConfig;
  locationId: string | undefined;
  isBusy: boolean;
  onRetry: (id: string) => void;
  onDismiss: (id: string) => void;
};

function UnresolvedRow({ item, now, crm, locationId, isBusy, onRetry, onDismiss }: RowProps) {
  const contact = item.contact;
  const contactUrl = contact?.id && !contact.isErased && locationId ? crmContactUrl(crm, locationId, contact.id) : null;
  const name = contact ? contactLabel(contact) : null;
  return (
    <li className="crm-row" data-testid="unresolved-row" data-job-id={item.id} aria-busy={isBusy || undefined}>
      <div className="crm-row-main">
        <span className="crm-row-title">
          {item.effect}
          {item.what.length > 0 ? <span className="crm-row-what">· {item.what.join(", ")}</span> : null}
        </span>
        {contact || item.link ? (
          <span className="crm-row-meta">
            {contact && name ? (
              <span>
                Contact:{" "}
                {contactUrl ? (
                  <a href={contactUrl} target="_blank" rel="noopener noreferrer" title={contact.email ?? undefined} data-testid="unresolved-contact">
                    {name}
                  </a>
                ) : (
                  <span data-testid="unresolved-contact" className={contact.isErased ? "subtle" : undefined}>
                    {name}
                  </span>
                )}
              </span>
            ) : null}
            {item.link ? (
              <span>
                Link: <span data-testid="unresolved-link">{item.link.title ?? item.link.shortUrl ?? "a deleted link"}</span>
                {item.link.title && item.link.shortUrl ? <span className="subtle"> ({item.link.shortUrl.replace(/^https?:\/\//, "")})</span> : null}
                {item.link.otherLinks > 0 ? <span className="subtle"> and {item.link.otherLinks} more</span> : null}
              </span>
            ) : null}
          </span>
        ) : null}
        <span className="crm-row-reason">
          <Badge tone={reasonTone(item.reason.code)} testId="unresolved-reason">
            {item.reason.label}
          </Badge>
          <span>{item.reason.message}</span>
          {item.reason.detail ? (
            <details>
              <summary>What the CRM said</summary>
              <pre>{item.reason.detail}</pre>
            </details>
          ) : null}
        </span>
      </div>
      <div className="crm-row-side">
        <span className="crm-row-time" title={`Failed ${formatFull(item.failedAt)} after ${item.attempts} of ${item.maxAttempts} tries`}>
          {relativeTime(item.failedAt, now)}
        </span>
        <span className="crm-row-actions">
          <Button size="sm" icon={<SyncIcon size={14} />} onClick={() => onRetry(item.id)} disabled={isBusy} data-testid="unresolved-retry" aria-label={`Retry: ${item.effect}${name ? ` for ${name}` : ""}`}>
            Retry
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<CloseIcon size={14} />}
            onClick={() => onDismiss(item.id)}
            disabled={isBusy}
            data-testid="unresolved-dismiss"
            aria-label={`Dismiss: ${item.effect}${name ? ` for ${name}` : ""}`}
          >
            Dismiss
          </Button>
        </span>
      </div>
    </li>
  );
}

function ListSkeleton() {
  return (
    <ul className="crm-unresolved" aria-busy="true" aria-label="Loading unresolved activity">
      {[0, 1, 2].map((i) => (
        <li key={i} className="crm-row">
          <div className="crm-row-main">
            <Skeleton width="35%" height={15} />
            <Skeleton width="60%" height={12} />
            <Skeleton width="80%" height={12} />
          </div>
          <div className="crm-row-side">
            <Skeleton width={140} height={30} radius={8} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Dead CRM activity nobody dismissed: what it was, for whom, why it failed; retry or dismiss. */
export function UnresolvedCard({ crm }: { crm: CrmLinkConfig }) {
  const query = useUnresolved();
  const { data: locationId } = useCrmStatus(selectLocationId);
  const queryClient = useQueryClient();
  const toast = useToast();
  const onSessionResult = useSessionExpiry();
  const now = useNow();

  function settle<T>(result: ActionResult<T>, success: (data: T) => { title: string; description?: string }) {
    if (onSessionResult(result)) return;
    if (result.ok) toast({ ...success(result.data), tone: "success" });
    else toast({ title: "That did not work", description: result.message, tone: "error" });
    void queryClient.invalidateQueries({ queryKey: crmKeys.all });
  }

  const retry = useMutation({
    mutationFn: (id: string) => retryJobAction(id),
    onSuccess: (result) => settle(result, () => ({ title: "Retry queued", description: "It runs in the next few seconds; this list updates by itself." })),
  });
  const dismiss = useMutation({
    mutationFn: (id: string) => dismissJobAction(id),
    onSuccess: (result) => settle(result, () => ({ title: "Dismissed", description: "It stays in the records but leaves this list." })),
  });
  const retryAll = useMutation({
    mutationFn: () => retryAllJobsAction(),
    onSuccess: (result) => settle(result, ({ count }) => ({ title: `${formatCount(count)} ${count === 1 ? "retry" : "retries"} queued` })),
  });
  const onFailure = () => toast({ title: "That did not work", description: "Check your connection and try again.", tone: "error" });

  const pages = query.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const total = pages[0]?.total ?? 0;
  const busyId = (retry.isPending ? retry.variables : null) ?? (dismiss.isPending ? dismiss.variables : null);

  return (
    <Card role="region" aria-labelledby="crm-unresolved-title" data-testid="unresolved-card">
      <CardHeader
        title={<span id="crm-unresolved-title">Unresolved activity</span>}
        badge={total > 0 ? <Badge tone="danger" testId="unresolved-count">{formatCount(total)}</Badge> : null}
        description="Writebacks the CRM refused, or that still failed after every retry. Retry once the cause is fixed, or dismiss them."
        actions={
          total > 0 ? (
            <Button size="sm" icon={<SyncIcon size={14} />} loading={retryAll.isPending} onClick={() => retryAll.mutate(undefined, { onError: onFailure })} data-testid="unresolved-retry-all">
              Retry all
            </Button>
          ) : undefined
        }
      />
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError && items.length === 0 ? (
        <EmptyState
          compact
          headingLevel={3}
          icon={<SyncIcon size={20} />}
          title="Unresolved activity could not be loaded"
          description={query.error.message}
          actions={
            <Button size="sm" onClick={() => void query.refetch()} loading={query.isFetching} data-testid="unresolved-reload">
              Try again
            </Button>
          }
        />
      ) : items.length === 0 ? (
        <div data-testid="unresolved-empty">
          <EmptyState compact headingLevel={3} icon={<DoneIcon size={20} />} title="All caught up" description="Every writeback reached the CRM or is still being retried. Anything that cannot be delivered shows up here." />
        </div>
      ) : (
        <>
          <ul className="crm-unresolved" data-testid="unresolved-list">
            {items.map((item) => (
              <UnresolvedRow
                key={item.id}
                item={item}
                now={now}
                crm={crm}
                locationId={locationId}
                isBusy={busyId === item.id || retryAll.isPending}
                onRetry={(id) => retry.mutate(id, { onError: onFailure })}
                onDismiss={(id) => dismiss.mutate(id, { onError: onFailure })}
              />
            ))}
          </ul>
          <div className="crm-list-footer">
            <span>
              Showing {formatCount(items.length)} of {formatCount(total)}, newest first
            </span>
            {query.hasNextPage ? (
              <Button size="sm" variant="ghost" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="unresolved-load-more">
                Show more
              </Button>
            ) : null}
          </div>
        </>
      )}
    </Card>
  );
}
