CREATE TABLE "work_order_intake_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"system" text NOT NULL,
	"channel" text NOT NULL,
	"organization_id" integer NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer
);
--> statement-breakpoint
CREATE TABLE "work_order_lookup_codes" (
	"work_order_id" integer PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_order_intake_keys" ADD CONSTRAINT "work_order_intake_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_lookup_codes" ADD CONSTRAINT "work_order_lookup_codes_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "work_order_intake_keys_hash_idx" ON "work_order_intake_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "work_order_intake_keys_org_idx" ON "work_order_intake_keys" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "work_orders_unit_open_due_idx" ON "work_orders" USING btree ("unit_id","due_on","id") WHERE "work_orders"."state" in ('dispatched', 'handling');