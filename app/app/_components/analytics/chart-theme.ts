"use client";

import { useSyncExternalStore } from "react";

/** Chart colours, read from the design tokens of app/globals.css so charts follow light and dark. */
export type ChartTheme = {
  brand: string;
  brandStrong: string;
  violet: string;
  fuchsia: string;
  text: string;
  textMuted: string;
  textSubtle: string;
  border: string;
  surface: string;
  surface2: string;
  tooltipBg: string;
  tooltipFg: string;
  isDark: boolean;
};

/** The light tokens: what the server renders with (charts draw on the client anyway). */
const LIGHT: ChartTheme = {
  brand: "#6366f1",
  brandStrong: "#4f46e5",
  violet: "#7c3aed",
  fuchsia: "#c026d3",
  text: "#18181b",
  textMuted: "#5f5f6e",
  textSubtle: "#8a8a99",
  border: "#e6e6ef",
  surface: "#ffffff",
  surface2: "#f4f4f8",
  tooltipBg: "#18181b",
  tooltipFg: "#ffffff",
  isDark: false,
};

const TOKENS: Record<Exclude<keyof ChartTheme, "isDark">, string> = {
  brand: "--brand",
  brandStrong: "--brand-strong",
  violet: "--violet",
  fuchsia: "--fuchsia",
  text: "--text",
  textMuted: "--text-muted",
  textSubtle: "--text-subtle",
  border: "--border",
  surface: "--surface",
  surface2: "--surface-2",
  tooltipBg: "--tooltip-bg",
  tooltipFg: "--tooltip-fg",
};

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const theme = { ...LIGHT };
  for (const [key, token] of Object.entries(TOKENS) as [keyof typeof TOKENS, string][]) {
    const value = style.getPropertyValue(token).trim();
    if (value) theme[key] = value;
  }
  theme.isDark = style.colorScheme.includes("dark");
  return theme;
}

let current: ChartTheme | null = null;
const listeners = new Set<() => void>();
let stopWatching: (() => void) | null = null;

function refresh() {
  const next = readTheme();
  if (current && (Object.keys(next) as (keyof ChartTheme)[]).every((k) => next[k] === current?.[k])) return;
  current = next;
  listeners.forEach((notify) => notify());
}

/** One watcher for all charts: the OS colour scheme and the app's `data-theme` attribute. */
function watch(): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", refresh);
  const observer = new MutationObserver(refresh);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
  return () => {
    media.removeEventListener("change", refresh);
    observer.disconnect();
  };
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  stopWatching ??= watch();
  return () => {
    listeners.delete(notify);
    if (listeners.size === 0) {
      stopWatching?.();
      stopWatching = null;
      current = null;
    }
  };
}

function getSnapshot(): ChartTheme {
  current ??= readTheme();
  return current;
}

const getServerSnapshot = () => LIGHT;

/** The current chart colours; components re-render when the scheme or theme attribute changes. */
export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/** The tooltip every chart shows: dark box, light text, no colour swatch. */
export function tooltipOf(theme: ChartTheme) {
  return {
    backgroundColor: theme.tooltipBg,
    titleColor: theme.tooltipFg,
    bodyColor: theme.tooltipFg,
    padding: 10,
    cornerRadius: 8,
    displayColors: false,
    titleFont: { weight: 600 as const },
  };
}

/** "#6366f1" or "rgb(99, 102, 241)" with an alpha: "rgba(99, 102, 241, 0.2)". Unknown formats come back unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const rgb = parseColor(color);
  return rgb ? `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})` : color;
}

/** Mixes two colours (0 = a, 1 = b), e.g. for a choropleth ramp. */
export function mixColors(a: string, b: string, t: number): string {
  const x = parseColor(a);
  const y = parseColor(b);
  if (!x || !y) return t < 0.5 ? a : b;
  const mix = (i: 0 | 1 | 2) => Math.round(x[i] + (y[i] - x[i]) * t);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

function parseColor(color: string): [number, number, number] | null {
  const hex = color.trim().match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
    return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16)];
  }
  const rgb = color.match(/^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** The app's font stack (Inter, self-hosted), for chart labels and tooltips. */
export const CHART_FONT = '"Inter Variable", "Inter", ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
