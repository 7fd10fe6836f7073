// Property-based fuzzing of every write endpoint (fast-check): near-valid bodies (one or two fields mutated),
// arbitrary JSON, malformed bodies and content types, fuzzed path ids, multipart uploads of random bytes and names.
// The property: no 5xx, and a 4xx changes nothing (no new audit row, same data revision). Shared by
// tests/server/fuzz-writes.test.ts (fixed seed, 1,000 cases each) and tests/bench/fuzz.ts (longer runs).
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { topology } from 'topojson-server';
import { and, desc, eq, gt, inArray, isNull, max, notInArray } from 'drizzle-orm';
import { ROLES, type Role } from '../../server/contracts/permissions';
import { createSession, DEFAULT_SESSION_POLICY } from '../../server/auth/sessions';
import { CSRF_HEADER, SESSION_COOKIE } from '../../server/http/guard';
import * as t from '../../server/db/schema';
import { readRevision } from '../../server/services/meta';
import { createUser } from '../../server/services/users';
import { COMMUNE_STATUSES, STATUS_TRANSITIONS, type CommuneStatus } from '../../geo/status';
import { HOTSPOT_ACTIVITIES, HOTSPOT_EVENT_KINDS, HOTSPOT_KINDS, SEIZURE_UNITS } from '../../geo/hotspots';
import { TEXT_ENCODINGS } from '../../server/contracts/text-encodings';
import { importBoundaries, importCodeList, IMPORT_PROVINCE } from '../fixtures/import-province';
import type { TestApp } from './app';
import { fromAddress, TEST_PASSWORD } from './auth';

// ---------------------------------------------------------------------------------------------------------------
// Values resolved when a case runs (ids of rows that exist by then), so that generated cases stay replayable.

export class Ref {
  constructor(
    readonly kind: RefKind,
    readonly arg: number | string = 0,
  ) {}
  [fc.toStringMethod](): string {
    return `Ref(${this.kind}${this.arg === 0 ? '' : `, ${JSON.stringify(this.arg)}`})`;
  }
}
export type RefKind =
  | 'hotspot'
  | 'user'
  | 'openOperation'
  | 'openFlag'
  | 'pendingProposal'
  | 'baseChange'
  | 'changeOf'
  | 'attachment'
  | 'ownPassword'
  | 'loginPassword'
  | 'previewToken'
  | 'xlsx';

const ref = (kind: RefKind, arg: number | string = 0) => new Ref(kind, arg);

// ---------------------------------------------------------------------------------------------------------------
// Junk: what a broken client or an attacker sends in place of a field.

const BIG_TEXT = 'x'.repeat(3000);
const HUGE_TEXT = 'ệ'.repeat(90_000); // ~270 KB of UTF-8: over the 256 KB write limit
const JUNK: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  1.5,
  -1.5,
  0.1,
  1e-320,
  1e308,
  -1e308,
  2147483647,
  2147483648,
  -2147483649,
  4294967296,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  '',
  ' ',
  '0',
  '1',
  '-1',
  '1e3',
  ' 1',
  '1 ',
  '0x10',
  '1.0',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'true',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00',
  '\uDBFF\uDBFF',
  '\u202Eabc',
  '\uFEFF',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '=HYPERLINK("x")',
  '${7*7}',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-06-31',
  '2024-6-1',
  '0000-01-01',
  '9999-12-31',
  '2024-06-30T00:00:00Z',
  '2024/06/30',
  '２０２４-06-01',
  ' 2024-06-01',
  '2024-06-01\u0000',
  '98101',
  '98',
  '９８１０１',
  '99999',
  '1/QĐ-UBND',
  BIG_TEXT,
  HUGE_TEXT,
  '😀'.repeat(400),
  [],
  {},
  [[]],
  [null],
  [{}],
  ['\u0000'],
  { '': '' },
  { '\u0000': 1 },
  { constructor: 1, toString: 'x' },
  [181, 91],
  [106.1],
  [106.1, 10.1, 5],
  ['106.1', '10.1'],
  [1e308, -1e308],
  [-180.0000001, 0],
  [180, 90.0000001],
  Array(6000).fill(1),
  Array(60).fill([106.1, 10.1]),
];

/** Any UTF-16 code unit, so lone surrogates and NUL come up, beside Vietnamese letters and JSON specials. */
const codeUnit = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'a',
      'Z',
      '0',
      ' ',
      '.',
      '-',
      '_',
      '/',
      'đ',
      'Đ',
      'ệ',
      'ở',
      '"',
      '\\',
      '\n',
      '%',
      '\u0000',
      '\uD800',
      '\uDFFF',
      '\u202E',
      '\uFEFF',
      '😀',
    ),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
export const nastyString = fc.string({ unit: codeUnit, maxLength: 40 });

export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) },
);

// ---------------------------------------------------------------------------------------------------------------
// Near-valid: a valid body with one or two values replaced, a key removed or an unknown key added.

type Path = (string | number)[];

function paths(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length) out.push(path);
  if (v instanceof Ref || path.length > 5) return out;
  if (Array.isArray(v)) v.slice(0, 6).forEach((x, i) => paths(x, [...path, i], out));
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

function put(o: Record<string, unknown>, k: string, v: unknown) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true }); // '__proto__' too
}

function edit(v: unknown, path: Path, f: (container: unknown, key: string | number) => void): unknown {
  const copy = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
  const [head, ...rest] = path;
  if (head === undefined) return v;
  if (!rest.length) f(copy, head);
  else if (Array.isArray(copy)) copy[head as number] = edit(copy[head as number], rest, f);
  else put(copy, String(head), edit(copy[String(head)], rest, f));
  return copy;
}

const setAt = (v: unknown, path: Path, x: unknown) =>
  edit(v, path, (c, k) => (Array.isArray(c) ? (c[k as number] = x) : put(c as Record<string, unknown>, String(k), x)));
const removeAt = (v: unknown, path: Path) =>
  edit(v, path, (c, k) =>
    Array.isArray(c) ? c.splice(k as number, 1) : delete (c as Record<string, unknown>)[String(k)],
  );

function withKey(v: unknown, k: string, x: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = { ...(v as Record<string, unknown>) };
  put(o, k, x);
  return o;
}

export function nearValid(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return base.chain((b) => {
    const ps = paths(b);
    const key = fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'id', 'role', 'isAdmin'));
    const unknownKey = fc.tuple(key, junk).map(([k, x]) => withKey(b, k, x));
    if (!ps.length) return fc.oneof(fc.constant(b), unknownKey);
    const at = fc.constantFrom(...ps);
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(b) },
      { weight: 8, arbitrary: fc.tuple(at, junk).map(([p, x]) => setAt(b, p, x)) },
      { weight: 2, arbitrary: at.map((p) => removeAt(b, p)) },
      { weight: 1, arbitrary: unknownKey },
      { weight: 2, arbitrary: fc.tuple(at, junk, at, junk).map(([p, x, q, y]) => setAt(setAt(b, p, x), q, y)) },
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Cases.

