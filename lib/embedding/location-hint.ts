/**
 * The CRM may open the app as `/app?location={{location.id}}` (HighLevel custom-page URLs fill in
 * placeholders). The value is NOT signed: it only tells the shell that the session it holds may be
 * for another location, so it asks the CRM again (SSO handshake) instead of showing the old one.
 */
export const LOCATION_HINT_HEADER = "x-smart-links-location-hint";

const LOCATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function locationHintOf(params: URLSearchParams): string | null {
  const value = params.get("location");
  return value && LOCATION_ID.test(value) ? value : null;
}
