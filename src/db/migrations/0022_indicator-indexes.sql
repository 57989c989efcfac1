ALTER TABLE "cases" ADD COLUMN "first_review_on" text GENERATED ALWAYS AS (record -> 'legalReviews' -> 0 ->> 'on') STORED;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "last_review_on" text GENERATED ALWAYS AS (record -> 'legalReviews' -> -1 ->> 'on') STORED;--> statement-breakpoint
CREATE INDEX "case_publicity_org_published_idx" ON "case_publicity" USING btree ("organization_id","published_at");--> statement-breakpoint
CREATE INDEX "cases_org_decided_idx" ON "cases" USING btree ("organization_id","decided_on");--> statement-breakpoint
CREATE INDEX "cases_org_last_acted_idx" ON "cases" USING btree ("organization_id","last_acted_on");--> statement-breakpoint
CREATE INDEX "cases_org_last_review_idx" ON "cases" USING btree ("organization_id","last_review_on") WHERE "cases"."last_review_on" is not null;--> statement-breakpoint
CREATE INDEX "inspections_org_inspected_idx" ON "inspections" USING btree ("organization_id","inspected_on");--> statement-breakpoint
CREATE INDEX "work_orders_org_completed_idx" ON "work_orders" USING btree ("organization_id","completed_on");--> statement-breakpoint
CREATE INDEX "work_orders_unit_completed_idx" ON "work_orders" USING btree ("unit_id","completed_on");--> statement-breakpoint
CREATE INDEX "work_orders_org_visited_idx" ON "work_orders" USING btree ("organization_id","visited_on");--> statement-breakpoint
CREATE INDEX "work_orders_unit_visited_idx" ON "work_orders" USING btree ("unit_id","visited_on");