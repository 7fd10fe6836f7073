// Builds zipped Shapefiles for import specs the way provincial offices send them: attribute text in UTF-8,
// Windows-1258, TCVN3 or VNI, with or without .cpg/.prj/.dbf.
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { FeatureCollection } from 'geojson';
import { toVNI } from 'vietnamese-conversion';
import type { TextEncodingName } from '../../server/import/encodings';
// @ts-expect-error: the writer has no type declarations
import * as shpGeojson from '@mapbox/shp-write/src/geojson.js';
// @ts-expect-error: the writer has no type declarations
import shpWrite from '@mapbox/shp-write/src/write.js';

const CP1252 = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows-1252');
const BYTE_OF = new Map([...CP1252].map((ch, i) => [ch, i]));
/** The dbf writer stores each char code as one byte, so text goes in as a string of the wanted bytes. */
const byteString = (bytes: Iterable<number>) => String.fromCharCode(...bytes);

/** 'windows-1252-bytes': the text is already legacy bytes as shown in windows-1252 (e.g. VNI "Phöôøng"). */
type WrittenEncoding = TextEncodingName | 'windows-1252-bytes';

function encode(text: string, encoding: WrittenEncoding): string {
  switch (encoding) {
    case 'windows-1252-bytes':
      return byteString([...text].map((c) => BYTE_OF.get(c) ?? 0x3f));
    case 'utf-8':
      return byteString(new TextEncoder().encode(text));
    case 'tcvn3': // iconv-lite's table: independent of the decoder under test
      return byteString(iconv.encode(text.normalize('NFC'), 'tcvn'));
    case 'vni': // the library's VNI encoder misspells ỹ; fine for the names the specs give it
      return byteString([...toVNI(text, 'unicode')].map((c) => BYTE_OF.get(c) ?? 0x3f));
    case 'windows-1258':
      throw new Error('not needed by the specs');
  }
}

export interface ShapefileOptions {
  encoding?: WrittenEncoding;
  cpg?: string | null;
  prj?: string | null;
  withDbf?: boolean;
  name?: string;
}

export async function zippedShapefile(fc: FeatureCollection, o: ShapefileOptions = {}): Promise<Uint8Array> {
  const encoding = o.encoding ?? 'utf-8';
  const texts: FeatureCollection = {
    ...fc,
    // A Shapefile has one polygon type: every feature goes in as a MultiPolygon.
    features: fc.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] } : f.geometry,
      properties: Object.fromEntries(
        Object.entries(f.properties ?? {}).map(([k, v]) => [k, typeof v === 'string' ? encode(v, encoding) : v]),
      ),
    })),
  };
  const layer = shpGeojson.multipolygon(texts);
  const files = await new Promise<{ shp: DataView; shx: DataView; dbf: DataView }>((resolve, reject) =>
    shpWrite(
      layer.properties,
      layer.type,
      layer.geometries,
      (err: Error | null, out: { shp: DataView; shx: DataView; dbf: DataView }) => (err ? reject(err) : resolve(out)),
    ),
  );
  const name = o.name ?? 'communes';
  const bytes = (v: DataView) => new Uint8Array(v.buffer);
  const zip: Record<string, Uint8Array> = { [`${name}.shp`]: bytes(files.shp), [`${name}.shx`]: bytes(files.shx) };
  if (o.withDbf !== false) zip[`${name}.dbf`] = bytes(files.dbf);
  if (o.cpg) zip[`${name}.cpg`] = new TextEncoder().encode(o.cpg);
  if (o.prj) zip[`${name}.prj`] = new TextEncoder().encode(o.prj);
  return zipSync(zip);
}
