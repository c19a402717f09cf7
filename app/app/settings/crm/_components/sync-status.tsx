"use client";

import type { ReactNode } from "react";
import { ContactIcon, SyncIcon, TagIcon, UsersIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { Stat } from "@/app/_components/ui/stat";
import { WarningIcon } from "@/app/app/links/_components/icons";
import { AlertIcon, NoteIcon, PulseIcon, QueueIcon, WorkflowIcon } from "@/app/app/settings/crm/_components/crm-icons";
import { formatCount, formatFull, relativeTime, useCrmStatus, useNow } from "@/app/app/settings/crm/_components/crm-data";
import type { EffectKind } from "@/lib/crm-status/job-kinds";
import type { CrmStatusDto } from "@/lib/crm-status/schemas";

// Module-level selectors: each component subscribes to its slice only.
const selectTiles = (s: CrmStatusDto) => ({ lastSuccess: s.lastSuccess, queue: s.queue, total: s.today.total, failures24h: s.failures24h, unresolved: s.unresolved });
const selectConnection = (s: CrmStatusDto) => ({ connection: s.connection, lastFailure: s.lastFailure });
const selectToday = (s: CrmStatusDto) => s.today;
const selectGeneratedAt = (s: CrmStatusDto) => s.generatedAt;

/** "Live · updated 3 s ago", or a warning while the latest poll failed (the last numbers stay). */
export function LiveIndicator() {
  const { data, isError } = useCrmStatus(selectGeneratedAt);
  const now = useNow(5_000);
  if (!data) return null;
  return (
    <span className="crm-live" data-state={isError ? "error" : "live"} data-testid="crm-live">
      <span className="crm-live-dot" aria-hidden="true" />
      {isError ? "Could not refresh · retrying" : `Live · updated ${relativeTime(data, now)}`}
    </span>
  );
}

export function StatTiles() {
  const { data } = useCrmStatus(selectTiles);
  const now = useNow();
  if (!data) return null;
  const { lastSuccess, queue, total, failures24h, unresolved } = data;
  const depth = queue.pending + queue.running;
  return (
    <div className="grid-stats" data-testid="crm-stats">
      <Stat
        label="Last successful call"
        value={lastSuccess ? relativeTime(lastSuccess.at, now) : "None yet"}
        icon={<PulseIcon size={16} />}
        hint={lastSuccess ? <span title={formatFull(lastSuccess.at)}>{lastSuccess.effect}</span> : "Nothing written back yet"}
        testId="crm-last-success"
      />
      <Stat
        label="Queue"
        value={formatCount(depth)}
        icon={<QueueIcon size={16} />}
        hint={
          <span data-testid="crm-queue-retrying">
            {queue.retrying > 0
              ? `${formatCount(queue.retrying)} waiting on a retry${queue.nextRetryAt ? ` (next ${relativeTime(queue.nextRetryAt, now)})` : ""}`
              : depth > 0
                ? `${formatCount(queue.running)} running now`
                : "Nothing waiting"}
          </span>
        }
        testId="crm-queue-depth"
      />
      <Stat label="Effects today" value={formatCount(total)} icon={<SyncIcon size={16} />} hint="Written back since 00:00 UTC" testId="crm-effects-today" />
      <Stat
        label="Failures (24 h)"
        value={formatCount(failures24h.dead)}
        icon={<AlertIcon size={16} />}
        hint={
          <span data-testid="crm-failures-hint">
            {failures24h.retrying > 0 ? `${formatCount(failures24h.retrying)} retrying · ` : ""}
            {unresolved > 0 ? `${formatCount(unresolved)} unresolved` : "Nothing unresolved"}
          </span>
        }
        testId="crm-failures-24h"
      />
    </div>
  );
}

function connectionBadge(c: CrmStatusDto["connection"]): ReactNode {
  if (!c.isInstalled) return <Badge tone="danger" testId="crm-connection-state">Not installed</Badge>;
  if (!c.hasAccessToken) return <Badge tone="warning" testId="crm-connection-state">No access token</Badge>;
  if (c.missingScopes.length > 0) return <Badge tone="warning" testId="crm-connection-state">Missing permissions</Badge>;
  return <Badge tone="success" testId="crm-connection-state">Connected</Badge>;
}

function personOf(p: { name: string | null; email: string | null; crmUserId: string | null }): string {
  if (p.name && p.email) return `${p.name} (${p.email})`;
  return p.name ?? p.email ?? (p.crmUserId ? `CRM user ${p.crmUserId}` : "Unknown");
}

export function ConnectionCard() {
  const { data } = useCrmStatus(selectConnection);
  const now = useNow();
  if (!data) return null;
  const { connection: c, lastFailure } = data;
  return (
    <Card role="region" aria-labelledby="crm-connection-title" data-testid="crm-connection-card">
      <CardHeader title={<span id="crm-connection-title">Connection</span>} description="The CRM location this workspace writes back to." badge={connectionBadge(c)} />
      <CardBody className="stack">
        {!c.isInstalled ? (
          <div className="crm-note crm-note-danger" role="alert">
            <WarningIcon size={18} />
            <p>Smart Links is not installed on this location any more, so nothing is written back. Install the app again from the CRM&apos;s marketplace; your links and queued activity are kept.</p>
          </div>
        ) : !c.hasAccessToken ? (
          <div className="crm-note" role="alert">
            <WarningIcon size={18} />
            <p>The CRM has not given Smart Links an access token for this location. Reinstall the app from the CRM&apos;s marketplace.</p>
          </div>
        ) : c.missingScopes.length > 0 ? (
          <div className="crm-note" role="alert">
            <WarningIcon size={18} />
            <p>
              The app was installed without {c.missingScopes.join(" and ")}, so contact writeback is refused. Reinstall the app to grant them.
            </p>
          </div>
        ) : null}
        <dl className="dl crm-dl">
          <dt>CRM</dt>
          <dd>
            <span className="crm-inline" data-testid="crm-mode" data-mode={c.mode}>
              {c.crmName}
              {c.mode === "sandbox" ? <Badge>Sandbox</Badge> : null}
            </span>
          </dd>
          <dt>Location</dt>
          <dd>
            <span className="crm-inline">
              <span data-testid="crm-location-name">{c.locationName}</span>
              <code data-testid="crm-location-id">{c.locationId}</code>
            </span>
          </dd>
          <dt>Installed</dt>
          <dd data-testid="crm-installed-by">
            {c.installedAt ? (
              <>
                {c.installedBy ? `By ${personOf(c.installedBy)}, ` : ""}
                <span title={formatFull(c.installedAt)}>{formatFull(c.installedAt)}</span>
              </>
            ) : (
              <span className="subtle">Not installed</span>
            )}
          </dd>
          <dt>Signed in as</dt>
          <dd data-testid="crm-current-user">{c.currentUser ? `${personOf(c.currentUser)} · ${c.currentUser.role === "admin" ? "Admin" : "User"}` : <span className="subtle">Unknown user</span>}</dd>
          <dt>Access</dt>
          <dd data-testid="crm-token">
            {c.hasAccessToken ? (
              <>
                Token present{c.hasRefreshToken ? ", renewed automatically" : ""}
                {c.tokenExpiresAt ? <span className="subtle"> · current one expires {relativeTime(c.tokenExpiresAt, now)}</span> : null}
              </>
            ) : (
              <span className="subtle">No token</span>
            )}
          </dd>
          <dt>Last failure</dt>
          <dd data-testid="crm-last-failure">
            {lastFailure ? (
              <span className="crm-inline">
                <Badge tone={lastFailure.status === "dead" ? "danger" : "warning"}>{lastFailure.reason}</Badge>
                <span>
                  {lastFailure.effect},{" "}
                  <span title={formatFull(lastFailure.at)} className="muted">
                    {relativeTime(lastFailure.at, now)}
                  </span>
                  {lastFailure.status === "retrying" ? <span className="subtle"> · will be retried</span> : null}
                </span>
              </span>
            ) : (
              <span className="subtle">None</span>
            )}
          </dd>
        </dl>
      </CardBody>
    </Card>
  );
}

const KIND_TILES: readonly { kind: EffectKind; label: string; icon: ReactNode }[] = [
  { kind: "tags", label: "Tags added", icon: <TagIcon size={16} /> },
  { kind: "contact_updates", label: "Contact updates", icon: <ContactIcon size={16} /> },
  { kind: "notes", label: "Notes", icon: <NoteIcon size={16} /> },
  { kind: "leads", label: "Leads", icon: <UsersIcon size={16} /> },
  { kind: "triggers", label: "Workflow triggers", icon: <WorkflowIcon size={16} /> },
];

export function EffectsCard() {
  const { data } = useCrmStatus(selectToday);
  if (!data) return null;
  const other = data.byKind.other;
  return (
    <Card role="region" aria-labelledby="crm-effects-title" data-testid="crm-effects-card">
      <CardHeader
        title={<span id="crm-effects-title">Effects today, by kind</span>}
        description={
          data.total === 0
            ? "Nothing written back yet today. When a known contact clicks, their tags, fields and notes show up here."
            : `Written back to your CRM contacts since 00:00 UTC${other > 0 ? `, ${formatCount(other)} other` : ""}.`
        }
      />
      <CardBody>
        <div className="crm-kinds">
          {KIND_TILES.map((t) => (
            <div key={t.kind} className="crm-kind">
              <span className="crm-kind-icon" aria-hidden="true">
                {t.icon}
              </span>
              <span className="crm-kind-text">
                <span className="crm-kind-value" data-testid={`crm-effects-${t.kind}`}>
                  {formatCount(data.byKind[t.kind])}
                </span>
                <span className="crm-kind-label">{t.label}</span>
              </span>
            </div>
          ))}
        </div>
      </CardBody>
    </Card>
  );
}

/** The status area's shape while the first answer is on its way. */
export function StatusSkeleton() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading the sync status" data-testid="crm-status-loading">
      <div className="grid-stats">
        {[0, 1, 2, 3].map((i) => (
          <Card key={i} className="stat">
            <Skeleton width="55%" height={12} />
            <Skeleton width="40%" height={28} />
            <Skeleton width="70%" height={11} />
          </Card>
        ))}
      </div>
      <div className="crm-grid">
        <Card>
          <div className="card-body stack">
            <Skeleton width="30%" height={16} />
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} height={14} width={`${90 - i * 8}%`} />
            ))}
          </div>
        </Card>
        <Card>
          <div className="card-body stack">
            <Skeleton width="45%" height={16} />
            <Skeleton height={14} />
            <Skeleton width={170} height={36} radius={10} />
          </div>
        </Card>
      </div>
    </div>
  );
}
