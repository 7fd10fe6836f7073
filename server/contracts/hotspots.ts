// Contracts of the hotspot registry writes (police and admins).
import { HOTSPOT_ACTIVITIES, HOTSPOT_EVENT_KINDS, HOTSPOT_KINDS } from '../../geo/hotspots';
import { idText, isoDate, position } from './common';
import { z } from './messages';

const activities = z
  .array(z.enum(HOTSPOT_ACTIVITIES))
  .min(1)
  .max(HOTSPOT_ACTIVITIES.length)
  .refine((a) => new Set(a).size === a.length, { message: 'activities repeat / hoạt động bị lặp' });

const fields = {
  location: position,
  address: z.string().trim().min(1).max(300),
  kind: z.enum(HOTSPOT_KINDS),
  activities,
  description: z.string().trim().max(2000).default(''),
  source: z.string().trim().max(300).default(''),
};

export const hotspotCreateBody = z.object({
  ...fields,
  detectedOn: isoDate,
  note: z.string().trim().max(1000).default(''),
  /** The user has seen the likely duplicates within 50 m and records this one anyway. */
  acknowledgeDuplicates: z.boolean().default(false),
});
export type HotspotCreate = z.infer<typeof hotspotCreateBody>;

export const hotspotUpdateBody = z
  .object({
    location: fields.location,
    address: fields.address,
    kind: fields.kind,
    activities,
    description: z.string().trim().max(2000),
    source: z.string().trim().max(300),
    acknowledgeDuplicates: z.boolean(),
  })
  .partial();
export type HotspotUpdate = z.infer<typeof hotspotUpdateBody>;

export const hotspotEventBody = z.object({
  kind: z.enum(HOTSPOT_EVENT_KINDS),
  date: isoDate,
  note: z.string().trim().max(1000).default(''),
});

export const hotspotIdParam = z.object({ id: idText });
