ALTER TABLE "users" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The demo's published accounts on a database that still holds the demo; elsewhere start-up retires any left behind.
UPDATE "users" SET "demo" = true WHERE "username" IN ('quantri', 'lanhdao', 'congan', 'bientap', 'pheduyet')
  AND EXISTS (SELECT 1 FROM "app_meta" WHERE "key" = 'dataset' AND ("value"->>'demo')::boolean IS TRUE);
