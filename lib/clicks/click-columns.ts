/** The click row's columns as the click writer sends them: one JSON array per batch. */
import type { ClickEvent } from "@/lib/clicks/click-event";

/**
 * The batch as one JSON parameter, expanded by `json_to_recordset`: one statement and one
 * parameter for any batch size (no 65,535-parameter limit), and no per-value work in the ORM,
 * which costs more than the database does at click rates. The events are serialised as they are
 * (Dates become ISO strings): the record type below names the ClickEvent keys, quoted, and the
 * SELECT maps them onto the columns, so no per-click object is built just to be serialised.
 */
const COLUMNS: [column: string, key: keyof ClickEvent, type: string][] = [
  ["workspace_id", "workspaceId", "text"],
  ["link_id", "linkId", "text"],
  ["root_link_id", "rootLinkId", "text"],
  ["occurred_at", "occurredAt", "timestamptz"], // epoch ms in the JSON (see clickRow)
  ["destination", "destination", "text"],
  ["rule", "rule", "click_rule"],
  ["country", "country", "text"],
  ["region", "region", "text"],
  ["city", "city", "text"],
  ["device_type", "deviceType", "device_type"],
  ["os", "os", "text"],
  ["browser", "browser", "text"],
  ["referrer", "referrer", "text"],
  ["referrer_host", "referrerHost", "text"],
  ["source", "source", "traffic_source"],
  ["is_qr", "isQr", "boolean"],
  ["is_bot", "isBot", "boolean"],
  ["contact_id", "contactId", "text"],
  ["visitor_key", "visitorKey", "text"],
];
export const INSERT_COLUMNS = COLUMNS.map(([column]) => column).join(", ");
export const SELECT_KEYS = COLUMNS.map(([column, key]) => (key === "occurredAt" ? `to_timestamp("occurredAt" / 1000.0) as ${column}` : `"${key}" as ${column}`)).join(", ");
export const RECORD_TYPE = COLUMNS.map(([, key, type]) => `"${key}" ${key === "occurredAt" ? "double precision" : type}`).join(", ");

/** The click columns of queued batches (`q.batch`), for the rollup statement. */
export const QUEUED_CLICKS_SQL = `select ${SELECT_KEYS} from q cross join lateral json_to_recordset(q.batch::json) as r(${RECORD_TYPE})`;
