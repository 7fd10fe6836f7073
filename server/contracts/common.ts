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

/** Largest value of a PostgreSQL integer column (ids). */
export const MAX_ID = 2_147_483_647;

/** A record id written in a path or query: plain decimal digits only ("1e3", "0x10", " 1" are not ids). */
export const idText = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, {
    message: 'must be a whole number written in digits / phải là số nguyên dương viết bằng chữ số',
  })
  .transform(Number)
  .refine((n) => n <= MAX_ID, { message: `must be at most ${MAX_ID} / không được lớn hơn ${MAX_ID}` });

/** A record id inside a JSON body. */
export const idNumber = z.number().int().positive().max(MAX_ID);

/** A whole number in a query (limits, offsets): digits only, within the bounds. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,10}$/, {
      message: 'must be a whole number written in digits / phải là số nguyên viết bằng chữ số',
    })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A closed ring of at least 4 positions (the closing check runs on rings long enough to have ends). */
export const ring = z
  .array(position)
  .min(4, { message: 'a ring needs at least 4 positions / vòng cần ít nhất 4 điểm' })
  .refine((r) => r.length < 4 || (r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1]), {
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
