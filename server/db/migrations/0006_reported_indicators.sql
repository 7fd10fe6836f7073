CREATE TABLE "reported_indicators" (
	"plan_id" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"measure" text NOT NULL,
	"period" text NOT NULL,
	"levels" text[] NOT NULL,
	"target" jsonb NOT NULL,
	CONSTRAINT "reported_indicators_plan_id_code_pk" PRIMARY KEY("plan_id","code"),
	CONSTRAINT "reported_indicators_measure" CHECK ("reported_indicators"."measure" in ('count', 'share')),
	CONSTRAINT "reported_indicators_period" CHECK ("reported_indicators"."period" in ('month', 'quarter', 'year'))
);
--> statement-breakpoint
CREATE TABLE "reported_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" integer,
	"note" text DEFAULT '' NOT NULL,
	"attachment_id" text,
	"proposer_id" integer,
	"author_name" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decider_id" integer,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "reported_values_state" CHECK ("reported_values"."state" in ('pending', 'approved', 'rejected', 'replaced')),
	CONSTRAINT "reported_values_numbers" CHECK ("reported_values"."numerator" >= 0 and ("reported_values"."denominator" is null or "reported_values"."numerator" <= "reported_values"."denominator"))
);
--> statement-breakpoint
CREATE TABLE "reporting_reopenings" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"period" text NOT NULL,
	"period_key" text NOT NULL,
	"until" date NOT NULL,
	"reason" text NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "report_due_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "report_lock_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "reported_indicators" ADD CONSTRAINT "reported_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_values" ADD CONSTRAINT "reported_values_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_values" ADD CONSTRAINT "reported_values_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_values" ADD CONSTRAINT "reported_values_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_values" ADD CONSTRAINT "reported_values_decider_id_users_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_values" ADD CONSTRAINT "reported_values_plan_id_code_reported_indicators_plan_id_code_fk" FOREIGN KEY ("plan_id","code") REFERENCES "public"."reported_indicators"("plan_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_reopenings" ADD CONSTRAINT "reporting_reopenings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_reopenings" ADD CONSTRAINT "reporting_reopenings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reported_values_period" ON "reported_values" USING btree ("plan_id","code","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "reported_values_one_pending" ON "reported_values" USING btree ("plan_id","code","unit_id","period_key") WHERE "reported_values"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "reported_values_one_approved" ON "reported_values" USING btree ("plan_id","code","unit_id","period_key") WHERE "reported_values"."state" = 'approved';--> statement-breakpoint
CREATE INDEX "reporting_reopenings_period" ON "reporting_reopenings" USING btree ("plan_id","period","period_key");