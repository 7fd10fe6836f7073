// Emptying the dataset tables (units, statuses, plans, hotspots, operations, map layers) before another dataset or
// real boundaries replace it; users, code lists and the audit trail stay.
import { sql } from 'drizzle-orm';
import type { Db } from './client';

export async function clearDataset(db: Db): Promise<void> {
  // cascade empties what refers to these too: proposals, review flags, links, hotspot communes, eliminations.
  await db.execute(
    sql`truncate hotspot_events, hotspots, plan_selections, commune_status_changes, plans, operations, user_scopes, map_layers, admin_units restart identity cascade`,
  );
}