export type ActorKey = 'admin' | 'police' | 'editor' | 'approver' | 'leader' | 'self' | 'throwaway' | 'anon';
export type HeaderVariant =
  'session' | 'no-csrf' | 'bad-csrf' | 'cross-origin' | 'cross-site' | 'anonymous' | 'bogus-cookie';
export type Body =
  | { type: 'none' }
  | { type: 'json'; value: unknown; contentType?: string | null }
  | { type: 'raw'; data: string | number[]; contentType: string | null }
  | { type: 'form'; parts: FormPart[] };
export type FormPart =
  | { name: string; text: string | { json: unknown } }
  | { name: string; filename: string; data: string | number[] | { json: unknown } | Ref; mime?: string };
export interface Case {
  actor: ActorKey;
  /** Path segments after /api; a Ref is resolved to an id, a string is sent as written. */
  path: (string | Ref)[];
  body: Body;
  headers: HeaderVariant;
  /** Socket address the request comes from (sign-in limits count per address); null: none. */
  address: string | null;
}

const headerVariant: fc.Arbitrary<HeaderVariant> = fc.oneof(
  { weight: 30, arbitrary: fc.constant('session' as const) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('no-csrf', 'bad-csrf', 'cross-origin', 'cross-site', 'anonymous', 'bogus-cookie'),
  },
);

const RAW_TEXTS = [
  '',
  ' ',
  '{',
  '}',
  '[',
  '{"a":',
  '[1,]',
  "{'a':1}",
  'null',
  'true',
  '0',
  '"x"',
  'undefined',
  'NaN',
  '{"a":NaN}',
  '{"a":1e999}',
  '{"a":-1e999}',
  '\u0000',
  '{}garbage',
  '\uFEFF{}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1,"a":2}',
  '{"a":"\\x41"}',
  '['.repeat(20_000) + ']'.repeat(20_000),
  '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
  'a=1&b=2',
  '--x\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{}\r\n--x--\r\n',
  'junk\r\n--x\r\n\r\n',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json; charset=latin1',
  'application/json;',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'multipart/form-data; boundary=',
  'application/octet-stream',
  '',
  'application/json, text/plain',
  '*/*',
  null,
];
const contentType = fc.constantFrom(...CONTENT_TYPES);
const rawBody: fc.Arbitrary<Body> = fc.record({
  type: fc.constant('raw' as const),
  data: fc.oneof(
    fc.constantFrom(...RAW_TEXTS),
    nastyString,
    fc.json({ maxDepth: 3 }),
    fc.uint8Array({ maxLength: 64 }).map((a) => [...a]),
  ),
  contentType,
});

/** Bodies of a JSON endpoint: mostly near-valid, then any JSON, malformed text, valid JSON under another type. */
export function jsonBody(base: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 14, arbitrary: nearValid(base).map((value): Body => ({ type: 'json', value })) },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): Body => ({ type: 'json', value })) },
    { weight: 3, arbitrary: rawBody },
    {
      weight: 1,
      arbitrary: fc.tuple(base, contentType).map(([value, ct]): Body => ({ type: 'json', value, contentType: ct })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ type: 'none' }) },
  );
}

/** Ids in paths: a row that exists (mostly), then what is not an id or not a row. */
const RAW_IDS = [
  '0',
  '-1',
  '1e3',
  '0x10',
  '%201',
  '%20',
  '1.0',
  '+1',
  '00001',
  '2147483647',
  '2147483648',
  '4294967297',
  '99999999999',
  '9'.repeat(400),
  'abc',
  'null',
  'NaN',
  'Infinity',
  '%00',
  '%ZZ',
  '%',
  '%C0%80',
  '%ED%A0%80',
  '%EF%BF%BF',
  '%EF%BC%91',
  '%D9%A3',
  '1%2F2',
  '1;2',
  '1,2',
  '..',
  '.',
  '',
];
/** Percent-encoded as a browser would, lone surrogates too (as U+FFFD), where encodeURIComponent throws. */
const encodeSegment = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
};

export function idSegment(kind: RefKind, rowWeight = 8): fc.Arbitrary<string | Ref> {
  return fc.oneof(
    { weight: rowWeight, arbitrary: fc.nat(40).map((n) => ref(kind, n)) },
    { weight: 3, arbitrary: fc.constantFrom(...RAW_IDS) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 31 - 1 }).map(String) },
    { weight: 1, arbitrary: nastyString.map(encodeSegment) },
  );
}

function cases(o: {
  actors: ActorKey[];
  path: fc.Arbitrary<(string | Ref)[]>;
  body: fc.Arbitrary<Body>;
  addresses?: (string | null)[];
}): fc.Arbitrary<Case> {
  return fc.record({
    actor: fc.constantFrom(...o.actors),
    path: o.path,
    body: o.body,
    headers: headerVariant,
    address: fc.constantFrom(...(o.addresses ?? [null])),
  });
}
const fixed = (...segments: string[]) => fc.constant(segments);

// ---------------------------------------------------------------------------------------------------------------
// Valid values of the fixture province (tests/fixtures/mini-province.ts, today 30/06/2024).

