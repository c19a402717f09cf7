"use client";

import { memo, useState } from "react";
import { GlobeIcon } from "@/app/_components/icons";
import { Segmented } from "@/app/_components/ui/segmented";
import { useAnalyticsSlice, type AnalyticsQuery } from "@/app/app/_components/analytics/analytics-data";
import { DEVICE_ICONS, SourceMark } from "@/app/app/_components/analytics/analytics-icons";
import { deviceLabel, sourceLabel } from "@/app/app/_components/analytics/labels";
import { ListSkeleton, Panel, QuietEmpty, RankedList, type RankedItem } from "@/app/app/_components/analytics/panel";
import type { Analytics, NamedCount } from "@/lib/analytics/types";

const selectTech = (d: Analytics) => ({ devices: d.devices, os: d.os, browsers: d.browsers, total: d.totals.clicks });
const selectSources = (d: Analytics) => ({ items: d.sources, total: d.totals.clicks });
const selectReferrers = (d: Analytics) => ({ items: d.referrers, total: d.totals.clicks });

type TechView = "devices" | "os" | "browsers";
const TECH_VIEWS = [
  { value: "devices", label: "Devices" },
  { value: "os", label: "OS" },
  { value: "browsers", label: "Browsers" },
] as const;
const TECH_NOUNS: Record<TechView, string> = { devices: "device type", os: "operating system", browsers: "browser" };

function techItems(view: TechView, list: readonly NamedCount[]): RankedItem[] {
  return list.map((n) => {
    if (view !== "devices") return { key: n.name, label: n.name, clicks: n.clicks };
    const Icon = DEVICE_ICONS[n.name];
    return { key: n.name, label: deviceLabel(n.name), icon: Icon ? <Icon size={15} /> : undefined, clicks: n.clicks };
  });
}

/** Device type, operating system and browser, one at a time. */
export const TechPanel = memo(function TechPanel({ q }: { q: AnalyticsQuery }) {
  const { data, isPlaceholderData } = useAnalyticsSlice(q, selectTech);
  const [view, setView] = useState<TechView>("devices");
  const items = data ? techItems(view, data[view]) : [];
  return (
    <Panel
      title="Devices"
      description="From the visitor's browser (user agent)"
      isStale={isPlaceholderData}
      isLoading={!data}
      testId="panel-tech"
      actions={<Segmented label="Breakdown by" options={TECH_VIEWS} value={view} onChange={setView} />}
    >
      {!data ? (
        <ListSkeleton rows={4} />
      ) : items.length > 0 ? (
        <RankedList items={items} total={data.total} label={`Clicks by ${TECH_NOUNS[view]}`} testId={`tech-${view}`} />
      ) : (
        <QuietEmpty>{data.total === 0 ? "No clicks in this window yet." : `No ${TECH_NOUNS[view]} could be told for these clicks.`}</QuietEmpty>
      )}
    </Panel>
  );
});

/** Classified traffic sources (in-app browsers included), with their names and marks. */
export const SourcesPanel = memo(function SourcesPanel({ q }: { q: AnalyticsQuery }) {
  const { data, isPlaceholderData } = useAnalyticsSlice(q, selectSources);
  const items: RankedItem[] = data?.items.map((s) => ({ key: s.name, label: sourceLabel(s.name), icon: <SourceMark source={s.name} />, clicks: s.clicks })) ?? [];
  return (
    <Panel
      title="Traffic sources"
      description="Apps, sites and channels, in-app browsers included"
      isStale={isPlaceholderData}
      isLoading={!data}
      testId="panel-sources"
    >
      {!data ? (
        <ListSkeleton rows={5} />
      ) : items.length > 0 ? (
        <RankedList items={items} total={data.total} label="Clicks by traffic source" testId="top-sources" />
      ) : (
        <QuietEmpty>No clicks in this window yet.</QuietEmpty>
      )}
    </Panel>
  );
});

/** Referring hosts as browsers sent them (many apps and most SMS and email send none). */
export const ReferrersPanel = memo(function ReferrersPanel({ q }: { q: AnalyticsQuery }) {
  const { data, isPlaceholderData } = useAnalyticsSlice(q, selectReferrers);
  const items: RankedItem[] =
    data?.items.map((r) => ({ key: r.name, label: r.name, title: r.name, icon: <GlobeIcon size={15} />, clicks: r.clicks })) ?? [];
  return (
    <Panel title="Referrers" description="The site a click came from, when the browser said" isStale={isPlaceholderData} isLoading={!data} testId="panel-referrers">
      {!data ? (
        <ListSkeleton rows={5} />
      ) : items.length > 0 ? (
        <RankedList items={items} total={data.total} label="Clicks by referrer" testId="top-referrers" />
      ) : (
        <QuietEmpty>
          {data.total === 0
            ? "No clicks in this window yet."
            : "No referrer was sent with these clicks — usual for SMS, email apps, QR codes and links typed or tapped in apps."}
        </QuietEmpty>
      )}
    </Panel>
  );
});
