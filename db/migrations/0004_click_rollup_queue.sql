CREATE TABLE "click_rollup_queue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch" text NOT NULL
);
