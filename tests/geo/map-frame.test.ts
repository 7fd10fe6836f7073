// The printed map's frame keeps one scale everywhere, and the scale bar picks a round length that fits.
import { haversine } from '../helpers/haversine';
import { describe, expect, it } from 'vitest';
import { fitFrame, scaleBar } from '../../geo/map-frame';

describe('fitFrame', () => {
  // A province of about 1° × 1.5° in the north of Việt Nam, fitted into an A4 landscape frame.
  const box: [number, number, number, number] = [104.8, 21.0, 105.8, 22.5];
  const rect = { x: 40, y: 60, width: 500, height: 420 };
  const frame = fitFrame(box, rect);

  it('keeps the box inside the rectangle, centred, with the margin free', () => {
    for (const p of [
      [104.8, 21.0],
      [105.8, 22.5],
      [104.8, 22.5],
      [105.8, 21.0],
    ]) {
      const [x, y] = frame.toPage(p);
      expect(x).toBeGreaterThanOrEqual(rect.x + rect.width * 0.04 - 1e-6);
      expect(x).toBeLessThanOrEqual(rect.x + rect.width * 0.96 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(rect.y + rect.height * 0.04 - 1e-6);
      expect(y).toBeLessThanOrEqual(rect.y + rect.height * 0.96 + 1e-6);
    }
    const [cx, cy] = frame.toPage([105.3, 21.75]);
    expect(cx).toBeCloseTo(rect.x + rect.width / 2, 0);
    expect(cy).toBeGreaterThan(rect.y + rect.height * 0.45);
    expect(cy).toBeLessThan(rect.y + rect.height * 0.55);
  });

  it('north is up and east is right', () => {
    const [x1, y1] = frame.toPage([105.3, 21.2]);
    const [x2, y2] = frame.toPage([105.5, 22.2]);
    expect(y2).toBeLessThan(y1);
    expect(x2).toBeGreaterThan(x1);
  });

  it('one page unit is the same ground distance across the map, within 0.5 %', () => {
    const pairs = [
      [
        [104.85, 21.05],
        [105.75, 21.05],
      ],
      [
        [105.3, 21.0],
        [105.3, 22.5],
      ],
      [
        [104.9, 22.4],
        [105.7, 21.1],
      ],
    ];
    for (const [a, b] of pairs) {
      const [ax, ay] = frame.toPage(a!);
      const [bx, by] = frame.toPage(b!);
      const onPage = Math.hypot(bx - ax, by - ay) * frame.metresPerUnit;
      expect(Math.abs(onPage / haversine(a!, b!) - 1)).toBeLessThan(0.005);
    }
  });
});

describe('scaleBar', () => {
  it('picks 1, 2 or 5 × 10ⁿ metres that fit', () => {
    expect(scaleBar(100, 120)).toEqual({ metres: 10_000, units: 100, label: '10 km' });
    expect(scaleBar(100, 250)).toEqual({ metres: 20_000, units: 200, label: '20 km' });
    expect(scaleBar(100, 600)).toEqual({ metres: 50_000, units: 500, label: '50 km' });
    expect(scaleBar(2, 100)).toEqual({ metres: 200, units: 100, label: '200 m' });
    expect(scaleBar(30, 60).label).toBe('1 km');
  });
});
