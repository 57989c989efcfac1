CREATE TABLE "benchmark_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"match_key" text NOT NULL,
	"category" text NOT NULL,
	"penalty_provision" text NOT NULL,
	"statutory_range" text NOT NULL,
	"party_kind" text NOT NULL,
	"tier_count" integer NOT NULL,
	"item" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmark_source_rows" (
	"version_id" integer NOT NULL,
	"row" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"rejection" text,
	CONSTRAINT "benchmark_source_rows_version_id_row_pk" PRIMARY KEY("version_id","row")
);
--> statement-breakpoint
CREATE TABLE "benchmark_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"organization_id" integer,
	"name" text NOT NULL,
	"issuer" text,
	"document_number" text,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"published_on" date NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"comment_lines" jsonb NOT NULL,
	"header" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"rule_count" integer NOT NULL,
	"item_count" integer NOT NULL,
	"rejected_count" integer NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_discretion" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"benchmark_item_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"facts" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"tier_code" text,
	"tier_name" text,
	"range_min_fen" bigint,
	"range_max_fen" bigint,
	"proposed_fine_fen" bigint,
	"within_range" boolean,
	"outside_range_reason" text,
	"explanation" text NOT NULL,
	"stage" text NOT NULL,
	"assessed_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemption_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"matter" text NOT NULL,
	"type" text NOT NULL,
	"item" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benchmark_items" ADD CONSTRAINT "benchmark_items_version_id_benchmark_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."benchmark_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_source_rows" ADD CONSTRAINT "benchmark_source_rows_version_id_benchmark_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."benchmark_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD CONSTRAINT "benchmark_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_discretion" ADD CONSTRAINT "case_discretion_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_discretion" ADD CONSTRAINT "case_discretion_version_id_benchmark_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."benchmark_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_discretion" ADD CONSTRAINT "case_discretion_benchmark_item_id_benchmark_items_id_fk" FOREIGN KEY ("benchmark_item_id") REFERENCES "public"."benchmark_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemption_items" ADD CONSTRAINT "exemption_items_version_id_benchmark_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."benchmark_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_items_version_key_idx" ON "benchmark_items" USING btree ("version_id","item_key");--> statement-breakpoint
CREATE INDEX "benchmark_items_match_idx" ON "benchmark_items" USING btree ("version_id","match_key");--> statement-breakpoint
CREATE INDEX "benchmark_versions_org_kind_idx" ON "benchmark_versions" USING btree ("organization_id","kind");--> statement-breakpoint
CREATE INDEX "case_discretion_item_tier_idx" ON "case_discretion" USING btree ("item_key","tier_code");--> statement-breakpoint
CREATE INDEX "case_discretion_org_idx" ON "case_discretion" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exemption_items_version_key_idx" ON "exemption_items" USING btree ("version_id","item_key");