/**
 * Analytics windows: UTC calendar days ending today. `7d` is today and the six days before; `all`
 * is the plan's history (Starter 180 days, Pro 365), which is also how long clicks are kept.
 */
import { PLAN_FEATURES, type Plan } from "@/lib/billing/plans";
import type { DayRange } from "@/lib/clicks/stats";
import type { AnalyticsWindow } from "@/lib/analytics/types";
import { addDays, dayStart, utcDay } from "@/lib/utc-days";

const WINDOW_DAYS: Record<Exclude<AnalyticsWindow, "all">, number> = { "7d": 7, "30d": 30, "90d": 90 };

export type ResolvedWindow = DayRange & { window: AnalyticsWindow; days: number; historyDays: number };

export function resolveWindow(window: AnalyticsWindow, plan: Plan, now: Date): ResolvedWindow {
  const historyDays = PLAN_FEATURES[plan].historyDays;
  const days = window === "all" ? historyDays : Math.min(WINDOW_DAYS[window], historyDays);
  const to = utcDay(now);
  return { window, from: addDays(to, -(days - 1)), to, days, historyDays };
}

/** The first instant the plan's history keeps: clicks before it are deleted by retention. */
export function historyStart(plan: Plan, now: Date): Date {
  return dayStart(resolveWindow("all", plan, now).from);
}

/** Every day of the range, oldest first. */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) out.push(day);
  return out;
}
