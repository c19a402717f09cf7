"use client";

/**
 * The world map, shaded by clicks per country. Loaded lazily (next/dynamic, no SSR): the map code
 * and the bundled TopoJSON (world-atlas, Natural Earth 1:110m) stay out of the page's first load,
 * and nothing is fetched from a CDN.
 */
import { Chart as ChartJS, Tooltip, type ChartData, type ChartOptions } from "chart.js";
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale, topojson } from "chartjs-chart-geo";
import { numericToAlpha2 } from "i18n-iso-countries";
import { useMemo } from "react";
import { Chart } from "react-chartjs-2";
import world from "world-atlas/countries-110m.json";
import { CHART_FONT, mixColors, tooltipOf, useChartTheme } from "@/app/app/_components/analytics/chart-theme";
import { countryName, formatShare, plural } from "@/app/app/_components/analytics/labels";

ChartJS.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale, Tooltip);
ChartJS.defaults.font.family = CHART_FONT;

type Topology = Parameters<typeof topojson.feature>[0];

function isTopology(value: unknown): value is Topology {
  return typeof value === "object" && value !== null && "type" in value && value.type === "Topology" && "objects" in value && "arcs" in value;
}

/** Antarctica (010) takes a fifth of the map and never clicks: left out. */
const ANTARCTICA = "010";

/** The countries once per page load: GeoJSON features with their ISO alpha-2 code and English name. */
function loadCountries() {
  const topology: unknown = world;
  if (!isTopology(topology)) return [];
  const object = topology.objects.countries;
  if (!object) return [];
  const collection = topojson.feature(topology, object);
  if (!("features" in collection)) return [];
  return collection.features
    .filter((feature) => String(feature.id ?? "") !== ANTARCTICA)
    .map((feature) => {
      // Features without an ISO number (N. Cyprus, Kosovo, Somaliland) keep the atlas's own name.
      const code = feature.id === undefined ? null : (numericToAlpha2(String(feature.id)) ?? null);
      const atlasName: unknown = feature.properties?.name;
      return { feature, code, name: code ? countryName(code) : typeof atlasName === "string" ? atlasName : "Unknown" };
    });
}

const COUNTRIES = loadCountries();
const OUTLINE = COUNTRIES.map((c) => c.feature);

export type WorldMapProps = {
  /** ISO alpha-2 (upper case) → clicks. */
  countries: readonly { code: string; clicks: number }[];
  /** The window's clicks: the tooltip's share. */
  total: number;
};

export default function WorldMap({ countries, total }: WorldMapProps) {
  const theme = useChartTheme();
  const byCode = useMemo(() => new Map(countries.map((c) => [c.code.toUpperCase(), c.clicks])), [countries]);
  const max = countries.reduce((m, c) => Math.max(m, c.clicks), 0);

  const data = useMemo<ChartData<"choropleth">>(
    () => ({
      labels: COUNTRIES.map((c) => c.name),
      datasets: [
        {
          label: "Clicks",
          outline: OUTLINE,
          showOutline: false,
          // NaN = no clicks: drawn in the neutral "missing" colour rather than the palest shade.
          data: COUNTRIES.map((c) => ({ feature: c.feature, value: (c.code && byCode.get(c.code)) || Number.NaN })),
          borderColor: theme.surface,
          borderWidth: 0.6,
          hoverBorderColor: theme.text,
          hoverBorderWidth: 1,
        },
      ],
    }),
    [byCode, theme],
  );

  const options = useMemo<ChartOptions<"choropleth">>(() => {
    const low = mixColors(theme.surface, theme.brand, theme.isDark ? 0.35 : 0.22);
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 300 },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipOf(theme),
          callbacks: {
            title: (items) => COUNTRIES[items[0]?.dataIndex ?? -1]?.name ?? "",
            label: (item) => {
              const code = COUNTRIES[item.dataIndex]?.code;
              const clicks = code ? (byCode.get(code) ?? 0) : 0;
              return clicks > 0 ? `${plural(clicks, "click", "clicks")} · ${formatShare(clicks, total)}` : "No clicks";
            },
          },
        },
      },
      scales: {
        // chart.js needs an axis for every scale id; the geo scales ignore it.
        projection: { axis: "x", projection: "equalEarth" },
        color: {
          axis: "x",
          display: false,
          min: 0,
          max: Math.max(1, max),
          missing: theme.border,
          // Square root: one big country does not wash every other one out.
          interpolate: (v: number) => mixColors(low, theme.brandStrong, Math.sqrt(Math.max(0, Math.min(1, v)))),
        },
      },
    };
  }, [theme, byCode, max, total]);

  const top = countries[0];
  return (
    <Chart
      type="choropleth"
      data={data}
      options={options}
      role="img"
      aria-label={top ? `World map of clicks by country; most from ${countryName(top.code)} (${plural(top.clicks, "click", "clicks")}).` : "World map of clicks by country."}
    />
  );
}
