DROP INDEX "deadlines_open_due_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "penalty_kinds" jsonb GENERATED ALWAYS AS (case when decision_kind = 'penalty' and decision_status <> 'revoked' then record -> 'decision' -> 'penalty' -> 'kinds' end) STORED;--> statement-breakpoint
CREATE INDEX "cases_id_cover_idx" ON "cases" USING btree ("id","organization_id","registered_on","state");--> statement-breakpoint
CREATE INDEX "cases_penalty_kinds_idx" ON "cases" USING gin ("penalty_kinds" jsonb_path_ops) WHERE "cases"."penalty_kinds" is not null;--> statement-breakpoint
CREATE INDEX "deadlines_open_due_idx" ON "deadlines" USING btree ("due_on","subject_type","subject_id","organization_id") WHERE "deadlines"."met_on" is null;--> statement-breakpoint
-- The planner needs statistics on the new column at once (the penalty kind filter chooses by how many cases match).
ANALYZE "cases";
