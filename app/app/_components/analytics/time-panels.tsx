"use client";

import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
  type ScriptableContext,
} from "chart.js";
import { memo, useMemo } from "react";
import { Bar, Line } from "react-chartjs-2";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { useAnalyticsSlice, type AnalyticsQuery } from "@/app/app/_components/analytics/analytics-data";
import { CHART_FONT, tooltipOf, useChartTheme, withAlpha } from "@/app/app/_components/analytics/chart-theme";
import { formatCount, formatDay, formatDayLong, formatHourRange, plural } from "@/app/app/_components/analytics/labels";
import { Panel, QuietEmpty } from "@/app/app/_components/analytics/panel";
import type { Analytics } from "@/lib/analytics/types";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip);
ChartJS.defaults.font.family = CHART_FONT;

/** Polls update the chart in place: values glide from the old to the new, never redraw from zero. */
const ANIMATION = { duration: 350 } as const;

function ChartSkeleton({ height }: { height: number }) {
  return (
    <div className="an-chart-skeleton" style={{ height }} aria-hidden="true">
      {Array.from({ length: 12 }, (_, i) => (
        <Skeleton key={i} height={`${30 + ((i * 37) % 60)}%`} radius={6} />
      ))}
    </div>
  );
}

const selectSeries = (d: Analytics) => d.series;

/** Clicks per UTC day over the window, as an area chart. */
export const ClicksOverTimePanel = memo(function ClicksOverTimePanel({ q }: { q: AnalyticsQuery }) {
  const { data: series, isPlaceholderData } = useAnalyticsSlice(q, selectSeries);
  const theme = useChartTheme();
  const days = series?.length ?? 0;

  const data = useMemo<ChartData<"line", number[], string> | null>(() => {
    if (!series) return null;
    return {
      labels: series.map((p) => p.date),
      datasets: [
        {
          label: "Clicks",
          data: series.map((p) => p.clicks),
          borderColor: theme.brand,
          pointBackgroundColor: theme.brand,
          pointBorderColor: theme.surface,
          pointBorderWidth: 1.5,
          fill: true,
          backgroundColor: (ctx: ScriptableContext<"line">) => {
            const area = ctx.chart.chartArea;
            if (!area) return withAlpha(theme.brand, 0.12);
            const gradient = ctx.chart.ctx.createLinearGradient(0, area.top, 0, area.bottom);
            gradient.addColorStop(0, withAlpha(theme.brand, theme.isDark ? 0.32 : 0.24));
            gradient.addColorStop(1, withAlpha(theme.brand, 0));
            return gradient;
          },
        },
      ],
    };
  }, [series, theme]);

  const options = useMemo<ChartOptions<"line">>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: ANIMATION,
      interaction: { mode: "index", intersect: false },
      elements: {
        line: { tension: 0.3, borderWidth: 2 },
        point: { radius: days > 31 ? 0 : days > 8 ? 2 : 3, hoverRadius: 5, hitRadius: 8 },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipOf(theme),
          callbacks: {
            title: (items) => formatDayLong(items[0]?.label ?? ""),
            label: (item) => plural(Number(item.raw), "click", "clicks"),
          },
        },
      },
      scales: {
        x: {
          grid: { display: false },
          border: { display: false },
          ticks: {
            color: theme.textSubtle,
            maxRotation: 0,
            autoSkipPadding: 16,
            callback(value) {
              return formatDay(this.getLabelForValue(Number(value)));
            },
          },
        },
        y: {
          beginAtZero: true,
          border: { display: false },
          grid: { color: theme.border },
          ticks: { color: theme.textSubtle, precision: 0, maxTicksLimit: 5, padding: 8 },
        },
      },
    }),
    [theme, days],
  );

  const total = series?.reduce((sum, p) => sum + p.clicks, 0) ?? 0;
  const peak = series?.reduce<{ date: string; clicks: number } | null>((best, p) => (p.clicks > (best?.clicks ?? 0) ? p : best), null) ?? null;

  return (
    <Panel
      title="Clicks over time"
      description="Human clicks per day, UTC"
      isStale={isPlaceholderData}
      isLoading={!series}
      testId="panel-clicks-over-time"
      actions={
        peak ? (
          <span className="an-summary">
            Peak <strong>{formatCount(peak.clicks)}</strong> on {formatDay(peak.date)}
          </span>
        ) : null
      }
    >
      {!data ? (
        <ChartSkeleton height={240} />
      ) : total === 0 ? (
        <QuietEmpty>No clicks in this window yet.</QuietEmpty>
      ) : (
        <div className="an-chart an-chart-tall">
          <Line
            data={data}
            options={options}
            role="img"
            aria-label={`Clicks per day: ${plural(total, "click", "clicks")} in ${plural(days, "day", "days")}${peak ? `, most on ${formatDayLong(peak.date)} (${formatCount(peak.clicks)})` : ""}.`}
          />
        </div>
      )}
    </Panel>
  );
});

const selectHours = (d: Analytics) => d.hours;
const HOUR_LABELS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));

/** Clicks by hour of day (UTC), the busiest hour in full colour. */
export const BusiestHoursPanel = memo(function BusiestHoursPanel({ q }: { q: AnalyticsQuery }) {
  const { data: hours, isPlaceholderData } = useAnalyticsSlice(q, selectHours);
  const theme = useChartTheme();
  const busiest = hours && hours.some((n) => n > 0) ? hours.indexOf(Math.max(...hours)) : -1;

  const data = useMemo<ChartData<"bar", number[], string> | null>(() => {
    if (!hours) return null;
    return {
      labels: HOUR_LABELS,
      datasets: [
        {
          label: "Clicks",
          data: hours,
          backgroundColor: hours.map((_, h) => (h === busiest ? theme.brand : withAlpha(theme.brand, theme.isDark ? 0.4 : 0.32))),
          hoverBackgroundColor: theme.brandStrong,
          borderRadius: 4,
          borderSkipped: "bottom",
          maxBarThickness: 22,
        },
      ],
    };
  }, [hours, busiest, theme]);

  const options = useMemo<ChartOptions<"bar">>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: ANIMATION,
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipOf(theme),
          callbacks: {
            title: (items) => `${formatHourRange(items[0]?.dataIndex ?? 0)} UTC`,
            label: (item) => plural(Number(item.raw), "click", "clicks"),
          },
        },
      },
      scales: {
        x: { grid: { display: false }, border: { display: false }, ticks: { color: theme.textSubtle, maxRotation: 0, autoSkipPadding: 6 } },
        y: {
          beginAtZero: true,
          border: { display: false },
          grid: { color: theme.border },
          ticks: { color: theme.textSubtle, precision: 0, maxTicksLimit: 4, padding: 8 },
        },
      },
    }),
    [theme],
  );

  return (
    <Panel
      title="Busiest hours"
      description="Clicks by hour of day, UTC"
      isStale={isPlaceholderData}
      isLoading={!hours}
      testId="panel-hours"
      actions={
        busiest >= 0 ? (
          <span className="an-summary">
            Busiest <strong>{formatHourRange(busiest)}</strong>
          </span>
        ) : null
      }
    >
      {!data ? (
        <ChartSkeleton height={200} />
      ) : busiest < 0 ? (
        <QuietEmpty>No clicks in this window yet.</QuietEmpty>
      ) : (
        <div className="an-chart">
          <Bar data={data} options={options} role="img" aria-label={`Clicks by hour of day, UTC. Busiest: ${formatHourRange(busiest)}.`} />
        </div>
      )}
    </Panel>
  );
});
