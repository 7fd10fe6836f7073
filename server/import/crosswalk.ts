// The old→new crosswalk of a boundary change, read from either direction the dvhcvn project publishes for the
// 1 July 2025 reform: merges.json (each new unit and the old units it took in, wholly or partly) or splits.json
// (each old commune and the new ones it went to).
import { z } from '../contracts/messages';
import { UNIT_LINK_KINDS } from '../../geo/units';

export interface CrosswalkLink {
  oldCode: string;
  newCode: string;
  kind: 'full' | 'partial';
}

export interface Crosswalk {
  /** Old province codes each new province took in. */
  provinces: Map<string, string[]>;
  links: CrosswalkLink[];
}

const code = z.string().trim().min(1);
const merged = z.object({ old_id: code, type: z.enum(UNIT_LINK_KINDS).default('full') });
const mergesFile = z.object({
  data: z
    .array(
      z.object({
        level1_id: code,
        merges: z.array(merged).default([]),
        level2s: z.array(z.object({ level2_id: code, merges: z.array(merged).default([]) })),
      }),
    )
    .min(1),
});
const split = z.object({ new_id: code });
const splitsFile = z.object({
  data: z
    .array(
      z.object({
        level1_id: code,
        splits: z.array(split).default([]),
        level3s: z.array(z.object({ level3_id: code, splits: z.array(split).default([]) })),
      }),
    )
    .min(1),
});

export function parseCrosswalk(json: unknown): Crosswalk {
  const provinces = new Map<string, string[]>();
  const links: CrosswalkLink[] = [];
  const merges = mergesFile.safeParse(json);
  if (merges.success) {
    for (const p of merges.data.data) {
      provinces.set(
        p.level1_id,
        p.merges.map((m) => m.old_id),
      );
      for (const u of p.level2s)
        for (const m of u.merges) links.push({ oldCode: m.old_id, newCode: u.level2_id, kind: m.type });
    }
    return { provinces, links };
  }
  const splits = splitsFile.parse(json);
  for (const p of splits.data) {
    for (const s of p.splits) provinces.set(s.new_id, [...(provinces.get(s.new_id) ?? []), p.level1_id]);
    // An old commune going to several new ones went partly to each.
    for (const c of p.level3s)
      for (const s of c.splits)
        links.push({ oldCode: c.level3_id, newCode: s.new_id, kind: c.splits.length > 1 ? 'partial' : 'full' });
  }
  return { provinces, links };
}
