CREATE TABLE "click_contact_reach" (
	"workspace_id" text NOT NULL,
	"link_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"last_day" date NOT NULL,
	CONSTRAINT "click_contact_reach_workspace_id_link_id_contact_id_pk" PRIMARY KEY("workspace_id","link_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "click_rollups" (
	"workspace_id" text NOT NULL,
	"link_id" text NOT NULL,
	"dim" smallint NOT NULL,
	"monthly" boolean NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"clicks" bigint NOT NULL,
	CONSTRAINT "click_rollups_workspace_id_link_id_dim_monthly_day_key_pk" PRIMARY KEY("workspace_id","link_id","dim","monthly","day","key")
);
--> statement-breakpoint
CREATE TABLE "click_visitor_days" (
	"day" date NOT NULL,
	"workspace_id" text NOT NULL,
	"link_id" text NOT NULL,
	"visitor_key" text NOT NULL,
	CONSTRAINT "click_visitor_days_day_workspace_id_link_id_visitor_key_pk" PRIMARY KEY("day","workspace_id","link_id","visitor_key")
);
--> statement-breakpoint
CREATE INDEX "click_rollups_workspace_day_idx" ON "click_rollups" USING btree ("workspace_id","day");
--> statement-breakpoint
-- Backfill from the clicks recorded before this migration, with the expressions the click writer uses (lib/clicks/write-click-batch.ts).
INSERT INTO "click_rollups" ("workspace_id", "link_id", "dim", "monthly", "day", "key", "clicks")
WITH facts AS (
  SELECT b.workspace_id, s.link_id, d.dim, (b.occurred_at at time zone 'UTC')::date AS day, d.key
  FROM clicks b CROSS JOIN LATERAL (values (b.root_link_id, true), ('', false)) s(link_id, is_link) CROSS JOIN LATERAL (VALUES 
  (0, case when not b.is_bot then '' end),
  (1, case when not b.is_bot and b.is_qr then '' end),
  (2, case when b.is_bot then '' end),
  (3, case when not b.is_bot and b.contact_id is not null then '' end),
  (5, case when not b.is_bot then extract(hour from b.occurred_at at time zone 'UTC')::int::text end),
  (6, case when not b.is_bot then b.country end),
  (7, case when not b.is_bot and b.city is not null then coalesce(b.country, '') || E'\t' || b.city end),
  (8, case when not b.is_bot then b.device_type::text end),
  (9, case when not b.is_bot then b.os end),
  (10, case when not b.is_bot then b.browser end),
  (11, case when not b.is_bot then b.source::text end),
  (12, case when not b.is_bot then b.referrer_host end),
  (13, case when not b.is_bot and s.is_link and b.destination is not null
    then coalesce(b.rule::text, 'fallback') || E'\t' || left(b.destination, 1000) end),
  (14, case when not b.is_bot and not s.is_link then b.root_link_id end),
  (15, case when not b.is_bot then b.contact_id end)) d(dim, key)
  WHERE b.root_link_id IS NOT NULL AND d.key IS NOT NULL
  UNION ALL
  SELECT workspace_id, link_id, 4, day, '' FROM (
    SELECT DISTINCT b.workspace_id, s.link_id, (b.occurred_at at time zone 'UTC')::date AS day, b.visitor_key
    FROM clicks b CROSS JOIN LATERAL (values (b.root_link_id, true), ('', false)) s(link_id, is_link)
    WHERE NOT b.is_bot AND b.root_link_id IS NOT NULL
  ) v
), daily AS (
  SELECT workspace_id, link_id, dim, day, key, count(*) AS n FROM facts GROUP BY 1, 2, 3, 4, 5
)
SELECT workspace_id, link_id, dim, false, day, key, n FROM daily
UNION ALL
SELECT workspace_id, link_id, dim, true, date_trunc('month', day::timestamp)::date, key, sum(n) FROM daily GROUP BY 1, 2, 3, 5, 6;
--> statement-breakpoint
INSERT INTO "click_contact_reach" ("workspace_id", "link_id", "contact_id", "last_day")
SELECT b.workspace_id, s.link_id, b.contact_id, max((b.occurred_at at time zone 'UTC')::date)
FROM clicks b CROSS JOIN LATERAL (values (b.root_link_id, true), ('', false)) s(link_id, is_link)
WHERE NOT b.is_bot AND b.contact_id IS NOT NULL AND b.root_link_id IS NOT NULL
GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO "click_visitor_days" ("day", "workspace_id", "link_id", "visitor_key")
SELECT DISTINCT (b.occurred_at at time zone 'UTC')::date, b.workspace_id, s.link_id, b.visitor_key
FROM clicks b CROSS JOIN LATERAL (values (b.root_link_id, true), ('', false)) s(link_id, is_link)
WHERE NOT b.is_bot AND b.root_link_id IS NOT NULL AND b.occurred_at >= (current_date - 1)::timestamp AT TIME ZONE 'UTC';
