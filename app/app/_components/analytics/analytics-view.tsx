"use client";

import { memo, useEffect, useMemo, type ReactNode } from "react";
import { ChartIcon, CopyIcon, InfoIcon, LinkIcon, PlusIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Segmented } from "@/app/_components/ui/segmented";
import { Skeleton } from "@/app/_components/ui/skeleton";
import "@/app/app/_components/analytics/analytics.css";
import {
  clicksCsvHref,
  summaryCsvHref,
  useAnalyticsPoll,
  useAnalyticsSlice,
  useAnalyticsWindow,
  type AnalyticsQuery,
} from "@/app/app/_components/analytics/analytics-data";
import { ShieldIcon } from "@/app/app/_components/analytics/analytics-icons";
import { ReferrersPanel, SourcesPanel, TechPanel } from "@/app/app/_components/analytics/breakdown-panels";
import { ContactsPanel, type ContactLinks } from "@/app/app/_components/analytics/contacts-panel";
import { DestinationsPanel } from "@/app/app/_components/analytics/destinations-panel";
import { formatRange, plural } from "@/app/app/_components/analytics/labels";
import { LocationsPanel } from "@/app/app/_components/analytics/locations-panel";
import { BusiestHoursPanel, ClicksOverTimePanel } from "@/app/app/_components/analytics/time-panels";
import { TopLinksPanel } from "@/app/app/_components/analytics/top-links-panel";
import { TotalsPanel } from "@/app/app/_components/analytics/totals-panel";
import { useSessionExpiry } from "@/app/app/links/_components/links-data";
import { DownloadIcon } from "@/app/app/links/_components/icons";
import { useCopy } from "@/app/app/links/_components/copy-button";
import type { Analytics, AnalyticsScope, AnalyticsWindow } from "@/lib/analytics/types";

const WINDOW_OPTIONS = [
  { value: "7d", label: "7d" },
  { value: "30d", label: "30d" },
  { value: "90d", label: "90d" },
  { value: "all", label: "All" },
] as const satisfies readonly { value: AnalyticsWindow; label: string }[];

const WINDOW_DAYS: Record<Exclude<AnalyticsWindow, "all">, number> = { "7d": 7, "30d": 30, "90d": 90 };

export type AnalyticsViewProps = {
  scope: AnalyticsScope;
  /** The page's title block, rendered on the server. */
  header: ReactNode;
  /** Link scope: the short URL the empty state offers to copy. */
  shortUrl?: string;
  /** Campaign scope: where the campaign's links are listed. */
  linksHref?: string;
  /** A campaign without links: the empty state says so instead of asking to share them. */
  hasNoLinks?: boolean;
  /** Opens a top contact in the CRM. */
  contactLinks?: ContactLinks;
};

/** Whether the window has any click: the view re-renders only when this flips, never per poll. */
const selectHasClicks = (d: Analytics) => d.totals.clicks > 0;

/**
 * Analytics for the workspace (dashboard), one link or one campaign. The view owns the only
 * polling observer; every panel is memoised and subscribes to its own slice, so a poll re-renders
 * just the panels whose figures changed and charts update in place.
 */
