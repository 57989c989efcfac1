CREATE TABLE "indicator_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"year" integer NOT NULL,
	"key" text NOT NULL,
	"value" double precision NOT NULL,
	"numerator" integer,
	"denominator" integer,
	"source_note" text NOT NULL,
	"attachment_name" text,
	"attachment_media_type" text,
	"attachment_size" bigint,
	"attachment_digest" text,
	"entered_by" integer NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_entries" ADD CONSTRAINT "indicator_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_entries" ADD CONSTRAINT "indicator_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_entries_org_year_key_idx" ON "indicator_entries" USING btree ("organization_id","year","key");--> statement-breakpoint
CREATE INDEX "indicator_entries_year_idx" ON "indicator_entries" USING btree ("year","key");