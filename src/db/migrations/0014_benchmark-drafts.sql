ALTER TABLE "benchmark_versions" ALTER COLUMN "published_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD COLUMN "status" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD COLUMN "confirmed_by" integer;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD COLUMN "withdrawn_by" integer;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD COLUMN "withdrawal_reason" text;