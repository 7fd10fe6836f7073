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

/** The outline of a commune whose status differs between two compared dates: yellow on a dark casing, seen on every
 *  status fill. */
export const CHANGED_OUTLINE = { line: '#ffd600', casing: '#111111' } as const;

export const HOTSPOT_COLORS = { active: '#67001f', eliminated: '#1b7837' } as const;
