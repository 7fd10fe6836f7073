// The map style as data, checked by MapLibre's own style specification: the style validates, and the data-driven
// properties are evaluated (not string-matched) for features of each status: every status coloured as the product
// brief says (../shared/docs/PRODUCT.md: drug-free green, complex red, transformed blue, relapsed orange and
// hatched, no data grey), distinct also in greyscale; hotspots by status; same-origin glyphs.
import { describe, expect, it } from 'vitest';
import {
  expression,
  featureFilter,
  latest,
  validateStyleMin,
  type Color,
  type FeatureState,
  type FilterSpecification,
  type LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, focusOpacity, hatchImage } from '../../web/map/style';

// The palette, written out here on purpose: a change of colour in the code must be a change of this test too.
const COMMUNE_FILL = {
  drug_free: '#a6dba0', // green
  complex: '#b2182b', // red
  transformed: '#2166ac', // blue
  relapsed: '#f4a582', // orange (and hatched)
  none: '#e0e0e0', // grey: no data yet
};
const HOTSPOT_POINT = { active: '#67001f', eliminated: '#1b7837' };

const style = buildStyle('http://example.test:8080');
const layer = (id: string): LayerSpecification => {
  const l = style.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l;
};

type Kind = 'paint' | 'layout';
/** Compiles one property of a layer with the style spec (its own type and rules) and evaluates it. */
function property(layerId: string, kind: Kind, name: string, override?: unknown) {
  const l = layer(layerId) as unknown as {
    type: string;
    paint?: Record<string, unknown>;
    layout?: Record<string, unknown>;
  };
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`${kind}_${l.type}`]![name];
  expect(spec, `${kind}_${l.type}.${name} is a property of the spec`).toBeDefined();
  const input = override === undefined ? l[kind]?.[name] : override;
  expect(input, `${layerId} ${kind}.${name}`).toBeDefined();
  // Expressions compiled (and type-checked) by the spec; constants wrapped as MapLibre does.
  const compiled = expression.isExpression(input)
    ? expression.createPropertyExpression(input, `${kind}.${name}`, spec as never)
    : {
        result: 'success' as const,
        value: expression.normalizePropertyExpression(input as never, `${kind}.${name}`, spec as never),
      };
  if (compiled.result !== 'success')
    throw new Error(`${layerId} ${kind}.${name}: ${compiled.value.map((e) => e.message).join('; ')}`);
  const value = compiled.value;
  const evaluate = (
    feature: {
      properties?: Record<string, unknown>;
      state?: FeatureState;
      zoom?: number;
      type?: 'Point' | 'Polygon';
    } = {},
  ) =>
    value.evaluate(
      { zoom: feature.zoom ?? 10 },
      { type: feature.type ?? 'Polygon', properties: feature.properties ?? {} },
      feature.state ?? {},
    );
  return { kind: value.kind, isStateDependent: 'isStateDependent' in value ? value.isStateDependent : false, evaluate };
}

