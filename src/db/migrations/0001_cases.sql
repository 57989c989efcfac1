CREATE TABLE "case_deadlines" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"met_at" timestamp with time zone,
	"article" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"issued_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"act" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"digest" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"collector_ids" integer[] NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"credit_code" text,
	"legal_representative" text,
	"phone" text,
	"address" text,
	"birth_date" date,
	"identity_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_publicity" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"status" text NOT NULL,
	"due_on" date NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"content" jsonb NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_settings" (
	"organization_id" integer PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"procedure" text NOT NULL,
	"state" text NOT NULL,
	"state_before_suspension" text,
	"version" integer DEFAULT 1 NOT NULL,
	"act_code" text NOT NULL,
	"clue_source" text NOT NULL,
	"title" text NOT NULL,
	"facts" text NOT NULL,
	"place" text NOT NULL,
	"act_started_on" date NOT NULL,
	"act_ended_on" date,
	"harms_safety" boolean DEFAULT false NOT NULL,
	"discovered_on" date NOT NULL,
	"registered_on" date NOT NULL,
	"last_acted_on" date NOT NULL,
	"power_item_id" integer,
	"officer_ids" integer[] NOT NULL,
	"registered_by" integer,
	"filed_on" date,
	"decision_kind" text,
	"decision_number" text,
	"decided_on" date,
	"decision_status" text,
	"fine_fen" bigint,
	"payment_due_on" date,
	"closed_on" date,
	"record" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_counters" (
	"organization_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "number_counters_organization_id_year_kind_pk" PRIMARY KEY("organization_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "power_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"violated_provision" text NOT NULL,
	"penalty_provision" text NOT NULL,
	"statutory_range" text NOT NULL,
	"category" text NOT NULL,
	"delegated_from_id" integer,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD CONSTRAINT "case_deadlines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_publicity" ADD CONSTRAINT "case_publicity_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_settings" ADD CONSTRAINT "case_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_power_item_id_power_items_id_fk" FOREIGN KEY ("power_item_id") REFERENCES "public"."power_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_items" ADD CONSTRAINT "power_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_items" ADD CONSTRAINT "power_items_delegated_from_id_organizations_id_fk" FOREIGN KEY ("delegated_from_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_deadlines_due_met_idx" ON "case_deadlines" USING btree ("due_on","met_at");--> statement-breakpoint
CREATE INDEX "case_deadlines_open_idx" ON "case_deadlines" USING btree ("due_on") WHERE "case_deadlines"."met_at" is null;--> statement-breakpoint
CREATE INDEX "case_deadlines_case_idx" ON "case_deadlines" USING btree ("case_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_org_number_idx" ON "case_documents" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_evidence_case_seq_idx" ON "case_evidence" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "case_parties_case_idx" ON "case_parties" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_parties_identity_idx" ON "case_parties" USING btree ("identity_key");--> statement-breakpoint
CREATE UNIQUE INDEX "case_publicity_case_idx" ON "case_publicity" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_publicity_status_idx" ON "case_publicity" USING btree ("status","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_act_code_idx" ON "cases" USING btree ("act_code");--> statement-breakpoint
CREATE INDEX "cases_org_state_idx" ON "cases" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "cases_power_item_idx" ON "cases" USING btree ("power_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "power_items_org_code_idx" ON "power_items" USING btree ("organization_id","code");