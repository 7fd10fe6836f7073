// The map's colours, one table for the web map, its legend and the printed brief.

/** Distinct hue and lightness: readable for colour-blind viewers and in greyscale print (relapsed also hatched). */
export const STATUS_COLORS = {
  drug_free: '#a6dba0',
  complex: '#b2182b',
  transformed: '#2166ac',
  relapsed: '#f4a582',
  none: '#e0e0e0',
} as const;

export type StatusKey = keyof typeof STATUS_COLORS;
export const STATUS_KEYS = Object.keys(STATUS_COLORS) as StatusKey[];

export const HOTSPOT_COLORS = { active: '#67001f', eliminated: '#1b7837' } as const;
