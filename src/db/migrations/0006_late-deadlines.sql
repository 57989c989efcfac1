-- A deadline met by an act after its due date keeps that it was late and why (issue 12 item 12). Rows met before
-- this migration stay met_late = false: a met_on after due_on then may also be a deadline closed as moot.
ALTER TABLE "deadlines" ADD COLUMN "met_late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "late_reason" text;