-- One deadlines table for every ledger (issue 11): case_deadlines moves into it, ids kept (so the order of a
-- case's deadlines is unchanged); met_on is the date in China of met_at, the only date recorded before this
-- migration; from now on services write the date of the act that met the deadline.
CREATE TABLE "deadlines" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"met_on" date,
	"met_at" timestamp with time zone,
	"article" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "deadlines" ("id", "subject_type", "subject_id", "organization_id", "kind", "due_on", "met_on", "met_at", "article")
SELECT "id", 'case', "case_id", "organization_id", "kind", "due_on", ("met_at" AT TIME ZONE 'Asia/Shanghai')::date, "met_at", "article"
FROM "case_deadlines" ORDER BY "id";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"deadlines"', 'id'), coalesce((SELECT max("id") FROM "deadlines"), 0) + 1, false);--> statement-breakpoint
CREATE INDEX "deadlines_open_due_idx" ON "deadlines" USING btree ("due_on","subject_type") WHERE "deadlines"."met_on" is null;--> statement-breakpoint
CREATE INDEX "deadlines_subject_idx" ON "deadlines" USING btree ("subject_type","subject_id","kind");--> statement-breakpoint
DROP TABLE "case_deadlines" CASCADE;
