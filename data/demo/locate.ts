// Random hotspot positions inside a commune, clustered around its hamlets (ấp / khóm) and kept at least
// a safe distance from the commune border so point-in-polygon is unambiguous.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Commune } from './admin';
import { distanceToPathKm, offsetKm, polygonsOf, roundPos, type Pos } from './geometry';
import type { Random } from './random';

/** Minimum distance from the commune border, km (the brief asks for at least ~50 m). */
const BORDER_MARGIN_KM = 0.06;
const HAMLET_MARGIN_KM = 0.4;
const HAMLET_SPREAD_KM = 0.35;

export class CommuneLocator {
  private readonly feature: Feature<Polygon | MultiPolygon>;
  private readonly bbox: number[];
  private hamletCentres: Pos[] | null = null;

  constructor(
    private readonly commune: Commune,
    private readonly rng: Random,
  ) {
    this.feature = turf.feature(commune.geometry);
    this.bbox = turf.bbox(commune.geometry);
  }

  /** Inside the commune and at least `marginKm` from each of its rings. */
  private fits(p: Pos, marginKm: number): boolean {
    if (!turf.booleanPointInPolygon(p, this.feature)) return false;
    for (const polygon of polygonsOf(this.commune.geometry)) {
      for (const ring of polygon) if (distanceToPathKm(p, ring) < marginKm) return false;
    }
    return true;
  }

  private uniform(marginKm: number): Pos {
    const [w, s, e, n] = this.bbox as [number, number, number, number];
    for (let i = 0; i < 5000; i++) {
      const p = roundPos([this.rng.range(w, e), this.rng.range(s, n)]);
      if (this.fits(p, marginKm)) return p;
    }
    throw new Error(`demo: no room for a point in commune ${this.commune.code}`);
  }

  private hamlets(): Pos[] {
    this.hamletCentres ??= Array.from({ length: this.commune.hamlets }, () => this.uniform(HAMLET_MARGIN_KM));
    return this.hamletCentres;
  }

  /** A point near hamlet `index` (0-based), falling back to anywhere in the commune. */
  near(index: number): Pos {
    const centre = this.hamlets()[index]!;
    for (let i = 0; i < 40; i++) {
      const p = roundPos(offsetKm(centre, this.rng.normal() * HAMLET_SPREAD_KM, this.rng.normal() * HAMLET_SPREAD_KM));
      if (this.fits(p, BORDER_MARGIN_KM)) return p;
    }
    return this.uniform(BORDER_MARGIN_KM);
  }
}