const CODES = ['98', '981', '982', '98101', '98102', '98201', '98202'];
const COMMUNES = ['98101', '98102', '98201', '98202'];
const isoDate = (min: string, max: string) =>
  fc
    .integer({ min: Date.parse(min) / 86_400_000, max: Date.parse(max) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const pastDate = isoDate('2019-01-01', '2024-06-30');
const recentDate = isoDate('2024-05-01', '2024-06-30');
const lng = fc.double({ min: 105.98, max: 106.22, noNaN: true });
const lat = fc.double({ min: 9.98, max: 10.22, noNaN: true });
const position = fc.tuple(lng, lat);
const text = (maxLength: number) =>
  fc.oneof(fc.string({ maxLength }), fc.constantFrom('Ấp 1, xã Tân An', 'Khóm 2', 'Đội 3'));
const nonEmpty = (maxLength: number) => fc.string({ minLength: 1, maxLength }).filter((s) => s.trim().length > 0);
const goodPassword = fc.string({ minLength: 10, maxLength: 30 }).map((s) => `Mk-${s}`);

const ring = fc.oneof(
  // a small square-ish ring, closed
  fc.tuple(position, fc.double({ min: 0.0001, max: 0.1, noNaN: true })).map(([[x, y], d]) => [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ]),
  // any points, closed: self-intersecting, degenerate, repeated
  fc.array(position, { minLength: 3, maxLength: 9 }).map((ps) => [...ps, ps[0]!]),
);
const areaSpec = fc.oneof(
  fc.record({ type: fc.constant('polygon'), coordinates: fc.array(ring, { minLength: 1, maxLength: 3 }) }),
  fc.record({
    type: fc.constant('circle'),
    center: position,
    radiusM: fc.double({ min: 0.001, max: 50_000, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('buffer'),
    // a buffer of more than 16 points is built in a worker: rarely, to keep the run short
    points: fc.oneof(
      { weight: 12, arbitrary: fc.array(position, { minLength: 1, maxLength: 12 }) },
      { weight: 1, arbitrary: fc.array(position, { minLength: 17, maxLength: 24 }) },
    ),
    radiusM: fc.double({ min: 0.001, max: 20_000, noNaN: true }),
  }),
);

const hotspotFields = {
  location: position,
  address: nonEmpty(60),
  kind: fc.constantFrom(...HOTSPOT_KINDS),
  activities: fc.shuffledSubarray([...HOTSPOT_ACTIVITIES], { minLength: 1 }),
  description: text(100),
  source: text(60),
};

const documentNumber = fc.oneof(
  fc.constantFrom('15/QĐ-UBND', '1/UBND', '123456/QĐ-UBND.2024', '7/KH-BCĐ', '15/qđ-ubnd', '1234567/QĐ', '15/', '/QĐ'),
  fc
    .tuple(fc.integer({ min: 1, max: 999_999 }), fc.stringMatching(/^[A-ZĐ][A-ZĐ0-9\-/.]{0,12}$/))
    .map(([n, s]) => `${n}/${s}`),
);

// Base generators per endpoint; `nearValid` mutates them.
const loginBase = fc.record({
  username: fc.oneof(fc.constantFrom('fuzz.login', 'FUZZ.LOGIN', ' fuzz.login ', 'fuzz.admin'), nastyString),
  password: fc.oneof(
    { weight: 2, arbitrary: fc.constant(ref('loginPassword')) },
    { weight: 3, arbitrary: nastyString },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(256), 'x'.repeat(257)) },
  ),
});
const passwordBase = fc.record({
  current: fc.oneof({ weight: 2, arbitrary: fc.constant(ref('ownPassword')) }, { weight: 1, arbitrary: nastyString }),
  next: fc.oneof(
    { weight: 3, arbitrary: goodPassword },
    { weight: 1, arbitrary: nastyString },
    { weight: 1, arbitrary: fc.constantFrom('fuzz.self-Mat-khau', 'short', 'x'.repeat(257)) },
  ),
});
const userCreateBase = fc.record({
  username: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,12}$/),
  displayName: nonEmpty(40),
  role: fc.constantFrom(...ROLES),
  password: fc.oneof({ weight: 1, arbitrary: goodPassword }, { weight: 2, arbitrary: fc.string({ maxLength: 12 }) }),
  scopes: fc.subarray(CODES, { maxLength: 3 }),
});
const userUpdateBase = fc.record(
  {
    displayName: nonEmpty(40),
    role: fc.constantFrom(...ROLES),
    active: fc.boolean(),
    scopes: fc.subarray(CODES, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const passwordResetBase = fc.record({ password: fc.oneof(goodPassword, fc.string({ maxLength: 12 })) });
const flagBase = fc.record({ note: text(100) }, { requiredKeys: [] });
const hotspotCreateBase = fc.record(
  {
    ...hotspotFields,
    detectedOn: fc.oneof(pastDate, fc.constantFrom('2024-07-01', '2030-01-01')),
    note: text(60),
    acknowledgeDuplicates: fc.boolean(),
  },
  { requiredKeys: ['location', 'address', 'kind', 'activities', 'detectedOn'] },
);
const hotspotUpdateBase = fc.record({ ...hotspotFields, acknowledgeDuplicates: fc.boolean() }, { requiredKeys: [] });
const hotspotEventBase = fc.record(
  { kind: fc.constantFrom(...HOTSPOT_EVENT_KINDS), date: fc.oneof(recentDate, pastDate), note: text(60) },
  { requiredKeys: ['kind', 'date'] },
);
const areaQueryBase = fc.record({ area: areaSpec, date: pastDate }, { requiredKeys: ['area'] });
const operationBase = fc.tuple(isoDate('2024-01-01', '2024-06-30'), fc.nat(60)).chain(([start, days]) =>
  fc.record(
    {
      name: nonEmpty(60),
      startDate: fc.constant(start),
      endDate: fc.constant(new Date(Date.parse(start) + days * 86_400_000).toISOString().slice(0, 10)),
      area: areaSpec,
      units: fc.array(nonEmpty(30), { maxLength: 3 }),
      targetHotspotIds: fc.array(
        fc.oneof(
          fc.nat(20).map((n) => ref('hotspot', n)),
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        ),
        { maxLength: 4 },
      ),
      note: text(60),
    },
    { requiredKeys: ['name', 'startDate', 'endDate', 'area'] },
  ),
);
const resultsBase = fc.record(
  {
    arrested: fc.nat(100_000),
    cases: fc.nat(100_000),
    seizures: fc.array(
      fc.record({
        substance: nonEmpty(30),
        quantity: fc.double({ min: 0, max: 1e9, noNaN: true }),
        unit: fc.constantFrom(...SEIZURE_UNITS),
      }),
      { maxLength: 3 },
    ),
    eliminated: fc.array(
      fc.record(
        { hotspotId: fc.nat(20).map((n) => ref('hotspot', n)), date: recentDate, note: text(40) },
        { requiredKeys: ['hotspotId', 'date'] },
      ),
      { maxLength: 3 },
    ),
    note: text(60),
  },
  { requiredKeys: ['arrested', 'cases'] },
);
const proposalBase = fc.constantFrom(...COMMUNES).chain((commune) =>
  fc.record(
    {
      commune: fc.constant(commune),
      status: fc.constantFrom(...COMMUNE_STATUSES),
      effectiveDate: fc.oneof(recentDate, pastDate),
      documentNumber,
      documentDate: pastDate,
      note: text(80),
      baseChangeId: fc.oneof(
        { weight: 4, arbitrary: fc.constant(ref('baseChange', commune)) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      correctsId: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.nat(10).map((n) => ref('changeOf', `${commune}:${n}`)) },
      ),
      attachmentId: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant(ref('attachment')) },
        { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{10,40}$/) },
      ),
    },
    { requiredKeys: ['commune', 'status', 'effectiveDate', 'documentNumber', 'documentDate', 'baseChangeId'] },
  ),
);
const rejectBase = fc.record({ reason: nonEmpty(80) });
const commitBase = fc.record(
  {
    token: fc.oneof(
      { weight: 3, arbitrary: fc.constant(ref('previewToken')) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-f0-9]{32}$/) },
    ),
    replaceDemo: fc.boolean(),
    legalBasis: nonEmpty(60),
  },
  { requiredKeys: ['token'] },
);

