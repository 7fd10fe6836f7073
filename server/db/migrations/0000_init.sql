CREATE TABLE "admin_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" integer,
	"geometry" jsonb NOT NULL,
	"bbox" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "admin_units_level" CHECK ("admin_units"."level" in ('province', 'district', 'commune'))
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"address" text,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commune_status_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"commune_id" integer NOT NULL,
	"status" text NOT NULL,
	"effective_date" date NOT NULL,
	"legal_basis" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"corrects_id" integer,
	"external_ref" text,
	CONSTRAINT "commune_status_changes_external_ref_unique" UNIQUE("external_ref"),
	CONSTRAINT "status_changes_status" CHECK ("commune_status_changes"."status" in ('drug_free', 'complex', 'transformed', 'relapsed'))
);
--> statement-breakpoint
CREATE TABLE "hotspot_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"hotspot_id" integer NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotspot_events_kind" CHECK ("hotspot_events"."kind" in ('detected', 'eliminated', 'reformed'))
);
--> statement-breakpoint
CREATE TABLE "hotspots" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_ref" text,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"activities" text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"commune_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotspots_external_ref_unique" UNIQUE("external_ref"),
	CONSTRAINT "hotspots_kind" CHECK ("hotspots"."kind" in ('diem', 'tu_diem'))
);
--> statement-breakpoint
CREATE TABLE "map_layers" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"geometry" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_selections" (
	"plan_id" text NOT NULL,
	"commune_id" integer NOT NULL,
	"selected_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "plan_selections_plan_id_commune_id_pk" PRIMARY KEY("plan_id","commune_id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"legal_ref" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"targets" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_scopes" (
	"user_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "user_scopes_user_id_unit_id_pk" PRIMARY KEY("user_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_parent_id_admin_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_status_changes" ADD CONSTRAINT "commune_status_changes_commune_id_admin_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_status_changes" ADD CONSTRAINT "commune_status_changes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_status_changes" ADD CONSTRAINT "commune_status_changes_corrects_id_commune_status_changes_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."commune_status_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_events" ADD CONSTRAINT "hotspot_events_hotspot_id_hotspots_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspots" ADD CONSTRAINT "hotspots_commune_id_admin_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_selections" ADD CONSTRAINT "plan_selections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_selections" ADD CONSTRAINT "plan_selections_commune_id_admin_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_scopes" ADD CONSTRAINT "user_scopes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_scopes" ADD CONSTRAINT "user_scopes_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_units_code_valid_from" ON "admin_units" USING btree ("code","valid_from");--> statement-breakpoint
CREATE INDEX "admin_units_parent" ON "admin_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "status_changes_commune" ON "commune_status_changes" USING btree ("commune_id","effective_date");--> statement-breakpoint
CREATE INDEX "hotspot_events_hotspot" ON "hotspot_events" USING btree ("hotspot_id","date");--> statement-breakpoint
CREATE INDEX "hotspots_commune" ON "hotspots" USING btree ("commune_id");