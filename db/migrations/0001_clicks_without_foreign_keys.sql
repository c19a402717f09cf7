ALTER TABLE "clicks" DROP CONSTRAINT "clicks_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "clicks" DROP CONSTRAINT "clicks_link_id_links_id_fk";
--> statement-breakpoint
ALTER TABLE "clicks" DROP CONSTRAINT "clicks_root_link_id_links_id_fk";
