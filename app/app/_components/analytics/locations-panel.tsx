"use client";

import dynamic from "next/dynamic";
import { memo, useState } from "react";
import { Segmented } from "@/app/_components/ui/segmented";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { useAnalyticsSlice, type AnalyticsQuery } from "@/app/app/_components/analytics/analytics-data";
import { countryName } from "@/app/app/_components/analytics/labels";
import { ListSkeleton, Panel, QuietEmpty, RankedList, type RankedItem } from "@/app/app/_components/analytics/panel";
import type { Analytics } from "@/lib/analytics/types";

/** The map's code and TopoJSON load after the page; the lists beside it do not wait for them. */
const WorldMap = dynamic(() => import("@/app/app/_components/analytics/world-map"), {
  ssr: false,
  loading: () => <Skeleton height="100%" radius={12} />,
});

const selectLocations = (d: Analytics) => ({ countries: d.countries, cities: d.cities, total: d.totals.clicks });

type View = "countries" | "cities";
const VIEWS = [
  { value: "countries", label: "Countries" },
  { value: "cities", label: "Cities" },
] as const;

function CountryCode({ code }: { code: string }) {
  return <span className="cc">{code.toUpperCase()}</span>;
}

/** The world map shaded by clicks, with the ranked countries or cities beside it. */
export const LocationsPanel = memo(function LocationsPanel({ q }: { q: AnalyticsQuery }) {
  const { data, isPlaceholderData } = useAnalyticsSlice(q, selectLocations);
  const [view, setView] = useState<View>("countries");

  const countries: RankedItem[] =
    data?.countries.map((c) => ({ key: c.code, label: countryName(c.code), icon: <CountryCode code={c.code} />, clicks: c.clicks })) ?? [];
  const cities: RankedItem[] =
    data?.cities.map((c) => ({
      key: `${c.country}:${c.city}`,
      label: c.city,
      title: `${c.city}, ${countryName(c.country)}`,
      icon: <CountryCode code={c.country} />,
      meta: countryName(c.country),
      clicks: c.clicks,
    })) ?? [];
  const items = view === "countries" ? countries : cities;

  return (
    <Panel
      title="Locations"
      description="Where people clicked from (offline GeoIP lookup)"
      isStale={isPlaceholderData}
      isLoading={!data}
      testId="panel-locations"
      className="an-panel-locations"
      actions={<Segmented label="Locations by" options={VIEWS} value={view} onChange={setView} />}
    >
      <div className="an-geo">
        <div className="an-map" data-testid="world-map">
          {data ? <WorldMap countries={data.countries} total={data.total} /> : <Skeleton height="100%" radius={12} />}
        </div>
        <div className="an-geo-list">
          {!data ? (
            <ListSkeleton rows={6} />
          ) : items.length > 0 ? (
            <RankedList
              items={items}
              total={data.total}
              limit={7}
              label={view === "countries" ? "Top countries" : "Top cities"}
              testId={view === "countries" ? "top-countries" : "top-cities"}
            />
          ) : (
            <QuietEmpty>
              {data.total === 0
                ? "No clicks in this window yet."
                : view === "countries"
                  ? "No country could be told for these clicks (private or local network addresses)."
                  : "No city could be told for these clicks."}
            </QuietEmpty>
          )}
        </div>
      </div>
    </Panel>
  );
});
