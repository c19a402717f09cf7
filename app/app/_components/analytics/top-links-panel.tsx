"use client";

import Link from "next/link";
import { memo, useState } from "react";
import { ChartIcon } from "@/app/_components/icons";
import { useAnalyticsSlice, type AnalyticsQuery } from "@/app/app/_components/analytics/analytics-data";
import { formatCount } from "@/app/app/_components/analytics/labels";
import { ListSkeleton, Panel, QuietEmpty, ShareCell } from "@/app/app/_components/analytics/panel";
import type { Analytics } from "@/lib/analytics/types";

const selectTopLinks = (d: Analytics) => ({ items: d.topLinks, total: d.totals.clicks });

/** Rows shown before "Show all". */
const LIMIT = 8;

/** The links with the most clicks in the window, each opening its own analytics. */
export const TopLinksPanel = memo(function TopLinksPanel({ q, title = "Top links" }: { q: AnalyticsQuery; title?: string }) {
  const { data, isPlaceholderData } = useAnalyticsSlice(q, selectTopLinks);
  const [isExpanded, setExpanded] = useState(false);
  const max = data?.items[0]?.clicks ?? 0;
  const rows = data ? (isExpanded ? data.items : data.items.slice(0, LIMIT)) : [];
  return (
    <Panel title={title} description="Most clicked in this window" isStale={isPlaceholderData} isLoading={!data} testId="panel-top-links">
      {!data ? (
        <ListSkeleton rows={4} />
      ) : data.items.length === 0 ? (
        <QuietEmpty>No link was clicked in this window yet.</QuietEmpty>
      ) : (
        <div className="table-wrap">
          <table className="table an-table" data-testid="top-links">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Link</th>
                <th scope="col" className="an-num">
                  Clicks
                </th>
                <th scope="col" className="an-share-col">
                  Share
                </th>
                <th scope="col" className="an-action-col">
                  <span className="sr-only">Analytics</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((link) => {
                const short = link.shortUrl.replace(/^https?:\/\//, "");
                const href = `/app/links/${link.linkId}/analytics`;
                return (
                  <tr key={link.linkId} data-testid="top-link-row">
                    <td className="an-link-cell">
                      {link.deleted ? (
                        <span className="an-link-short is-deleted">{short}</span>
                      ) : (
                        <Link href={href} className="an-link-short" title={`Analytics for ${short}`}>
                          <span className="an-link-host">{short.slice(0, short.length - link.slug.length)}</span>
                          <span className="an-link-slug">{link.slug}</span>
                        </Link>
                      )}
                      <span className="an-link-sub" title={link.url}>
                        {link.deleted ? "Deleted link" : (link.title ?? link.url.replace(/^https?:\/\//, ""))}
                      </span>
                    </td>
                    <td className="an-num">{formatCount(link.clicks)}</td>
                    <ShareCell clicks={link.clicks} max={max} total={data.total} />
                    <td className="an-action-col">
                      {link.deleted ? null : (
                        <Link href={href} className="btn btn-ghost btn-sm btn-icon" aria-label={`Analytics for ${short}`}>
                          <ChartIcon size={16} />
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {data.items.length > LIMIT ? (
            <div className="an-table-more">
              <button type="button" className="rank-more" onClick={() => setExpanded((v) => !v)} aria-expanded={isExpanded}>
                {isExpanded ? "Show fewer" : `Show all ${formatCount(data.items.length)} links`}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </Panel>
  );
});
