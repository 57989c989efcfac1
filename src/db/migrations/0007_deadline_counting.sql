ALTER TABLE "deadlines" ADD COLUMN "counted_from" date;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "period_days" integer;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "period_kind" text;