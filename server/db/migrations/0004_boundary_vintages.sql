CREATE TABLE "code_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"as_of" date NOT NULL,
	"units" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"loaded_by" text NOT NULL,
	CONSTRAINT "code_lists_as_of_unique" UNIQUE("as_of")
);
--> statement-breakpoint
CREATE TABLE "hotspot_communes" (
	"hotspot_id" integer NOT NULL,
	"commune_id" integer NOT NULL,
	CONSTRAINT "hotspot_communes_hotspot_id_commune_id_pk" PRIMARY KEY("hotspot_id","commune_id")
);
--> statement-breakpoint
CREATE TABLE "unit_links" (
	"old_id" integer NOT NULL,
	"new_id" integer NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	CONSTRAINT "unit_links_old_id_new_id_pk" PRIMARY KEY("old_id","new_id"),
	CONSTRAINT "unit_links_kind" CHECK ("unit_links"."kind" in ('full', 'partial'))
);
--> statement-breakpoint
ALTER TABLE "hotspot_communes" ADD CONSTRAINT "hotspot_communes_hotspot_id_hotspots_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_communes" ADD CONSTRAINT "hotspot_communes_commune_id_admin_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_links" ADD CONSTRAINT "unit_links_old_id_admin_units_id_fk" FOREIGN KEY ("old_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_links" ADD CONSTRAINT "unit_links_new_id_admin_units_id_fk" FOREIGN KEY ("new_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotspot_communes_commune" ON "hotspot_communes" USING btree ("commune_id");--> statement-breakpoint
CREATE INDEX "unit_links_new" ON "unit_links" USING btree ("new_id");--> statement-breakpoint
-- Every existing hotspot lies in its commune of the only vintage so far.
INSERT INTO "hotspot_communes" ("hotspot_id", "commune_id") SELECT "id", "commune_id" FROM "hotspots";
