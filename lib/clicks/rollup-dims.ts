/**
 * The dimensions of `click_rollups` (db/schema/click-rollups.ts) and how a click row maps onto
 * them. The same SQL expressions maintain the rollups on every batch, backfill them in the
 * migration, and are what the analytics read back, so a figure always means one thing.
 */

export const ROLLUP_DIMS = {
  /** Human clicks; key "". */
  clicks: 0,
  /** Human QR scans; key "". */
  qrScans: 1,
  /** Bots and preview fetchers (the only dimension they reach); key "". */
  bots: 2,
  /** Human clicks of a known CRM contact; key "". */
  identified: 3,
  /** Visitor keys new for that scope and day; key "". Summed over days = unique visitors. */
  visitors: 4,
  /** UTC hour of day, "0".."23". */
  hour: 5,
  /** ISO 3166 alpha-2; unknown countries are left out. */
  country: 6,
  /** "CC\tCity"; unknown cities are left out. */
  city: 7,
  device: 8,
  os: 9,
  browser: 10,
  source: 11,
  /** Referrer host. */
  referrer: 12,
  /** "rule\turl" (rule "fallback" when no routing rule chose it); link scopes only. */
  destination: 13,
  /** The root link id; the workspace scope only (top links). */
  link: 14,
  /** The CRM contact id. */
  contact: 15,
} as const;

export type RollupDim = keyof typeof ROLLUP_DIMS;

/** Longest destination URL kept as a key (btree entries are limited to ~2.7 kB). */
export const DESTINATION_KEY_MAX = 1000;

/**
 * `(dim, key)` pairs of one click row aliased `b` (columns `is_bot`, `is_qr`, `occurred_at`, …),
 * for a scope aliased `s` with boolean `is_link` (a link scope, not the workspace). A null key means
 * "this click has nothing for that dimension". Used in a `cross join lateral (values …) d(dim, key)`.
 */
export const DIM_VALUES_SQL = `
  (${ROLLUP_DIMS.clicks}, case when not b.is_bot then '' end),
  (${ROLLUP_DIMS.qrScans}, case when not b.is_bot and b.is_qr then '' end),
  (${ROLLUP_DIMS.bots}, case when b.is_bot then '' end),
  (${ROLLUP_DIMS.identified}, case when not b.is_bot and b.contact_id is not null then '' end),
  (${ROLLUP_DIMS.hour}, case when not b.is_bot then extract(hour from b.occurred_at at time zone 'UTC')::int::text end),
  (${ROLLUP_DIMS.country}, case when not b.is_bot then b.country end),
  (${ROLLUP_DIMS.city}, case when not b.is_bot and b.city is not null then coalesce(b.country, '') || E'\\t' || b.city end),
  (${ROLLUP_DIMS.device}, case when not b.is_bot then b.device_type::text end),
  (${ROLLUP_DIMS.os}, case when not b.is_bot then b.os end),
  (${ROLLUP_DIMS.browser}, case when not b.is_bot then b.browser end),
  (${ROLLUP_DIMS.source}, case when not b.is_bot then b.source::text end),
  (${ROLLUP_DIMS.referrer}, case when not b.is_bot then b.referrer_host end),
  (${ROLLUP_DIMS.destination}, case when not b.is_bot and s.is_link and b.destination is not null
    then coalesce(b.rule::text, 'fallback') || E'\\t' || left(b.destination, ${DESTINATION_KEY_MAX}) end),
  (${ROLLUP_DIMS.link}, case when not b.is_bot and not s.is_link then b.root_link_id end),
  (${ROLLUP_DIMS.contact}, case when not b.is_bot then b.contact_id end)`;

/** The two scopes every link click counts in: its root link, and the whole workspace (""). */
export const SCOPES_SQL = `(values (b.root_link_id, true), ('', false)) s(link_id, is_link)`;
