/**
 * Per-link analytics (`/app/links/{id}/analytics`) ships with the analytics release. Until its
 * page exists the list shows the chart icon disabled with a tooltip, never a link to a 404.
 * Flip this when `app/app/links/[id]/analytics/page.tsx` lands.
 */
export const LINK_ANALYTICS_AVAILABLE = false;
