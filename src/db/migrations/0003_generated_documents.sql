CREATE TABLE "generated_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"digest" text NOT NULL,
	"size" integer NOT NULL,
	"pages" integer,
	"generated_by" integer NOT NULL,
	"generated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "generated_documents" ADD CONSTRAINT "generated_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "generated_documents_case_idx" ON "generated_documents" USING btree ("case_id");