// Building blocks shared by every contract: dates, codes, coordinates, GeoJSON geometries.
import { z } from './messages';
import { isIsoDate } from '../../geo/dates';

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a date YYYY-MM-DD / phải là ngày dạng YYYY-MM-DD' });

/** GSO code: 2 digits (province), 3 (district) or 5 (commune). */
export const unitCode = z
  .string()
  .regex(/^\d{2,6}$/, { message: 'must be a GSO code of 2 to 6 digits / phải là mã đơn vị hành chính 2–6 chữ số' });

export const position = z.tuple([
  z.number().min(-180).max(180),
  z.number().min(-90).max(90),
]);

const ring = z
  .array(position)
  .min(4, { message: 'a ring needs at least 4 positions / vòng cần ít nhất 4 điểm' })
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], {
    message: 'ring is not closed / vòng không khép kín',
  });

export const polygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
export const multiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});
export const areaGeometry = z.discriminatedUnion('type', [polygonGeometry, multiPolygonGeometry]);
export type AreaGeometry = z.infer<typeof areaGeometry>;

export const lineGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)).min(1) }),
]);
