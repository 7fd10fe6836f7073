CREATE TABLE "unit_officials" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	CONSTRAINT "unit_officials_role" CHECK ("unit_officials"."role" in ('party_secretary', 'chairman'))
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "accountability_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_officials" ADD CONSTRAINT "unit_officials_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_officials_unit" ON "unit_officials" USING btree ("unit_id");