/** A style colour as #rrggbb (the spec's Color is premultiplied by alpha). */
function hex(c: Color): string {
  expect(c.a).toBe(1);
  return (
    '#' +
    [c.r, c.g, c.b]
      .map((v) =>
        Math.round(v * 255)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

const passes = (filter: unknown, properties: Record<string, unknown>, type: 'Point' | 'Polygon' = 'Point') =>
  featureFilter(filter as FilterSpecification, 'filter').filter({ zoom: 10 }, { type, properties });

describe('map style', () => {
  it('is a valid MapLibre style, also with the focus opacity the map sets at run time', () => {
    expect(validateStyleMin(style)).toEqual([]);
    const focused = {
      ...style,
      layers: style.layers.map((l) =>
        l.id === 'commune-fill' ? { ...l, paint: { ...l.paint, 'fill-opacity': focusOpacity('981', 0.85, 0.25) } } : l,
      ),
    } as typeof style;
    expect(validateStyleMin(focused)).toEqual([]);
    // The validator does find a broken layer (the check above can fail).
    const broken = {
      ...style,
      layers: [
        ...style.layers,
        { id: 'x', type: 'fill', source: 'communes', paint: { 'fill-color': ['match', ['get', 'a'], 'b'] } },
      ],
    } as typeof style;
    expect(validateStyleMin(broken).length).toBeGreaterThan(0);
  });

  it('takes glyphs from our own origin and has no other remote URL', () => {
    expect(style.glyphs).toBe('http://example.test:8080/fonts/{fontstack}/{range}.pbf');
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!example\.test)/);
  });

  it('fills each commune with the colour of its status, read from feature-state (grey without one)', () => {
    const fill = property('commune-fill', 'paint', 'fill-color');
    expect(fill.isStateDependent).toBe(true);
    for (const [status, colour] of Object.entries(COMMUNE_FILL))
      expect(hex(fill.evaluate({ state: { status } })), status).toBe(colour);
    expect(hex(fill.evaluate({ state: {} })), 'no state yet').toBe('#e0e0e0');
    expect(hex(fill.evaluate({ state: { status: 'unknown' } }))).toBe('#e0e0e0');
    // The status comes from feature-state only: a property of the same name changes nothing.
    expect(hex(fill.evaluate({ properties: { status: 'complex' }, state: { status: 'transformed' } }))).toBe('#2166ac');
    expect(property('commune-fill', 'paint', 'fill-opacity').evaluate()).toBe(0.85);
  });

  it('colours each status differently, also in lightness (greyscale print)', () => {
    const fill = property('commune-fill', 'paint', 'fill-color');
    const colours = Object.keys(COMMUNE_FILL).map((status) => fill.evaluate({ state: { status } }) as Color);
    expect(new Set(colours.map(hex)).size).toBe(5);
    const lightness = colours.map((c) => 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b).sort((a, b) => a - b);
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]! - lightness[i - 1]!).toBeGreaterThan(0.04);
  });

  it('hatches relapsed communes only, on top of their colour', () => {
    const hatch = property('commune-hatch', 'paint', 'fill-opacity');
    expect(hatch.isStateDependent).toBe(true);
    expect(
      Object.fromEntries(Object.keys(COMMUNE_FILL).map((status) => [status, hatch.evaluate({ state: { status } })])),
    ).toEqual({ drug_free: 0, complex: 0, transformed: 0, relapsed: 1, none: 0 });
    expect(hatch.evaluate({ state: {} })).toBe(0);
    expect((layer('commune-hatch') as { paint: Record<string, unknown> }).paint['fill-pattern']).toBe('hatch');
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('commune-hatch')).toBe(ids.indexOf('commune-fill') + 1);
    const img = hatchImage(12);
    expect(img.data.length).toBe(12 * 12 * 4);
    expect([...img.data].some((v) => v > 0)).toBe(true);
  });

  it('fades communes outside the focused unit', () => {
    const opacity = property('commune-fill', 'paint', 'fill-opacity', focusOpacity('981', 0.85, 0.25));
    expect(opacity.evaluate({ properties: { code: '98101', parentCode: '981' } })).toBe(0.85);
    expect(opacity.evaluate({ properties: { code: '981', parentCode: '98' } })).toBe(0.85);
    expect(opacity.evaluate({ properties: { code: '98201', parentCode: '982' } })).toBe(0.25);
    expect(focusOpacity(null, 0.85, 0.25)).toBe(0.85);
  });

  it('colours hotspot points by status and heats only active ones', () => {
    const colour = property('hotspot-points', 'paint', 'circle-color');
    expect(hex(colour.evaluate({ type: 'Point', properties: { status: 'active' } }))).toBe(HOTSPOT_POINT.active);
    expect(hex(colour.evaluate({ type: 'Point', properties: { status: 'eliminated' } }))).toBe(
      HOTSPOT_POINT.eliminated,
    );
    const points = layer('hotspot-points') as { filter: unknown };
    expect(passes(points.filter, { status: 'active' })).toBe(true);
    expect(passes(points.filter, { point_count: 3, cluster: true })).toBe(false);
    const clusters = layer('hotspot-clusters') as { filter: unknown };
    expect(passes(clusters.filter, { point_count: 3, cluster: true })).toBe(true);
    expect(passes(clusters.filter, { status: 'active' })).toBe(false);
    const radius = property('hotspot-clusters', 'paint', 'circle-radius');
    expect(
      [1, 9, 10, 49, 50, 500].map((n) => radius.evaluate({ type: 'Point', properties: { point_count: n } })),
    ).toEqual([12, 12, 16, 16, 22, 22]);
    const heat = layer('hotspot-heat') as { type: string; filter: unknown };
    expect(heat.type).toBe('heatmap');
    expect(passes(heat.filter, { status: 'active' })).toBe(true);
    expect(passes(heat.filter, { status: 'eliminated' })).toBe(false);
  });

  it('labels communes with the Noto Sans glyphs we ship, larger as one zooms in', () => {
    expect(property('commune-label', 'layout', 'text-font').evaluate()).toEqual(['Noto Sans Regular']);
    expect(property('commune-label', 'layout', 'text-allow-overlap').evaluate()).toBe(false);
    expect(
      property('commune-label', 'layout', 'text-field')
        .evaluate({ type: 'Point', properties: { label: 'Tân An' } })
        .toString(),
    ).toBe('Tân An');
    const size = property('commune-label', 'layout', 'text-size');
    expect([6, 8, 10, 12, 14].map((zoom) => size.evaluate({ zoom }))).toEqual([10, 10, 12.5, 15, 15]);
  });
});
