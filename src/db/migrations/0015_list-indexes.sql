CREATE INDEX "cases_state_id_idx" ON "cases" USING btree ("state","id");--> statement-breakpoint
CREATE INDEX "cases_registered_on_id_idx" ON "cases" USING btree ("registered_on","id");--> statement-breakpoint
CREATE INDEX "cases_officer_ids_idx" ON "cases" USING gin ("officer_ids");