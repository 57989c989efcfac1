CREATE TABLE "inspection_draw_subjects" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"subject_id" integer NOT NULL,
	"inspection_id" integer,
	"officer_ids" integer[] NOT NULL,
	"result_published_on" date,
	"result_due_on" date,
	"result_late_reason" text,
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD CONSTRAINT "inspection_draw_subjects_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD CONSTRAINT "inspection_draw_subjects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD CONSTRAINT "inspection_draw_subjects_item_id_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD CONSTRAINT "inspection_draw_subjects_subject_id_inspection_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."inspection_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draw_subjects" ADD CONSTRAINT "inspection_draw_subjects_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_draw_subjects_plan_item_subject_idx" ON "inspection_draw_subjects" USING btree ("plan_id","item_id","subject_id");--> statement-breakpoint
CREATE INDEX "inspection_draw_subjects_inspection_idx" ON "inspection_draw_subjects" USING btree ("inspection_id");