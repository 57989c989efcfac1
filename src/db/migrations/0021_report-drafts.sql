CREATE TABLE "report_drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"year" integer NOT NULL,
	"state" text DEFAULT 'drafting' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"draft" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"figures_refreshed_at" timestamp with time zone NOT NULL,
	"created_by" integer NOT NULL,
	"author_id" integer,
	"return_reason" text,
	"last_acted_on" date NOT NULL,
	"published_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"docx_digest" text,
	"docx_size" bigint,
	"pdf_digest" text,
	"pdf_size" bigint,
	"content_digest" text,
	"seal" jsonb
);
--> statement-breakpoint
CREATE TABLE "report_signing_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_signing_keys_public_key_unique" UNIQUE("public_key")
);
--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_drafts_org_year_idx" ON "report_drafts" USING btree ("organization_id","year");--> statement-breakpoint
CREATE INDEX "report_drafts_year_idx" ON "report_drafts" USING btree ("year","state");