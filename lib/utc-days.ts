/** UTC calendar days as "YYYY-MM-DD" strings: the buckets of analytics, rollups and retention. */

export const DAY_MS = 86_400_000;

/** The UTC day of an instant. */
export function utcDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The day's first instant (UTC midnight) in epoch ms. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The day's first instant (UTC midnight). */
export function dayStart(day: string): Date {
  return new Date(dayStartMs(day));
}

/** `day` moved by `days` (negative = earlier). */
export function addDays(day: string, days: number): string {
  return utcDay(dayStartMs(day) + days * DAY_MS);
}