export function AnalyticsView({ scope, header, shortUrl, linksHref, hasNoLinks, contactLinks }: AnalyticsViewProps) {
  const [timeWindow, setTimeWindow] = useAnalyticsWindow();
  const scopeKind = scope.kind;
  const scopeId = scope.kind === "link" ? scope.linkId : scope.kind === "campaign" ? scope.campaignId : "";
  const q = useMemo<AnalyticsQuery>(() => {
    const s: AnalyticsScope =
      scopeKind === "link" ? { kind: "link", linkId: scopeId } : scopeKind === "campaign" ? { kind: "campaign", campaignId: scopeId } : { kind: "workspace" };
    return { scope: s, window: timeWindow };
  }, [scopeKind, scopeId, timeWindow]);

  const head = useAnalyticsPoll(q, selectHasClicks);
  const onExpired = useSessionExpiry();
  const { error } = head;
  useEffect(() => {
    if (error) onExpired(error);
  }, [error, onExpired]);

  return (
    <div className="page an-page">
      {header}
      <div className="an-toolbar">
        <div className="an-toolbar-window">
          <Segmented label="Time window" options={WINDOW_OPTIONS} value={timeWindow} onChange={setTimeWindow} />
          <RangeCaption q={q} />
        </div>
        <div className="an-toolbar-actions">
          <LiveIndicator q={q} />
          <a className="btn btn-secondary btn-sm" href={clicksCsvHref(q)} download data-testid="export-clicks">
            <DownloadIcon size={15} />
            Export clicks (CSV)
          </a>
          <a className="btn btn-secondary btn-sm" href={summaryCsvHref(q)} download data-testid="export-summary">
            <DownloadIcon size={15} />
            Export summary (CSV)
          </a>
        </div>
      </div>

      {head.isError && head.data === undefined ? (
        <Card role="alert" data-testid="analytics-error">
          <EmptyState
            compact
            icon={<InfoIcon size={22} />}
            title="The analytics could not be loaded"
            description={`${head.error.message} Your links keep working and every click is still recorded.`}
            actions={
              <Button variant="primary" onClick={() => void head.refetch()} loading={head.isFetching} data-testid="analytics-retry">
                Retry
              </Button>
            }
          />
        </Card>
      ) : (
        <>
          <TotalsPanel q={q} />
          {head.data === false ? (
            <NoClicks scope={q.scope} timeWindow={timeWindow} onShowAll={() => setTimeWindow("all")} shortUrl={shortUrl} linksHref={linksHref} hasNoLinks={hasNoLinks} />
          ) : (
            <Panels q={q} contactLinks={contactLinks} />
          )}
        </>
      )}
      <FooterNote q={q} />
    </div>
  );
}

const Panels = memo(function Panels({ q, contactLinks }: { q: AnalyticsQuery; contactLinks?: ContactLinks }) {
  const kind = q.scope.kind;
  return (
    <>
      <ClicksOverTimePanel q={q} />
      {kind !== "link" ? <TopLinksPanel q={q} title={kind === "campaign" ? "Top links in this campaign" : "Top links"} /> : null}
      <LocationsPanel q={q} />
      <div className="an-grid">
        <BusiestHoursPanel q={q} />
        <TechPanel q={q} />
      </div>
      <div className="an-grid">
        <SourcesPanel q={q} />
        <ReferrersPanel q={q} />
      </div>
      {kind !== "workspace" ? <DestinationsPanel q={q} /> : null}
      <ContactsPanel q={q} contactLinks={contactLinks} />
    </>
  );
});

const selectRange = (d: Analytics) => ({ from: d.from, to: d.to, historyDays: d.historyDays, window: d.window });

/** "Mar 2 – Mar 31, 2026 · UTC", or the plan's history for All. */
const RangeCaption = memo(function RangeCaption({ q }: { q: AnalyticsQuery }) {
  const { data, isError } = useAnalyticsSlice(q, selectRange);
  if (!data) return isError ? null : <Skeleton width={150} height={12} />;
  return (
    <span className="an-range" data-testid="analytics-range">
      {data.window === "all" ? `Last ${plural(data.historyDays, "day", "days")} · your plan's history` : `${formatRange(data.from, data.to)} · UTC`}
    </span>
  );
});

const selectGeneratedAt = (d: Analytics) => d.generatedAt;
const formatTime = new Intl.DateTimeFormat("en-US", { timeStyle: "medium" }).format;

/** "Live" while polls succeed; "Reconnecting" while the latest one failed (the figures stay). */
const LiveIndicator = memo(function LiveIndicator({ q }: { q: AnalyticsQuery }) {
  const { data, isError, dataUpdatedAt } = useAnalyticsSlice(q, selectGeneratedAt);
  if (!data) return null;
  return (
    <span
      className="an-live"
      data-state={isError ? "error" : "live"}
      data-testid="analytics-live"
      title={isError ? "The latest refresh failed; retrying" : `New clicks appear within seconds · updated ${formatTime(new Date(dataUpdatedAt))}`}
    >
      <span className="an-live-dot" aria-hidden="true" />
      {isError ? "Reconnecting…" : "Live"}
    </span>
  );
});

