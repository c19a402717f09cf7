"use client";

import { memo } from "react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { useAnalyticsSlice, type AnalyticsQuery } from "@/app/app/_components/analytics/analytics-data";
import { formatCount, ruleLabel } from "@/app/app/_components/analytics/labels";
import { ListSkeleton, Panel, QuietEmpty, ShareCell } from "@/app/app/_components/analytics/panel";
import type { Analytics } from "@/lib/analytics/types";

const selectDestinations = (d: Analytics) => ({ items: d.destinations, total: d.totals.clicks });

const RULE_TONES: Record<string, BadgeTone> = { country: "brand", device: "brand", ab: "success", default: "neutral", fallback: "warning" };

/** Where clicks were actually sent, and by which rule (country → device → A/B → default; fallback after expiry or limit). */
export const DestinationsPanel = memo(function DestinationsPanel({ q }: { q: AnalyticsQuery }) {
  const { data, isPlaceholderData } = useAnalyticsSlice(q, selectDestinations);
  const max = data?.items.reduce((m, d) => Math.max(m, d.clicks), 0) ?? 0;
  return (
    <Panel
      title="Destinations served"
      description="Where each click was sent, and the rule that chose it"
      isStale={isPlaceholderData}
      isLoading={!data}
      testId="panel-destinations"
    >
      {!data ? (
        <ListSkeleton rows={3} />
      ) : data.items.length === 0 ? (
        <QuietEmpty>No clicks in this window yet.</QuietEmpty>
      ) : (
        <div className="table-wrap">
          <table className="table an-table" data-testid="destinations">
            <caption className="sr-only">Destinations served</caption>
            <thead>
              <tr>
                <th scope="col">Destination</th>
                <th scope="col" className="an-rule-col">
                  Rule
                </th>
                <th scope="col" className="an-num">
                  Clicks
                </th>
                <th scope="col" className="an-share-col">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => (
                <tr key={`${d.rule}:${d.url}`} data-testid="destination-row">
                  <td className="an-url-cell">
                    <a href={d.url} target="_blank" rel="noopener noreferrer" className="an-url" title={d.url}>
                      {d.url.replace(/^https?:\/\//, "")}
                    </a>
                    {/* Narrow iframes: the rule sits under the URL instead of in its own column. */}
                    <span className="an-rule-inline">
                      <Badge tone={RULE_TONES[d.rule] ?? "neutral"}>{ruleLabel(d.rule)}</Badge>
                    </span>
                  </td>
                  <td className="an-rule-col">
                    <Badge tone={RULE_TONES[d.rule] ?? "neutral"}>{ruleLabel(d.rule)}</Badge>
                  </td>
                  <td className="an-num">{formatCount(d.clicks)}</td>
                  <ShareCell clicks={d.clicks} max={max} total={data.total} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
});
