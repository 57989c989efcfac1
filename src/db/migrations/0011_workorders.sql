CREATE TABLE "work_orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"unit_id" integer,
	"number" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"category_kind" text NOT NULL,
	"category_code" text NOT NULL,
	"content" text NOT NULL,
	"address" text NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	"requester_name" text,
	"requester_phone" text,
	"received_on" date NOT NULL,
	"last_acted_on" date NOT NULL,
	"due_on" date,
	"designated" boolean DEFAULT false NOT NULL,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"last_satisfaction" text,
	"completed_on" date,
	"visited_on" date,
	"merged_into_id" integer,
	"external_source" text,
	"external_number" text,
	"record" jsonb NOT NULL,
	"registered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_unit_id_organizations_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_number_idx" ON "work_orders" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_external_idx" ON "work_orders" USING btree ("external_source","external_number");--> statement-breakpoint
CREATE INDEX "work_orders_unit_state_due_idx" ON "work_orders" USING btree ("unit_id","state","due_on");--> statement-breakpoint
CREATE INDEX "work_orders_org_received_idx" ON "work_orders" USING btree ("organization_id","received_on");