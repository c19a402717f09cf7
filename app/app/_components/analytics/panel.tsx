"use client";

import { useState, type ReactNode } from "react";
import { Card } from "@/app/_components/ui/card";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { formatCount, formatShare } from "@/app/app/_components/analytics/labels";

export type PanelProps = {
  title: string;
  /** One short line under the title (what is counted, the unit, UTC). */
  description?: ReactNode;
  /** Right of the title: a switcher or a summary figure. */
  actions?: ReactNode;
  /** Showing the previous window's figures while the new ones load. */
  isStale?: boolean;
  /** No figures yet (first load): marks the panel busy for assistive tech. */
  isLoading?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
};

/** A titled analytics card. Its body is a chart, a list, a skeleton or a quiet "nothing here". */
export function Panel({ title, description, actions, isStale = false, isLoading = false, className, testId, children }: PanelProps) {
  return (
    <Card
      className={["an-panel", isStale ? "is-stale" : "", className].filter(Boolean).join(" ")}
      data-testid={testId}
      aria-busy={isLoading || isStale || undefined}
    >
      <div className="an-panel-head">
        <div className="an-panel-title">
          <h2>{title}</h2>
          {description ? <p className="an-panel-desc">{description}</p> : null}
        </div>
        {actions ? <div className="an-panel-actions">{actions}</div> : null}
      </div>
      <div className="an-panel-body">{children}</div>
    </Card>
  );
}

/** A panel with nothing to show in this window says so in one muted line. */
export function QuietEmpty({ children }: { children: ReactNode }) {
  return <p className="an-quiet">{children}</p>;
}

/** Rows of a ranked list while the first answer loads. */
export function ListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div className="rank-skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="rank-skeleton-row">
          <Skeleton width={`${70 - i * 11}%`} height={12} />
          <Skeleton width={36} height={12} />
        </div>
      ))}
    </div>
  );
}

export type RankedItem = {
  key: string;
  label: ReactNode;
  /** Full text on hover when the label is cut short. */
  title?: string;
  icon?: ReactNode;
  /** Small muted text after the label (a country code, an id). */
  meta?: ReactNode;
  clicks: number;
};

export type RankedListProps = {
  items: readonly RankedItem[];
  /** The share's denominator: the window's clicks. */
  total: number;
  /** Rows shown before "Show all". */
  limit?: number;
  /** Accessible name of the list, e.g. "Top countries". */
  label: string;
  testId?: string;
};

/**
 * Names with clicks, most first: a bar scaled to the first row, the count and the share of all
 * clicks in the window (so shares of a list that leaves unknowns out do not add up to 100%).
 */
export function RankedList({ items, total, limit = 8, label, testId }: RankedListProps) {
  const [isExpanded, setExpanded] = useState(false);
  const max = items.reduce((m, item) => Math.max(m, item.clicks), 0);
  const shown = isExpanded ? items : items.slice(0, limit);
  return (
    <div className="rank-wrap">
      <ol className="rank" aria-label={label} data-testid={testId}>
        {shown.map((item) => (
          <li key={item.key} className="rank-row" title={item.title}>
            <span className="rank-bar" style={{ width: `${max > 0 ? Math.max(2, (item.clicks / max) * 100) : 0}%` }} aria-hidden="true" />
            {item.icon ? <span className="rank-icon">{item.icon}</span> : null}
            <span className="rank-label">
              <span className="rank-name">{item.label}</span>
              {item.meta ? <span className="rank-meta">{item.meta}</span> : null}
            </span>
            <span className="rank-count">{formatCount(item.clicks)}</span>
            <span className="rank-share">{formatShare(item.clicks, total)}</span>
          </li>
        ))}
      </ol>
      {items.length > limit ? (
        <button type="button" className="rank-more" onClick={() => setExpanded((v) => !v)} aria-expanded={isExpanded}>
          {isExpanded ? "Show fewer" : `Show all ${formatCount(items.length)}`}
        </button>
      ) : null}
    </div>
  );
}

/** A thin inline share bar for table rows. */
export function ShareBar({ part, max }: { part: number; max: number }) {
  return (
    <span className="share-bar" aria-hidden="true">
      <span style={{ width: `${max > 0 ? Math.max(3, (part / max) * 100) : 0}%` }} />
    </span>
  );
}

/** A table's share cell: the bar scaled to the largest row, and the share of all clicks in the window. */
export function ShareCell({ clicks, max, total }: { clicks: number; max: number; total: number }) {
  return (
    <td className="an-share-col">
      <span className="an-share">
        <ShareBar part={clicks} max={max} />
        <span className="an-share-text">{formatShare(clicks, total)}</span>
      </span>
    </td>
  );
}
