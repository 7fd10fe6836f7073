CREATE TABLE "operation_eliminations" (
	"operation_id" integer NOT NULL,
	"hotspot_event_id" integer NOT NULL,
	CONSTRAINT "operation_eliminations_operation_id_hotspot_event_id_pk" PRIMARY KEY("operation_id","hotspot_event_id")
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"area_spec" jsonb NOT NULL,
	"area" jsonb NOT NULL,
	"units" text[] NOT NULL,
	"target_hotspot_ids" integer[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"results" jsonb,
	"results_recorded_at" timestamp with time zone,
	CONSTRAINT "operations_period" CHECK ("operations"."start_date" <= "operations"."end_date")
);
--> statement-breakpoint
ALTER TABLE "operation_eliminations" ADD CONSTRAINT "operation_eliminations_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_eliminations" ADD CONSTRAINT "operation_eliminations_hotspot_event_id_hotspot_events_id_fk" FOREIGN KEY ("hotspot_event_id") REFERENCES "public"."hotspot_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;