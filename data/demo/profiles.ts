// How hard each place is: a performance level per district (fast or slow work) and a severity per commune.
import type { ProvinceModel } from './admin';
import { distKm, distanceToPathKm } from './geometry';
import type { Random } from './random';

/** District performance, 0 (slow, many re-formations and relapses) to 1 (fast, durable results). */
const DISTRICT_QUALITY = [0.95, 0.9, 0.82, 0.7, 0.55, 0.42, 0.3, 0.18, 0.08];

export interface Profiles {
  /** Performance per district index. */
  quality: number[];
  /** Drug-problem severity per commune index, 0..1: higher near the city, the town and the river. */
  severity: number[];
}

export function makeProfiles(model: ProvinceModel, rng: Random): Profiles {
  const quality = rng.shuffle(DISTRICT_QUALITY).slice(0, model.districts.length);
  // The city holds most hotspots and sets the provincial trend: give it a middling performance.
  const middling = quality.indexOf(DISTRICT_QUALITY[Math.floor(DISTRICT_QUALITY.length / 2)]!);
  [quality[0], quality[middling]] = [quality[middling]!, quality[0]!];
  const river = model.landscape.rivers[0]!.geometry.coordinates;
  const severity = model.communes.map((c) => {
    const urban = Math.max(
      Math.exp(-((distKm(c.centroid, model.landscape.city) / 9) ** 2)),
      0.7 * Math.exp(-((distKm(c.centroid, model.landscape.town) / 6) ** 2)),
    );
    const riverside = Math.exp(-((distanceToPathKm(c.centroid, river) / 3) ** 2));
    const raw = 0.18 + 0.4 * urban + 0.2 * riverside + rng.range(-0.12, 0.32);
    return Math.max(0, Math.min(1, raw));
  });
  return { quality, severity };
}
