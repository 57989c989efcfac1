CREATE TABLE "inspection_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"basis" text NOT NULL,
	"subject_kinds" text[] NOT NULL,
	"method" text NOT NULL,
	"yearly_cap" integer,
	"random" boolean NOT NULL,
	"published_on" date,
	"withdrawn_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"plan" jsonb NOT NULL,
	"seed" text,
	"seed_published_at" timestamp with time zone,
	"proof" jsonb,
	"drawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_subjects" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text NOT NULL,
	"category" text NOT NULL,
	"risk_class" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"number" text NOT NULL,
	"code" text,
	"subject_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"trigger" text NOT NULL,
	"cap_exempt" boolean NOT NULL,
	"method" text NOT NULL,
	"method_reason" text,
	"emergency_on" date,
	"officers" jsonb NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"registered_on" date NOT NULL,
	"last_acted_on" date NOT NULL,
	"inspected_on" date,
	"rectify_due_on" date,
	"record" jsonb NOT NULL,
	"registered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_problems" (
	"id" serial PRIMARY KEY NOT NULL,
	"patrol_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"category_kind" text NOT NULL,
	"category_code" text NOT NULL,
	"place" text NOT NULL,
	"description" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"found_on" date NOT NULL,
	"due_on" date,
	"last_acted_on" date NOT NULL,
	"case_id" integer,
	"record" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrols" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"area" text NOT NULL,
	"route" text NOT NULL,
	"planned_on" date NOT NULL,
	"officer_ids" integer[] NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_acted_on" date NOT NULL,
	"record" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_items" ADD CONSTRAINT "inspection_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_subjects" ADD CONSTRAINT "inspection_subjects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_subject_id_inspection_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."inspection_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_item_id_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_problems" ADD CONSTRAINT "patrol_problems_patrol_id_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."patrols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_problems" ADD CONSTRAINT "patrol_problems_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrols" ADD CONSTRAINT "patrols_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_items_org_code_idx" ON "inspection_items" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "inspection_plans_org_year_idx" ON "inspection_plans" USING btree ("organization_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_subjects_org_code_idx" ON "inspection_subjects" USING btree ("organization_id","credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_number_idx" ON "inspections" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_code_idx" ON "inspections" USING btree ("code");--> statement-breakpoint
CREATE INDEX "inspections_subject_item_idx" ON "inspections" USING btree ("subject_id","item_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_org_state_idx" ON "inspections" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "patrol_problems_org_state_idx" ON "patrol_problems" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "patrol_problems_patrol_idx" ON "patrol_problems" USING btree ("patrol_id");--> statement-breakpoint
CREATE INDEX "patrols_org_day_idx" ON "patrols" USING btree ("organization_id","planned_on");