// ---------------------------------------------------------------------------------------------------------------
// Multipart uploads: small random or near-valid files under nasty names.

const FILE_NAMES = [
  '',
  'a',
  'a.pdf',
  'a.png',
  'a.csv',
  'a.txt',
  'a.xlsx',
  'a.json',
  'a.geojson',
  'a.zip',
  'a.shp',
  '../../x',
  '..\\..\\x',
  '/etc/passwd',
  'a\u0000b.pdf',
  '\uD800.png',
  'ảnh chụp.png',
  'a"b.pdf',
  'a\r\nb.csv',
  'a;b=c.csv',
  '%2e%2e%2fx',
  'x'.repeat(5000),
  '😀.json',
  'CON',
  '.',
  '..',
];
const fileName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FILE_NAMES) },
  { weight: 1, arbitrary: nastyString },
);
const randomBytes = fc.uint8Array({ maxLength: 96 }).map((a) => [...a]);
const withMagic = (magic: number[]) => randomBytes.map((tail) => [...magic, ...tail]);
const bytes = (s: string) => [...Buffer.from(s, 'latin1')];
const MAGIC = {
  png: [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
    0, 0, 0,
  ],
  pdf: bytes('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'),
  jpeg: [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01],
  webp: [...bytes('RIFF'), 0x24, 0, 0, 0, ...bytes('WEBPVP8 ')],
  zip: [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0],
  gif: bytes('GIF89a'),
  exe: bytes('MZ\x90\x00'),
};
const anyFileBytes = fc.oneof(randomBytes, ...Object.values(MAGIC).map(withMagic));

/** Field sets of a multipart endpoint: the fields it reads, sometimes missing, repeated or of the wrong kind. */
function formBody(parts: fc.Arbitrary<FormPart[]>): fc.Arbitrary<Body> {
  const extra = fc.array(
    fc.oneof(
      fc.record({
        name: fc.oneof(nastyString, fc.constantFrom('file', 'file[]', 'options', 'asOf', 'name')),
        text: nastyString,
      }),
      fc.record({
        name: fc.oneof(nastyString, fc.constantFrom('file', 'crosswalk', 'options')),
        filename: fileName,
        data: anyFileBytes,
      }),
    ),
    { maxLength: 2 },
  );
  return fc.oneof(
    { weight: 10, arbitrary: fc.tuple(parts, extra).map(([p, e]): Body => ({ type: 'form', parts: [...p, ...e] })) },
    { weight: 2, arbitrary: parts.chain((p) => fc.subarray(p)).map((p): Body => ({ type: 'form', parts: p })) },
    { weight: 2, arbitrary: rawBody },
    { weight: 1, arbitrary: fc.constant<Body>({ type: 'none' }) },
  );
}
const filePart = (
  data: fc.Arbitrary<string | number[] | { json: unknown } | Ref>,
  name: fc.Arbitrary<string> = fileName,
  field = 'file',
) =>
  fc.record(
    {
      name: fc.constant(field),
      filename: name,
      data,
      mime: fc.constantFrom(
        undefined,
        'application/pdf',
        'image/png',
        'text/csv',
        'application/json',
        'application/octet-stream',
        '',
      ),
    },
    { requiredKeys: ['name', 'filename', 'data'] },
  );

const csvCell = fc.oneof(
  fc.constantFrom(
    '106.1',
    '10.1',
    '106,05',
    '10,15',
    '',
    ' ',
    'NaN',
    '1e999',
    '-0',
    '181',
    '-91',
    '=1+1',
    '"',
    '""',
    'Trường THCS',
    '\u0000',
  ),
  nastyString,
  fc.double().map(String),
);
const csvText = fc
  .tuple(
    fc.constantFrom(
      'ten,lng,lat',
      'Tên,Kinh độ,Vĩ độ',
      'name;lon;lat',
      '\uFEFFten,kinh_do,vi_do',
      'x,y',
      'a,b,c',
      '',
      'lng,lat,lng,lat',
    ),
    fc.array(fc.array(csvCell, { maxLength: 4 }), { maxLength: 6 }),
    fc.constantFrom(',', ';'),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([header, rows, sep, eol]) => [header, ...rows.map((r) => r.join(sep))].join(eol));