const selectBots = (d: Analytics) => d.totals.botsFiltered;

/** How many bot and preview hits were left out, and the GeoLite2 attribution MaxMind's licence asks for. */
const FooterNote = memo(function FooterNote({ q }: { q: AnalyticsQuery }) {
  const { data: bots } = useAnalyticsSlice(q, selectBots);
  return (
    <footer className="an-footer">
      {bots === undefined ? null : (
        <p className="an-footer-bots" data-testid="bots-filtered">
          <ShieldIcon size={14} />
          {bots > 0
            ? `${plural(bots, "bot or link-preview hit was", "bot and link-preview hits were")} filtered out of these numbers.`
            : "No bot or link-preview hits in this window."}
        </p>
      )}
      <p>
        This product includes GeoLite2 data created by MaxMind, available from{" "}
        <a href="https://www.maxmind.com" target="_blank" rel="noopener noreferrer">
          https://www.maxmind.com
        </a>
        .
      </p>
    </footer>
  );
});

type NoClicksProps = {
  scope: AnalyticsScope;
  timeWindow: AnalyticsWindow;
  onShowAll: () => void;
  shortUrl?: string;
  linksHref?: string;
  hasNoLinks?: boolean;
};

/**
 * No click in the window: one inviting card instead of a wall of empty panels. Polling goes on, so
 * the first click replaces it. Whether there were older clicks comes from the plan's whole history
 * (the "all" answer, the same query as the All window): "No clicks yet" only when there never were.
 */
function NoClicks({ scope, timeWindow, onShowAll, shortUrl, linksHref, hasNoLinks }: NoClicksProps) {
  const copy = useCopy();
  const historyQuery = useMemo<AnalyticsQuery>(() => ({ scope, window: "all" }), [scope]);
  const { data: hasOlderClicks } = useAnalyticsSlice(historyQuery, selectHasClicks);
  const isAll = timeWindow === "all";
  const isFirstClickAwaited = isAll || hasOlderClicks !== true;
  const what = scope.kind === "link" ? "your link" : scope.kind === "campaign" ? "this campaign's links" : "your links";
  const title = hasNoLinks
    ? "This campaign has no links yet"
    : isFirstClickAwaited
      ? `No clicks yet — share ${what}`
      : `No clicks in the last ${WINDOW_DAYS[timeWindow]} days`;
  const description = hasNoLinks
    ? "Pick this campaign when you create or edit a link (or move links to it from the link list); their clicks are combined here."
    : isFirstClickAwaited
      ? "Send it by SMS, email or WhatsApp, or print its QR code. Each click shows up here within seconds: where people are, what they use, which channel brought them and which CRM contacts clicked."
      : `Older clicks are in the longer windows. Share ${what} again: new clicks appear here within seconds.`;

  const share =
    scope.kind === "link" && shortUrl ? (
      <Button variant="primary" icon={<CopyIcon size={16} />} onClick={() => void copy(shortUrl)} data-testid="empty-copy">
        Copy short link
      </Button>
    ) : scope.kind === "campaign" ? (
      <Button variant="primary" href={hasNoLinks ? "/app/links" : (linksHref ?? "/app/links")} icon={<LinkIcon size={16} />}>
        {hasNoLinks ? "Go to Links" : "View its links"}
      </Button>
    ) : (
      <>
        <Button variant="primary" href="/app/links" icon={<LinkIcon size={16} />}>
          Go to Links
        </Button>
        {isFirstClickAwaited ? (
          <Button href="/app/links/new" icon={<PlusIcon size={16} />}>
            Create link
          </Button>
        ) : null}
      </>
    );

  return (
    <Card className="hero-accent" data-testid="analytics-empty">
      <EmptyState
        icon={<ChartIcon size={24} />}
        title={title}
        description={description}
        actions={
          <>
            {share}
            {isFirstClickAwaited ? null : <Button onClick={onShowAll}>Show all history</Button>}
          </>
        }
      />
    </Card>
  );
}
