// How much boundary detail a map zoom needs: the zoom levels geometry is simplified for, and the smallest
// triangle (Visvalingam effective area) kept at each, about half a screen pixel wide.

/** TopoJSON quantisation of map geometry: ~1 m steps across a province, invisible on screen, half the payload. */
export const DISPLAY_QUANTIZATION = 100_000;

/** Zoom levels with their own simplified geometry; above the last, the full geometry is served. */
export const DISPLAY_TIERS = [6, 8, 10, 12, 14] as const;
export type DisplayTier = (typeof DISPLAY_TIERS)[number] | 'full';

/** The coarsest tier at least as detailed as the zoom asks (zoom 9 gets tier 10). */
export function displayTier(zoom: number | undefined): DisplayTier {
  if (zoom === undefined) return 'full';
  return DISPLAY_TIERS.find((t) => t >= zoom) ?? 'full';
}

/** Smallest triangle area kept, in square degrees: (0.7 px)² at the tier's zoom with 256-pixel tiles. */
export function minWeight(tier: Exclude<DisplayTier, 'full'>): number {
  const degreesPerPixel = 360 / (256 * 2 ** tier);
  return (0.7 * degreesPerPixel) ** 2;
}
