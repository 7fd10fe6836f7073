// A printed map's frame: the province projected (azimuthal equidistant around its centre, in metres) and fitted into a
// rectangle of the page, so that one page unit stands for the same ground distance everywhere; and the scale bar's
// round length for that scale.
import proj4 from 'proj4';
import type { Position } from 'geojson';
import type { BBox } from './spatial';

export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapFrame {
  /** Page position (y down) of a longitude/latitude. */
  toPage(p: Position): [number, number];
  /** Ground metres per page unit. */
  metresPerUnit: number;
}

/** Fits the box into the rectangle with `margin` (a share of the rectangle) left free on each side. */
export function fitFrame([w, s, e, n]: BBox, rect: PageRect, margin = 0.04): MapFrame {
  const centre: [number, number] = [(w + e) / 2, (s + n) / 2];
  const project = proj4('WGS84', `+proj=aeqd +lat_0=${centre[1]} +lon_0=${centre[0]} +datum=WGS84 +units=m +no_defs`);
  const corners = [
    [w, s],
    [w, n],
    [e, s],
    [e, n],
    [centre[0], s],
    [centre[0], n],
  ].map((p) => project.forward(p));
  const xs = corners.map((p) => p[0]!);
  const ys = corners.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const usableW = rect.width * (1 - 2 * margin);
  const usableH = rect.height * (1 - 2 * margin);
  const metresPerUnit = Math.max((maxX - minX) / usableW, (maxY - minY) / usableH, 1e-9);
  const midX = (minX + maxX) / 2;
  const midY = (minY + maxY) / 2;
  return {
    metresPerUnit,
    toPage(p) {
      const [x, y] = project.forward([p[0]!, p[1]!]);
      return [
        rect.x + rect.width / 2 + (x! - midX) / metresPerUnit,
        rect.y + rect.height / 2 - (y! - midY) / metresPerUnit,
      ];
    },
  };
}

/** The longest round length (1, 2 or 5 × 10ⁿ metres) whose bar fits in `maxUnits` page units. */
export function scaleBar(metresPerUnit: number, maxUnits: number): { metres: number; units: number; label: string } {
  const most = metresPerUnit * maxUnits;
  let metres = 10 ** Math.floor(Math.log10(most));
  for (const f of [5, 2])
    if (metres * f <= most) {
      metres *= f;
      break;
    }
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, units: metres / metresPerUnit, label };
}
