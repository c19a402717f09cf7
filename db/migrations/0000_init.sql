CREATE TYPE "public"."plan" AS ENUM('starter', 'pro');--> statement-breakpoint
CREATE TYPE "public"."workspace_status" AS ENUM('active', 'uninstalled');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'user');--> statement-breakpoint
CREATE TYPE "public"."crm_user_type" AS ENUM('Company', 'Location');--> statement-breakpoint
CREATE TYPE "public"."domain_status" AS ENUM('pending', 'verified', 'failed');--> statement-breakpoint
CREATE TYPE "public"."link_status" AS ENUM('active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."click_rule" AS ENUM('country', 'device', 'ab', 'default');--> statement-breakpoint
CREATE TYPE "public"."device_type" AS ENUM('desktop', 'mobile', 'tablet');--> statement-breakpoint
CREATE TYPE "public"."traffic_source" AS ENUM('google', 'bing', 'duckduckgo', 'yahoo', 'facebook', 'instagram', 'threads', 'messenger', 'twitter', 'linkedin', 'tiktok', 'youtube', 'reddit', 'pinterest', 'snapchat', 'whatsapp', 'telegram', 'line', 'wechat', 'email', 'sms', 'qr', 'direct', 'other');--> statement-breakpoint
CREATE TYPE "public"."lead_sync_status" AS ENUM('pending', 'synced', 'failed');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('pending', 'running', 'done', 'dead');--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"crm_location_id" text NOT NULL,
	"crm_company_id" text,
	"name" text NOT NULL,
	"plan" "plan" DEFAULT 'starter' NOT NULL,
	"crm_plan_id" text,
	"status" "workspace_status" DEFAULT 'active' NOT NULL,
	"uninstalled_at" timestamp with time zone,
	"purge_after" timestamp with time zone,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"branding" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"branding_enabled" boolean DEFAULT false NOT NULL,
	"white_label" boolean DEFAULT false NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by_user_id" text,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"crm_user_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"role" "user_role" DEFAULT 'user' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_contacts" (
	"workspace_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"belongs_to_location" boolean,
	"name" text,
	"email" text,
	"verified_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_contacts_workspace_id_contact_id_pk" PRIMARY KEY("workspace_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "crm_custom_fields" (
	"workspace_id" text NOT NULL,
	"key" text NOT NULL,
	"crm_field_id" text NOT NULL,
	"crm_field_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_custom_fields_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
CREATE TABLE "crm_installations" (
	"id" text PRIMARY KEY NOT NULL,
	"user_type" "crm_user_type" NOT NULL,
	"company_id" text,
	"location_id" text,
	"workspace_id" text,
	"access_token_enc" text,
	"refresh_token_enc" text,
	"expires_at" timestamp with time zone,
	"scopes" text DEFAULT '' NOT NULL,
	"crm_user_id" text,
	"plan_id" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uninstalled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_installations_owner_ck" CHECK (("crm_installations"."user_type" = 'Location' and "crm_installations"."location_id" is not null) or ("crm_installations"."user_type" = 'Company' and "crm_installations"."company_id" is not null and "crm_installations"."location_id" is null))
);
--> statement-breakpoint
CREATE TABLE "crm_trigger_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"trigger_id" text NOT NULL,
	"trigger_key" text NOT NULL,
	"workflow_id" text,
	"target_url" text NOT NULL,
	"filters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"trigger_version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_writeback_sessions" (
	"workspace_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"link_id" text NOT NULL,
	"last_writeback_at" timestamp with time zone NOT NULL,
	"last_click_at" timestamp with time zone NOT NULL,
	CONSTRAINT "crm_writeback_sessions_workspace_id_contact_id_link_id_pk" PRIMARY KEY("workspace_id","contact_id","link_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"webhook_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"location_id" text,
	"company_id" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "domains" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"hostname" text NOT NULL,
	"verification_token" text NOT NULL,
	"status" "domain_status" DEFAULT 'pending' NOT NULL,
	"verified_at" timestamp with time zone,
	"last_checked_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domains_hostname_lower_ck" CHECK ("domains"."hostname" = lower("domains"."hostname") and "domains"."hostname" <> '')
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT '#6366f1' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_name_not_blank_ck" CHECK (btrim("tags"."name") <> ''),
	CONSTRAINT "tags_color_hex_ck" CHECK ("tags"."color" ~ '^#[0-9a-fA-F]{6}$')
);
--> statement-breakpoint
CREATE TABLE "campaign_tags" (
	"campaign_id" text NOT NULL,
	"tag_id" text NOT NULL,
	CONSTRAINT "campaign_tags_campaign_id_tag_id_pk" PRIMARY KEY("campaign_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_name_not_blank_ck" CHECK (btrim("campaigns"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "link_tags" (
	"link_id" text NOT NULL,
	"tag_id" text NOT NULL,
	CONSTRAINT "link_tags_link_id_tag_id_pk" PRIMARY KEY("link_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "links" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"domain" text DEFAULT '' NOT NULL,
	"slug" text NOT NULL,
	"url" text NOT NULL,
	"title" text,
	"description" text,
	"utm" jsonb,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"password_hash" text,
	"expires_at" timestamp with time zone,
	"expired_url" text,
	"click_limit" integer,
	"limit_url" text,
	"lead_capture" jsonb,
	"crm" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"preview" jsonb,
	"qr_style" jsonb,
	"status" "link_status" DEFAULT 'active' NOT NULL,
	"campaign_id" text,
	"created_by_user_id" text,
	"parent_link_id" text,
	"contact_id" text,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"last_clicked_at" timestamp with time zone,
	"human_clicks" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_domain_lower_ck" CHECK ("links"."domain" = lower("links"."domain")),
	CONSTRAINT "links_slug_not_empty_ck" CHECK ("links"."slug" <> ''),
	CONSTRAINT "links_urls_http_ck" CHECK ("links"."url" ~* '^https?://' and ("links"."expired_url" is null or "links"."expired_url" ~* '^https?://') and ("links"."limit_url" is null or "links"."limit_url" ~* '^https?://')),
	CONSTRAINT "links_click_limit_ck" CHECK ("links"."click_limit" is null or "links"."click_limit" > 0),
	CONSTRAINT "links_contact_needs_parent_ck" CHECK ("links"."contact_id" is null or "links"."parent_link_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "unlock_attempts" (
	"link_id" text NOT NULL,
	"visitor_key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unlock_attempts_link_id_visitor_key_window_start_pk" PRIMARY KEY("link_id","visitor_key","window_start")
);
--> statement-breakpoint
CREATE TABLE "landing_pages" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"bio" text,
	"avatar_url" text,
	"template" text DEFAULT 'classic' NOT NULL,
	"theme" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"blocks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"socials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "landing_pages_slug_not_empty_ck" CHECK ("landing_pages"."slug" <> '')
);
--> statement-breakpoint
CREATE TABLE "clicks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"link_id" text,
	"root_link_id" text,
	"landing_page_id" text,
	"button_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"destination" text,
	"rule" "click_rule",
	"country" text,
	"region" text,
	"city" text,
	"device_type" "device_type",
	"os" text,
	"browser" text,
	"referrer" text,
	"referrer_host" text,
	"source" "traffic_source" DEFAULT 'direct' NOT NULL,
	"is_qr" boolean DEFAULT false NOT NULL,
	"is_bot" boolean DEFAULT false NOT NULL,
	"contact_id" text,
	"visitor_key" text NOT NULL,
	CONSTRAINT "clicks_target_ck" CHECK ("clicks"."link_id" is not null or "clicks"."landing_page_id" is not null),
	CONSTRAINT "clicks_root_link_ck" CHECK (("clicks"."link_id" is null) = ("clicks"."root_link_id" is null))
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"link_id" text NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visitor_key" text NOT NULL,
	"crm_contact_id" text,
	"sync_status" "lead_sync_status" DEFAULT 'pending' NOT NULL,
	"last_error" text,
	"synced_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text,
	"type" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "job_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_attempts_ck" CHECK ("jobs"."attempts" >= 0 and "jobs"."max_attempts" > 0)
);
--> statement-breakpoint
CREATE TABLE "sandbox_companies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"location_id" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"email" text,
	"phone" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text,
	"date_added" timestamp with time zone DEFAULT now() NOT NULL,
	"date_updated" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_custom_fields" (
	"id" text PRIMARY KEY NOT NULL,
	"location_id" text NOT NULL,
	"name" text NOT NULL,
	"field_key" text NOT NULL,
	"data_type" text NOT NULL,
	"model" text DEFAULT 'contact' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_locations" (
	"id" text PRIMARY KEY NOT NULL,
	"company_id" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_app_installed" boolean DEFAULT false NOT NULL,
	"plan_id" text,
	"installed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"contact_id" text NOT NULL,
	"body" text NOT NULL,
	"user_id" text,
	"date_added" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_oauth_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"user_type" text NOT NULL,
	"company_id" text NOT NULL,
	"location_id" text,
	"user_id" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sandbox_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_type" text NOT NULL,
	"company_id" text NOT NULL,
	"location_id" text,
	"access_token" text NOT NULL,
	"refresh_token" text NOT NULL,
	"scopes" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_trigger_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"contact_id" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_users" (
	"id" text PRIMARY KEY NOT NULL,
	"company_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text DEFAULT 'user' NOT NULL,
	"type" text DEFAULT 'account' NOT NULL,
	"location_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_workflows" (
	"id" text PRIMARY KEY NOT NULL,
	"location_id" text NOT NULL,
	"name" text NOT NULL,
	"trigger_key" text NOT NULL,
	"trigger_id" text NOT NULL,
	"filters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_contacts" ADD CONSTRAINT "crm_contacts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_custom_fields" ADD CONSTRAINT "crm_custom_fields_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_installations" ADD CONSTRAINT "crm_installations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_trigger_subscriptions" ADD CONSTRAINT "crm_trigger_subscriptions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_writeback_sessions" ADD CONSTRAINT "crm_writeback_sessions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_writeback_sessions" ADD CONSTRAINT "crm_writeback_sessions_link_id_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domains" ADD CONSTRAINT "domains_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tags" ADD CONSTRAINT "campaign_tags_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tags" ADD CONSTRAINT "campaign_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_tags" ADD CONSTRAINT "link_tags_link_id_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_tags" ADD CONSTRAINT "link_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_parent_link_id_links_id_fk" FOREIGN KEY ("parent_link_id") REFERENCES "public"."links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlock_attempts" ADD CONSTRAINT "unlock_attempts_link_id_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "landing_pages" ADD CONSTRAINT "landing_pages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_link_id_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_root_link_id_links_id_fk" FOREIGN KEY ("root_link_id") REFERENCES "public"."links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_landing_page_id_landing_pages_id_fk" FOREIGN KEY ("landing_page_id") REFERENCES "public"."landing_pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_link_id_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_contacts" ADD CONSTRAINT "sandbox_contacts_location_id_sandbox_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."sandbox_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_custom_fields" ADD CONSTRAINT "sandbox_custom_fields_location_id_sandbox_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."sandbox_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_locations" ADD CONSTRAINT "sandbox_locations_company_id_sandbox_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sandbox_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_notes" ADD CONSTRAINT "sandbox_notes_contact_id_sandbox_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."sandbox_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_trigger_events" ADD CONSTRAINT "sandbox_trigger_events_workflow_id_sandbox_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."sandbox_workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_users" ADD CONSTRAINT "sandbox_users_company_id_sandbox_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sandbox_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_workflows" ADD CONSTRAINT "sandbox_workflows_location_id_sandbox_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."sandbox_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workspaces_crm_location_uq" ON "workspaces" USING btree ("crm_location_id");--> statement-breakpoint
CREATE INDEX "workspaces_company_idx" ON "workspaces" USING btree ("crm_company_id");--> statement-breakpoint
CREATE INDEX "workspaces_purge_idx" ON "workspaces" USING btree ("purge_after") WHERE "workspaces"."status" = 'uninstalled';--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_uq" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_workspace_idx" ON "api_keys" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "api_keys_created_by_idx" ON "api_keys" USING btree ("created_by_user_id") WHERE "api_keys"."created_by_user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_workspace_crm_user_uq" ON "users" USING btree ("workspace_id","crm_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_installations_location_uq" ON "crm_installations" USING btree ("location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_installations_company_uq" ON "crm_installations" USING btree ("company_id") WHERE "crm_installations"."user_type" = 'Company';--> statement-breakpoint
CREATE INDEX "crm_installations_workspace_idx" ON "crm_installations" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_trigger_subscriptions_trigger_uq" ON "crm_trigger_subscriptions" USING btree ("trigger_id");--> statement-breakpoint
CREATE INDEX "crm_trigger_subscriptions_workspace_idx" ON "crm_trigger_subscriptions" USING btree ("workspace_id","trigger_key");--> statement-breakpoint
CREATE INDEX "crm_writeback_sessions_link_idx" ON "crm_writeback_sessions" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "webhook_events_received_idx" ON "webhook_events" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "domains_hostname_uq" ON "domains" USING btree ("hostname");--> statement-breakpoint
CREATE INDEX "domains_workspace_idx" ON "domains" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tags_workspace_name_uq" ON "tags" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "campaign_tags_tag_idx" ON "campaign_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_workspace_name_uq" ON "campaigns" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "campaigns_workspace_created_idx" ON "campaigns" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "link_tags_tag_idx" ON "link_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "links_domain_slug_uq" ON "links" USING btree ("domain","slug");--> statement-breakpoint
CREATE INDEX "links_workspace_created_idx" ON "links" USING btree ("workspace_id","created_at","id") WHERE "links"."parent_link_id" is null;--> statement-breakpoint
CREATE INDEX "links_workspace_status_idx" ON "links" USING btree ("workspace_id","status","created_at") WHERE "links"."parent_link_id" is null;--> statement-breakpoint
CREATE INDEX "links_campaign_idx" ON "links" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "links_parent_idx" ON "links" USING btree ("parent_link_id","created_at") WHERE "links"."parent_link_id" is not null;--> statement-breakpoint
CREATE INDEX "links_contact_idx" ON "links" USING btree ("workspace_id","contact_id") WHERE "links"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "links_created_by_idx" ON "links" USING btree ("created_by_user_id") WHERE "links"."created_by_user_id" is not null;--> statement-breakpoint
CREATE INDEX "unlock_attempts_window_idx" ON "unlock_attempts" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "landing_pages_slug_uq" ON "landing_pages" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "landing_pages_workspace_created_idx" ON "landing_pages" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "clicks_workspace_time_idx" ON "clicks" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE INDEX "clicks_root_link_time_idx" ON "clicks" USING btree ("root_link_id","occurred_at");--> statement-breakpoint
CREATE INDEX "clicks_link_time_idx" ON "clicks" USING btree ("link_id","occurred_at");--> statement-breakpoint
CREATE INDEX "clicks_contact_idx" ON "clicks" USING btree ("workspace_id","contact_id","occurred_at") WHERE "clicks"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "clicks_landing_page_time_idx" ON "clicks" USING btree ("landing_page_id","occurred_at") WHERE "clicks"."landing_page_id" is not null;--> statement-breakpoint
CREATE INDEX "leads_workspace_created_idx" ON "leads" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_link_created_idx" ON "leads" USING btree ("link_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_contact_idx" ON "leads" USING btree ("workspace_id","crm_contact_id") WHERE "leads"."crm_contact_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_idempotency_uq" ON "jobs" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "jobs_workspace_status_idx" ON "jobs" USING btree ("workspace_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "sandbox_contacts_location_idx" ON "sandbox_contacts" USING btree ("location_id","date_added");--> statement-breakpoint
CREATE INDEX "sandbox_contacts_email_idx" ON "sandbox_contacts" USING btree ("location_id",lower("email"));--> statement-breakpoint
CREATE INDEX "sandbox_contacts_phone_idx" ON "sandbox_contacts" USING btree ("location_id","phone");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_custom_fields_key_uq" ON "sandbox_custom_fields" USING btree ("location_id","field_key");--> statement-breakpoint
CREATE INDEX "sandbox_locations_company_idx" ON "sandbox_locations" USING btree ("company_id","position");--> statement-breakpoint
CREATE INDEX "sandbox_notes_contact_idx" ON "sandbox_notes" USING btree ("contact_id","date_added");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_tokens_access_uq" ON "sandbox_tokens" USING btree ("access_token");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_tokens_refresh_uq" ON "sandbox_tokens" USING btree ("refresh_token");--> statement-breakpoint
CREATE INDEX "sandbox_tokens_location_idx" ON "sandbox_tokens" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "sandbox_trigger_events_workflow_idx" ON "sandbox_trigger_events" USING btree ("workflow_id","received_at");--> statement-breakpoint
CREATE INDEX "sandbox_users_company_idx" ON "sandbox_users" USING btree ("company_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_workflows_trigger_uq" ON "sandbox_workflows" USING btree ("trigger_id");--> statement-breakpoint
CREATE INDEX "sandbox_workflows_location_idx" ON "sandbox_workflows" USING btree ("location_id");