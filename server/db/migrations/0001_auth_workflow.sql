CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"commune_id" integer NOT NULL,
	"status" text NOT NULL,
	"effective_date" date NOT NULL,
	"legal_basis" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"base_change_id" integer,
	"corrects_id" integer,
	"attachment_id" text,
	"proposer_id" integer NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decider_id" integer,
	"decided_at" timestamp with time zone,
	"reason" text,
	"change_id" integer,
	CONSTRAINT "status_proposals_state" CHECK ("status_proposals"."state" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "status_proposals_status" CHECK ("status_proposals"."status" in ('drug_free', 'complex', 'transformed', 'relapsed'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_proposals" ADD CONSTRAINT "status_proposals_commune_id_admin_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_proposals" ADD CONSTRAINT "status_proposals_base_change_id_commune_status_changes_id_fk" FOREIGN KEY ("base_change_id") REFERENCES "public"."commune_status_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_proposals" ADD CONSTRAINT "status_proposals_corrects_id_commune_status_changes_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."commune_status_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_proposals" ADD CONSTRAINT "status_proposals_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_proposals" ADD CONSTRAINT "status_proposals_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_proposals" ADD CONSTRAINT "status_proposals_decider_id_users_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_proposals" ADD CONSTRAINT "status_proposals_change_id_commune_status_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."commune_status_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "status_proposals_commune" ON "status_proposals" USING btree ("commune_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "status_proposals_one_pending" ON "status_proposals" USING btree ("commune_id") WHERE "status_proposals"."state" = 'pending';--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role" CHECK ("users"."role" in ('admin', 'leader', 'police', 'editor', 'approver'));