const codeListBase = fc.constant(importCodeList());
const boundariesBase = fc.constant(importBoundaries() as unknown);
const topoBase = fc.constant(topology({ units: importBoundaries() }) as unknown);
const previewOptionsRandom = fc.record(
  {
    validFrom: fc.oneof(isoDate('2020-01-01', '2026-01-01'), fc.constant('2025-07-01')),
    validTo: fc.oneof(fc.constant(null), isoDate('2020-01-01', '2030-01-01')),
    epsg: fc.oneof(fc.constantFrom(4326, 9209, 3405, 32648, 999_999, 1000), fc.integer({ min: 1000, max: 999_999 })),
    encoding: fc.constantFrom(...TEXT_ENCODINGS),
    layer: text(20),
    province: fc.constantFrom(IMPORT_PROVINCE.code, '98', '01', '00'),
    skipUnmatched: fc.boolean(),
    mapping: fc.record(
      {
        level: fc.constantFrom('commune', 'district'),
        code: fc.constantFrom('MA_SO', 'TEN', 'x', null),
        name: fc.constantFrom('TEN', 'MA_SO', null),
        type: fc.constantFrom(null, 'TEN'),
        parent: fc.constantFrom(null, 'MA_SO'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['validFrom'] },
);
// The options the fixture file previews with (its province named, codes in MA_SO); random ones are mostly refused.
const previewOptionsBase = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constant({
      validFrom: '2025-07-01',
      province: IMPORT_PROVINCE.code,
      mapping: { code: 'MA_SO' },
      skipUnmatched: true,
    }),
  },
  { weight: 2, arbitrary: previewOptionsRandom },
);

// ---------------------------------------------------------------------------------------------------------------
// The endpoints.

export interface Endpoint {
  name: string;
  method: 'POST' | 'PATCH';
  cases: fc.Arbitrary<Case>;
  /** Audit actions a refusal records on purpose (failed sign-ins and password checks are audited). */
  auditedRefusals?: string[];
}

const LOGIN_ADDRESSES = ['10.77.0.1', '10.77.0.2', '10.77.0.3', null];

export const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    auditedRefusals: ['login_failed'],
    cases: cases({
      actors: ['anon', 'anon', 'admin'],
      path: fixed('auth', 'login'),
      body: jsonBody(loginBase),
      addresses: LOGIN_ADDRESSES,
    }),
  },
  {
    name: 'POST /api/auth/logout',
    method: 'POST',
    cases: cases({
      actors: ['throwaway', 'anon'],
      path: fixed('auth', 'logout'),
      body: jsonBody(fc.jsonValue({ maxDepth: 2 })),
    }),
  },
  {
    name: 'POST /api/auth/password',
    method: 'POST',
    auditedRefusals: ['password_change_failed'],
    // Its own address for a third of the cases: the sign-in fuzz has used up the failures allowed to no address.
    cases: cases({
      actors: ['self', 'self', 'anon'],
      path: fixed('auth', 'password'),
      body: jsonBody(passwordBase),
      addresses: ['10.78.0.1', null, null],
    }),
  },
  {
    name: 'POST /api/users',
    method: 'POST',
    cases: cases({
      actors: ['admin', 'admin', 'admin', 'police'],
      path: fixed('users'),
      body: jsonBody(userCreateBase),
    }),
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'PATCH',
    cases: cases({
      actors: ['admin', 'admin', 'admin', 'editor'],
      path: idSegment('user').map((id) => ['users', id]),
      body: jsonBody(userUpdateBase),
    }),
  },
  {
    name: 'POST /api/users/:id/password',
    method: 'POST',
    cases: cases({
      actors: ['admin', 'admin', 'admin', 'leader'],
      path: idSegment('user').map((id) => ['users', id, 'password']),
      body: jsonBody(passwordResetBase),
    }),
  },
  {
    name: 'POST /api/hotspots',
    method: 'POST',
    cases: cases({
      actors: ['police', 'police', 'admin', 'editor'],
      path: fixed('hotspots'),
      body: jsonBody(hotspotCreateBase),
    }),
  },
  {
    name: 'PATCH /api/hotspots/:id',
    method: 'PATCH',
    cases: cases({
      actors: ['police', 'police', 'admin', 'leader'],
      path: idSegment('hotspot').map((id) => ['hotspots', id]),
      body: jsonBody(hotspotUpdateBase),
    }),
  },
  {
    name: 'POST /api/hotspots/:id/events',
    method: 'POST',
    cases: cases({
      actors: ['police', 'police', 'admin', 'approver'],
      path: idSegment('hotspot').map((id) => ['hotspots', id, 'events']),
      body: jsonBody(hotspotEventBase),
    }),
  },
  {
    name: 'POST /api/flags/:id/:decision',
    method: 'POST',
    cases: cases({
      actors: ['admin', 'editor', 'approver', 'police'],
      path: fc
        .tuple(
          idSegment('openFlag'),
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom('confirm', 'dismiss') },
            { weight: 1, arbitrary: fc.constantFrom('CONFIRM', 'confirm%20', 'confirmed', 'x', '') },
          ),
        )
        .map(([id, d]) => ['flags', id, d]),
      body: jsonBody(flagBase),
    }),
  },
  {
    name: 'POST /api/areas/query',
    method: 'POST',
    cases: cases({
      actors: ['police', 'police', 'admin', 'leader'],
      path: fixed('areas', 'query'),
      body: jsonBody(areaQueryBase),
    }),
  },
  {
    name: 'POST /api/areas/places',
    method: 'POST',
    cases: cases({
      actors: ['police', 'police', 'admin', 'editor'],
      path: fixed('areas', 'places'),
      body: formBody(
        fc.tuple(
          filePart(
            fc.oneof(
              { weight: 4, arbitrary: csvText },
              { weight: 1, arbitrary: fc.nat(5000).map((n) => ref('xlsx', n)) },
              { weight: 2, arbitrary: anyFileBytes },
            ),
            fc.oneof(fc.constantFrom('diem.csv', 'diem.txt', 'diem.xlsx', 'diem'), fileName),
          ),
        ),
      ),
    }),
  },
  {
    name: 'POST /api/operations',
    method: 'POST',
    cases: cases({
      actors: ['police', 'police', 'admin', 'editor'],
      path: fixed('operations'),
      body: jsonBody(operationBase),
    }),
  },
  {
    name: 'POST /api/operations/:id/results',
    method: 'POST',
    cases: cases({
      actors: ['police', 'police', 'admin', 'leader'],
      path: idSegment('openOperation').map((id) => ['operations', id, 'results']),
      body: jsonBody(resultsBase),
    }),
  },
  {
    name: 'POST /api/attachments',
    method: 'POST',
    cases: cases({
      actors: ['editor', 'editor', 'admin', 'police'],
      path: fixed('attachments'),
      body: formBody(fc.tuple(filePart(anyFileBytes))),
    }),
  },
  {
    name: 'POST /api/proposals',
    method: 'POST',
    cases: cases({
      actors: ['editor', 'editor', 'admin', 'approver'],
      path: fixed('proposals'),
      body: jsonBody(proposalBase),
    }),
  },
  {
    name: 'POST /api/proposals/:id/approve',
    method: 'POST',
    // An approval is dear (a new proposal and a snapshot reload after it): fewer existing ids than elsewhere.
    cases: cases({
      actors: ['approver', 'approver', 'admin', 'editor'],
      path: idSegment('pendingProposal', 3).map((id) => ['proposals', id, 'approve']),
      body: jsonBody(fc.jsonValue({ maxDepth: 2 })),
    }),
  },
  {
    name: 'POST /api/proposals/:id/reject',
    method: 'POST',
    cases: cases({
      actors: ['approver', 'approver', 'admin', 'editor'],
      path: idSegment('pendingProposal').map((id) => ['proposals', id, 'reject']),
      body: jsonBody(rejectBase),
    }),
  },
  // Imports last: a committed import replaces the province the other endpoints write to.
  {
    name: 'POST /api/imports/code-lists',
    method: 'POST',
    cases: cases({
      actors: ['admin', 'admin', 'admin', 'police'],
      path: fixed('imports', 'code-lists'),
      body: formBody(
        fc.tuple(
          fc.record({ name: fc.constant('asOf'), text: fc.oneof(isoDate('2020-01-01', '2026-01-01'), nastyString) }),
          fc.record({ name: fc.constant('name'), text: fc.oneof(nonEmpty(40), nastyString) }),
          filePart(
            fc.oneof(
              { weight: 4, arbitrary: nearValid(codeListBase).map((json) => ({ json })) },
              { weight: 1, arbitrary: anyFileBytes },
              { weight: 1, arbitrary: nastyString },
            ),
          ),
        ),
      ),
    }),
  },
  {
    name: 'POST /api/imports/boundaries/preview',
    method: 'POST',
    cases: cases({
      actors: ['admin', 'admin', 'admin', 'approver'],
      path: fixed('imports', 'boundaries', 'preview'),
      body: formBody(
        fc
          .tuple(
            fc.record({
              name: fc.constant('options'),
              text: fc.oneof(
                { weight: 4, arbitrary: nearValid(previewOptionsBase).map((json) => ({ json })) },
                { weight: 1, arbitrary: nastyString },
              ),
            }),
            filePart(
              fc.oneof(
                { weight: 4, arbitrary: nearValid(boundariesBase).map((json) => ({ json })) },
                { weight: 2, arbitrary: nearValid(topoBase).map((json) => ({ json })) },
                { weight: 2, arbitrary: anyFileBytes },
              ),
              fc.oneof(
                fc.constantFrom(
                  'ranh-gioi.geojson',
                  'ranh-gioi.json',
                  'ranh-gioi.topojson',
                  'ranh-gioi.zip',
                  'ranh-gioi.shp',
                ),
                fileName,
              ),
            ),
            fc.oneof(
              { weight: 4, arbitrary: fc.constant(undefined) },
              {
                weight: 1,
                arbitrary: filePart(
                  fc.oneof(
                    fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })),
                    anyFileBytes,
                  ),
                  fileName,
                  'crosswalk',
                ),
              },
            ),
          )
          .map(([o, f, c]) => (c ? [o, f, c] : [o, f])),
      ),
    }),
  },
  {
    name: 'POST /api/imports/boundaries/commit',
    method: 'POST',
    cases: cases({
      actors: ['admin', 'admin', 'admin', 'police'],
      path: fixed('imports', 'boundaries', 'commit'),
      body: jsonBody(commitBase),
    }),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// The environment: users with sessions made directly (no password check), rows for the ids to point at.

export interface Actor {
  key: ActorKey;
  userId: number;
  username: string;
  role: Role;
  scopes: string[];
  cookie: string;
  csrf: string;
}

export interface FuzzEnv {
  t: TestApp;
  actors: Record<Exclude<ActorKey, 'anon'>, Actor>;
  now: Date;
  /** The current password of the 'self' actor (it changes it; an admin may reset it). */
  ownPassword: string;
  xlsx: Uint8Array;
}

const ACTORS: [Exclude<ActorKey, 'anon'>, Role, string[]][] = [
  ['admin', 'admin', []],
  ['police', 'police', []],
  ['editor', 'editor', ['98']],
  ['approver', 'approver', ['98']],
  ['leader', 'leader', []],
  ['self', 'leader', []],
  ['throwaway', 'leader', []],
];
const ORIGIN = 'http://localhost';
const SYSTEM = { actorId: null, actorName: 'fuzz', address: null };

async function newSession(env: Pick<FuzzEnv, 't' | 'now'>, a: Actor) {
  const s = await createSession(env.t.database.db, a.userId, null, env.now, DEFAULT_SESSION_POLICY);
  a.cookie = `${SESSION_COOKIE}=${s.token}`;
  a.csrf = s.csrfToken;
}

async function placesXlsx(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Địa điểm');
  sheet.addRows([
    ['Tên', 'Kinh độ', 'Vĩ độ'],
    ['Trường A', 106.05, 10.05],
    ['Chợ B', '106,15', '10,15'],
    ['Sai', 'abc', 200],
  ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** `now`: the test app's clock (createTestApp's default), which sessions are dated by. */
export async function setupFuzz(t: TestApp, now = new Date('2024-06-30T05:00:00Z')): Promise<FuzzEnv> {
  const db = t.database.db;
  const actors = {} as FuzzEnv['actors'];
  for (const [key, role, scopes] of ACTORS) {
    const username = `fuzz.${key}`;
    const u = await createUser(
      db,
      { username, displayName: `Fuzz ${key}`, role, password: TEST_PASSWORD, scopes },
      SYSTEM,
    );
    actors[key] = { key, userId: u.id, username, role, scopes, cookie: '', csrf: '' };
    await newSession({ t, now }, actors[key]);
  }
  // Someone to sign in as, and accounts for the admin endpoints to change.
  await createUser(
    db,
    { username: 'fuzz.login', displayName: 'Fuzz login', role: 'leader', password: TEST_PASSWORD, scopes: [] },
    SYSTEM,
  );
  for (const [i, role] of (['editor', 'approver', 'admin'] as const).entries())
    await createUser(
      db,
      {
        username: `fuzz.target${i}`,
        displayName: `Fuzz target ${i}`,
        role,
        password: TEST_PASSWORD,
        scopes: role === 'editor' ? ['981'] : [],
      },
      SYSTEM,
    );
  return { t, now, actors, ownPassword: TEST_PASSWORD, xlsx: await placesXlsx() };
}

/** Puts a protected actor back as it was (an admin endpoint may have changed its role, area, lock or password). */
async function restore(env: FuzzEnv, a: Actor) {
  const db = env.t.database.db;
  await db.update(t.users).set({ role: a.role, active: true }).where(eq(t.users.id, a.userId));
  await db.delete(t.userScopes).where(eq(t.userScopes.userId, a.userId));
  if (a.scopes.length) {
    const units = await db
      .select({ id: t.adminUnits.id })
      .from(t.adminUnits)
      .where(inArray(t.adminUnits.code, a.scopes));
    for (const u of units) await db.insert(t.userScopes).values({ userId: a.userId, unitId: u.id });
  }
  await newSession(env, a);
}

// ---------------------------------------------------------------------------------------------------------------
// Running one case.

function actorOf(env: FuzzEnv, key: ActorKey): Actor | null {
  return key === 'anon' ? null : env.actors[key];
}

async function api(env: FuzzEnv, a: Actor, method: string, path: string, body?: unknown): Promise<Response> {
  return env.t.app.request(`/api${path}`, {
    method,
    headers: {
      Cookie: a.cookie,
      [CSRF_HEADER]: a.csrf,
      Origin: ORIGIN,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const pick = <T>(xs: T[], n: number): T | undefined => xs[n % Math.max(xs.length, 1)];

async function communeDetail(env: FuzzEnv, code: string) {
  const res = await api(env, env.actors.admin, 'GET', `/communes/${code}`);
  if (res.status !== 200) return null;
  return (await res.json()) as {
    baseChangeId: number | null;
    history: { id: number; status: CommuneStatus; effectiveDate: string }[];
    pendingProposalId: number | null;
  };
}

/** A pending proposal by the editor, made when none is left (best effort: the commune's next status, dated today). */
async function pendingProposal(env: FuzzEnv, n: number): Promise<number | null> {
  const db = env.t.database.db;
  const find = async () =>
    (
      await db
        .select({ id: t.statusProposals.id })
        .from(t.statusProposals)
        .where(and(eq(t.statusProposals.state, 'pending'), eq(t.statusProposals.proposerId, env.actors.editor.userId)))
        .orderBy(desc(t.statusProposals.id))
        .limit(8)
    ).map((r) => r.id);
  let ids = await find();
  if (!ids.length) {
    for (const code of COMMUNES) {
      const d = await communeDetail(env, code);
      if (!d || d.pendingProposalId !== null) continue;
      const from = d.history.filter((h) => h.id === d.baseChangeId)[0]?.status;
      for (const status of from ? STATUS_TRANSITIONS[from] : COMMUNE_STATUSES) {
        const res = await api(env, env.actors.editor, 'POST', '/proposals', {
          commune: code,
          status,
          effectiveDate: '2024-06-30',
          documentNumber: '15/QĐ-UBND',
          documentDate: '2024-06-29',
          baseChangeId: d.baseChangeId,
        });
        if (res.status === 201) break;
      }
    }
    ids = await find();
  }
  return pick(ids, n) ?? null;
}

async function openOperation(env: FuzzEnv, n: number): Promise<number | null> {
  const db = env.t.database.db;
  const find = async () =>
    (
      await db
        .select({ id: t.operations.id })
        .from(t.operations)
        .where(isNull(t.operations.results))
        .orderBy(desc(t.operations.id))
        .limit(8)
    ).map((r) => r.id);
  let ids = await find();
  if (!ids.length) {
    await api(env, env.actors.police, 'POST', '/operations', {
      name: 'Đợt cao điểm',
      startDate: '2024-05-01',
      endDate: '2024-06-30',
      area: { type: 'circle', center: [106.1, 10.1], radiusM: 5000 },
    });
    ids = await find();
  }
  return pick(ids, n) ?? null;
}

async function openFlag(env: FuzzEnv, n: number): Promise<number | null> {
  const db = env.t.database.db;
  const find = async () =>
    (
      await db
        .select({ id: t.reviewFlags.id })
        .from(t.reviewFlags)
        .where(eq(t.reviewFlags.state, 'open'))
        .orderBy(desc(t.reviewFlags.id))
        .limit(8)
    ).map((r) => r.id);
  let ids = await find();
  if (!ids.length) {
    // A flag as a detection in Tân An (98101, transformed) raises it; written directly, a hotspot write costs 40 ms.
    const [h] = await db
      .select({ id: t.hotspots.id, communeId: t.hotspots.communeId })
      .from(t.hotspots)
      .orderBy(t.hotspots.id)
      .limit(1);
    if (h)
      await db.insert(t.reviewFlags).values({
        communeId: h.communeId,
        hotspotId: h.id,
        eventKind: 'detected',
        eventDate: '2024-06-15',
        communeStatus: 'transformed',
        raisedAt: env.now.toISOString(),
      });
    ids = await find();
  }
  return pick(ids, n) ?? null;
}

async function previewToken(env: FuzzEnv): Promise<string | null> {
  const form = new FormData();
  form.append('file', new File([JSON.stringify(importBoundaries())], 'ranh-gioi.geojson'));
  form.append(
    'options',
    JSON.stringify({
      validFrom: '2025-07-01',
      province: IMPORT_PROVINCE.code,
      mapping: { code: 'MA_SO' },
      skipUnmatched: true,
    }),
  );
  const a = env.actors.admin;
  const res = await env.t.app.request('/api/imports/boundaries/preview', {
    method: 'POST',
    body: form,
    headers: { Cookie: a.cookie, [CSRF_HEADER]: a.csrf },
  });
  return res.status === 200 ? ((await res.json()) as { token: string }).token : null;
}

async function attachment(env: FuzzEnv, a: Actor | null): Promise<string | null> {
  if (!a) return null;
  const form = new FormData();
  form.append('file', new File([new Uint8Array(MAGIC.pdf)], 'bien-ban.pdf'));
  const res = await env.t.app.request('/api/attachments', {
    method: 'POST',
    body: form,
    headers: { Cookie: a.cookie, [CSRF_HEADER]: a.csrf },
  });
  return res.status === 201 ? ((await res.json()) as { id: string }).id : null;
}

async function resolveRef(env: FuzzEnv, r: Ref, actor: Actor | null): Promise<unknown> {
  const db = env.t.database.db;
  const n = typeof r.arg === 'number' ? r.arg : 0;
  const protectedIds = Object.values(env.actors).map((a) => a.userId);
  switch (r.kind) {
    case 'hotspot':
      return (
        pick(
          (await db.select({ id: t.hotspots.id }).from(t.hotspots).orderBy(desc(t.hotspots.id)).limit(24)).map(
            (x) => x.id,
          ),
          n,
        ) ?? 1
      );
    case 'user':
      return (
        pick(
          (
            await db
              .select({ id: t.users.id })
              .from(t.users)
              .where(notInArray(t.users.id, protectedIds))
              .orderBy(desc(t.users.id))
              .limit(24)
          ).map((x) => x.id),
          n,
        ) ?? 1
      );
    case 'openOperation':
      return (await openOperation(env, n)) ?? 1;
    case 'openFlag':
      return (await openFlag(env, n)) ?? 1;
    case 'pendingProposal':
      return (await pendingProposal(env, n)) ?? 1;
    case 'baseChange':
      return (await communeDetail(env, String(r.arg)))?.baseChangeId ?? null;
    case 'changeOf': {
      const [code, k] = String(r.arg).split(':');
      return pick((await communeDetail(env, code!))?.history.map((h) => h.id) ?? [], Number(k)) ?? 1;
    }
    case 'attachment':
      return (await attachment(env, actor)) ?? 'khong-co-tep-nay';
    case 'ownPassword':
      return env.ownPassword;
    case 'loginPassword':
      return TEST_PASSWORD;
    case 'previewToken':
      return (await previewToken(env)) ?? '0'.repeat(32);
    case 'xlsx': {
      // the valid list, truncated or with one byte changed
      const b = new Uint8Array(env.xlsx);
      if (n === 0) return [...b];
      if (n % 2) return [...b.subarray(0, n % b.length)];
      b[n % b.length] = b[n % b.length]! ^ 0xff;
      return [...b];
    }
  }
}

async function resolveDeep(env: FuzzEnv, v: unknown, actor: Actor | null): Promise<unknown> {
  if (v instanceof Ref) return resolveRef(env, v, actor);
  if (Array.isArray(v)) {
    const out = [];
    for (const x of v) out.push(await resolveDeep(env, x, actor));
    return out;
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) put(out, k, await resolveDeep(env, (v as Record<string, unknown>)[k], actor));
    return out;
  }
  return v;
}

export interface Sent {
  method: string;
  path: string;
  /** What was sent, for the failure message. */
  body: string;
  init: RequestInit;
  /** The user id a users/:id path names, when it is one. */
  targetUser: number | null;
  /** The new password a password change or reset sets, if it succeeds. */
  newPassword: string | null;
}

const asBytes = (d: string | number[]) => (typeof d === 'string' ? d : new Uint8Array(d));

export async function buildRequest(env: FuzzEnv, ep: Endpoint, c: Case): Promise<Sent> {
  let actor = actorOf(env, c.actor);
  if (actor?.key === 'throwaway') await newSession(env, actor); // logout ends it: a fresh one per case
  const segments: string[] = [];
  for (const s of c.path) segments.push(s instanceof Ref ? String(await resolveRef(env, s, actor)) : s);
  const path = `/api/${segments.join('/')}`;
  const headers: Record<string, string> = {};
  if (c.headers === 'anonymous') actor = null;
  if (actor) {
    headers.Cookie = c.headers === 'bogus-cookie' ? `${SESSION_COOKIE}=${'A'.repeat(43)}` : actor.cookie;
    if (c.headers !== 'no-csrf')
      headers[CSRF_HEADER] = c.headers === 'bad-csrf' ? `${actor.csrf.slice(0, -2)}xx` : actor.csrf;
  }
  headers.Origin = c.headers === 'cross-origin' ? 'http://evil.example' : ORIGIN;
  if (c.headers === 'cross-site') headers['Sec-Fetch-Site'] = 'cross-site';
  let body: BodyInit | undefined;
  let shown = '';
  let newPassword: string | null = null;
  const b = c.body;
  if (b.type === 'json') {
    const value = await resolveDeep(env, b.value, actor);
    shown = JSON.stringify(value) ?? 'undefined';
    body = shown;
    if (b.contentType !== null) headers['Content-Type'] = b.contentType ?? 'application/json';
    const given = value && typeof value === 'object' ? (value as { next?: unknown; password?: unknown }) : {};
    const next = segments[0] === 'auth' ? given.next : given.password;
    if (typeof next === 'string') newPassword = next;
  } else if (b.type === 'raw') {
    body = asBytes(b.data);
    shown = typeof b.data === 'string' ? JSON.stringify(b.data) : `bytes ${Buffer.from(b.data).toString('hex')}`;
    if (b.contentType !== null) headers['Content-Type'] = b.contentType;
  } else if (b.type === 'form') {
    const form = new FormData();
    const shownParts: string[] = [];
    for (const p of b.parts) {
      if ('text' in p) {
        const value = typeof p.text === 'string' ? p.text : (JSON.stringify(p.text.json) ?? '');
        form.append(p.name, value);
        shownParts.push(`${JSON.stringify(p.name)}=${JSON.stringify(value)}`);
      } else {
        const raw = p.data instanceof Ref ? ((await resolveRef(env, p.data, actor)) as number[]) : p.data;
        const data = Array.isArray(raw)
          ? new Uint8Array(raw)
          : typeof raw === 'string'
            ? raw
            : (JSON.stringify(raw.json) ?? '');
        form.append(p.name, new File([data], p.filename, p.mime === undefined ? {} : { type: p.mime }));
        const shownData =
          typeof data === 'string' ? JSON.stringify(data) : `bytes ${Buffer.from(data).toString('hex')}`;
        shownParts.push(`${JSON.stringify(p.name)}: file ${JSON.stringify(p.filename)} ${p.mime ?? ''} ${shownData}`);
      }
    }
    body = form;
    shown = `multipart {${shownParts.join(', ')}}`;
  }
  const id =
    segments[0] === 'users' && segments[1] && /^[1-9][0-9]{0,9}$/.test(segments[1]) ? Number(segments[1]) : null;
  return {
    method: ep.method,
    path,
    body: shown,
    init: { method: ep.method, headers, body },
    targetUser: id,
    newPassword,
  };
}

interface Mark {
  lastAudit: number;
  revision: number;
}

// The newest audit id (an index lookup, unlike a count) and the data revision: cheap enough for every case.
async function mark(env: FuzzEnv): Promise<Mark> {
  const db = env.t.database.db;
  const [a] = await db.select({ last: max(t.auditLog.id) }).from(t.auditLog);
  return { lastAudit: Number(a!.last ?? 0), revision: await readRevision(db) };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

export interface Outcome {
  status: number;
  /** Why the case breaks the property, or null. */
  problem: string | null;
}

/** Sends one case and checks it: below 500, and a 4xx leaves the audit trail and the data revision as they were. */
export async function runCase(env: FuzzEnv, ep: Endpoint, c: Case): Promise<Outcome> {
  const sent = await buildRequest(env, ep, c);
  const before = await mark(env);
  const logged = env.t.logs.length;
  const res = await env.t.app.request(sent.path, sent.init, c.address ? fromAddress(c.address) : undefined);
  const answer = await res.text();
  const what = () =>
    `${sent.method} ${clip(sent.path, 200)} as ${c.actor}/${c.headers}\nbody: ${clip(sent.body, 600)}\nanswer ${res.status}: ${clip(answer, 800)}`;
  if (res.status >= 500)
    return {
      status: res.status,
      problem: `${res.status} from ${what()}\nserver log:\n${clip(env.t.logs.slice(logged).join('\n'), 3000)}`,
    };
  if (res.status >= 400) {
    const rows = await env.t.database.db
      .select({ action: t.auditLog.action })
      .from(t.auditLog)
      .where(gt(t.auditLog.id, before.lastAudit));
    const changed = rows
      .map((r) => `audit ${r.action}`)
      .filter((a) => !(ep.auditedRefusals ?? []).includes(a.slice(6)));
    const revision = await readRevision(env.t.database.db);
    if (revision !== before.revision) changed.push(`data revision ${before.revision} → ${revision}`);
    if (changed.length)
      return { status: res.status, problem: `a ${res.status} changed data (${changed.join(', ')}): ${what()}` };
  } else {
    const hit = Object.values(env.actors).find((a) => a.userId === sent.targetUser);
    if (
      sent.newPassword !== null &&
      ((sent.path === '/api/auth/password' && c.actor === 'self') ||
        (hit?.key === 'self' && sent.path.endsWith('/password')))
    )
      env.ownPassword = sent.newPassword;
    // An admin endpoint changed one of the actors: put it back, with a new session.
    if (hit) await restore(env, hit);
  }
  return { status: res.status, problem: null };
}

/** Status counts per endpoint, filled as cases run. */
export type Tally = Map<number, number>;

export function fuzzProperty(env: FuzzEnv, ep: Endpoint, tally: Tally) {
  return fc.asyncProperty(ep.cases, async (c) => {
    const out = await runCase(env, ep, c);
    tally.set(out.status, (tally.get(out.status) ?? 0) + 1);
    if (out.problem) throw new Error(out.problem);
  });
}

export const formatTally = (tally: Tally) =>
  [...tally.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
