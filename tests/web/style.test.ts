// The map style as data: same-origin glyphs, every status coloured distinctly, relapsed hatched.
import { describe, expect, it } from 'vitest';
import { buildStyle, hatchImage, STATUS_COLORS, statusFillColor } from '../../web/map/style';

describe('map style', () => {
  const style = buildStyle('http://example.test:8080');

  it('takes glyphs from our own origin and has no other remote URL', () => {
    expect(style.glyphs).toBe('http://example.test:8080/fonts/{fontstack}/{range}.pbf');
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!example\.test)/);
  });

  it('colours each status differently, also in lightness (greyscale print)', () => {
    const colors = Object.values(STATUS_COLORS);
    expect(new Set(colors).size).toBe(5);
    const lightness = colors.map((c) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16) / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    });
    const sorted = [...lightness].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(0.04);
    expect(statusFillColor).toContain(STATUS_COLORS.relapsed);
  });

  it('hatches relapsed communes on top of their colour', () => {
    const hatch = style.layers.find((l) => l.id === 'commune-hatch')!;
    expect(JSON.stringify(hatch)).toContain('relapsed');
    const img = hatchImage(12);
    expect(img.data.length).toBe(12 * 12 * 4);
    expect([...img.data].some((v) => v > 0)).toBe(true);
  });

  it('labels communes with the Noto Sans glyphs we ship', () => {
    const label = style.layers.find((l) => l.id === 'commune-label') as { layout: Record<string, unknown> };
    expect(label.layout['text-font']).toEqual(['Noto Sans Regular']);
    expect(label.layout['text-allow-overlap']).toBe(false);
  });
});
