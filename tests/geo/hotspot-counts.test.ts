// The indexed hotspot counts agree with the plain definitions (hotspotStatusAt, wasActiveDuring) on random lifecycles.
import { describe, expect, it } from 'vitest';
import { Random } from '../../data/demo/random';
import { addDays } from '../../geo/dates';
import { activeCount, activeDuringCount, indexHotspots, reformedCount } from '../../geo/hotspot-counts';
import { hotspotStatusAt, wasActiveDuring, type HotspotEvent } from '../../geo/hotspots';

function randomLifecycle(rnd: Random): HotspotEvent[] {
  let date = addDays('2019-01-01', rnd.int(0, 2500));
  const events: HotspotEvent[] = [{ kind: 'detected', date }];
  let active = true;
  while (rnd.next() < 0.7) {
    date = addDays(date, rnd.int(0, 400)); // 0: several events on one day
    events.push({ kind: active ? 'eliminated' : 'reformed', date });
    active = !active;
  }
  return events;
}

describe('hotspot index', () => {
  const rnd = Random.derive(7, 'index-test');
  const hotspots = Array.from({ length: 600 }, (_, i) => ({ communeId: i % 5, events: randomLifecycle(rnd) }));
  const index = indexHotspots(hotspots);
  const dates = Array.from({ length: 40 }, () => addDays('2019-06-01', rnd.int(0, 3000)));
  const starts = ['2021-01-01', '2023-07-15'];

  it('matches the definitions for every commune, date and period start', () => {
    for (let communeId = 0; communeId < 6; communeId++) {
      const mine = hotspots.filter((h) => h.communeId === communeId);
      for (const d of dates) {
        expect(activeCount(index, communeId, d)).toBe(
          mine.filter((h) => hotspotStatusAt(h.events, d) === 'active').length,
        );
        for (const start of starts) {
          if (d < start) continue;
          expect(activeDuringCount(index, communeId, start, d)).toBe(
            mine.filter((h) => wasActiveDuring(h.events, start, d)).length,
          );
          const reformed = mine
            .flatMap((h) => h.events)
            .filter((e) => e.kind === 'reformed' && e.date >= start && e.date <= d).length;
          expect(reformedCount(index, communeId, start, d)).toBe(reformed);
        }
      }
    }
  });
});
