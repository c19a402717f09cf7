/** "1000000", "1_000_000", "1,000,000", "1e6", "1m", "2.5m", "500k" → a whole number (the seed and bench CLIs). */
export function parseCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([km]?)$/i.exec(text.trim().replace(/[_,]/g, ""));
  const scale = match?.[2] ? { k: 1e3, m: 1e6 }[match[2].toLowerCase()] : 1;
  const value = match && scale !== undefined ? Number(match[1]) * scale : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a count: ${text}`);
  return value;
}

/** 1_000_000 → "1M", 250_000 → "250k", 1_500 → "1,500": short labels for sizes. */
export function countLabel(n: number): string {
  if (n >= 1e6 && n % 1e5 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return n.toLocaleString("en-US");
}
