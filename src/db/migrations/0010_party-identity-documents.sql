ALTER TABLE "case_parties" ADD COLUMN "id_type" text;--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "nationality" text;