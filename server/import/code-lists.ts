// Official code lists kept in the database, one per date, so boundary imports match against the list of their time.
import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { appendAudit } from '../services/audit';
import { parseCodeList, type OfficialUnit } from './code-list';

export async function saveCodeList(db: Db, input: { name: string; asOf: string; json: unknown }, actor: string) {
  const units = parseCodeList(input.json);
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx
      .insert(t.codeLists)
      .values({ name: input.name, asOf: input.asOf, units, loadedBy: actor })
      .onConflictDoUpdate({
        target: t.codeLists.asOf,
        set: { name: input.name, units, loadedBy: actor, loadedAt: new Date().toISOString() },
      });
    await appendAudit(tx, {
      actorName: actor,
      action: 'code_list.load',
      entityType: 'code_list',
      entityId: input.asOf,
      after: { name: input.name, units: units.length },
    });
  });
  return { units: units.length, provinces: units.filter((u) => u.level === 1).length };
}

/**
 * The list for a vintage: the latest one dated before the vintage ends (so boundaries valid until 1/7/2025 use the
 * last list before the reform), else the latest on or before its start, else the nearest.
 */
export async function codeListFor(
  db: Db,
  period: { validFrom: string; validTo?: string | null },
): Promise<{ asOf: string; name: string; units: OfficialUnit[] } | null> {
  const lists = await db.select().from(t.codeLists).orderBy(asc(t.codeLists.asOf));
  if (!lists.length) return null;
  const end = period.validTo ?? null;
  const pick =
    (end ? lists.filter((l) => l.asOf < end).at(-1) : undefined) ??
    lists.filter((l) => l.asOf <= period.validFrom).at(-1) ??
    lists[0]!;
  return { asOf: pick.asOf, name: pick.name, units: pick.units as OfficialUnit[] };
}
