CREATE TABLE "inspection_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"score" integer NOT NULL,
	"concerns" text[] NOT NULL,
	"comment" text,
	"rated_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_ratings" ADD CONSTRAINT "inspection_ratings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_ratings" ADD CONSTRAINT "inspection_ratings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_ratings_inspection_idx" ON "inspection_ratings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_ratings_org_idx" ON "inspection_ratings" USING btree ("organization_id","rated_on");