// The one typed API client (Hono RPC over AppType, same origin only) and the reads the dashboard makes.
import { hc, type ClientResponse } from 'hono/client';
import type { Topology } from 'topojson-specification';
import type { AppType } from '../../server/app';

/** The session's CSRF token, sent with every write (the server refuses writes without it). */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export const api = hc<AppType>(window.location.origin, {
  headers: (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
});

/** Called when any request answers 401: the session has ended (logout elsewhere, expiry). */
let onSignedOut: () => void = () => undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/** A field the server refused: its path in the request and a message in both languages. */
export interface FieldIssue {
  path: string;
  message: string;
}

type ErrorJson = {
  error?: { message?: { vi?: string; en?: string }; details?: Record<string, unknown>; issues?: FieldIssue[] };
} | null;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly messageVi: string = message,
    readonly details?: Record<string, unknown>,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
  /** A 4xx says the request itself is wrong: asking again will not help. */
  get final(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

/** The server's message for an error in the UI language; `fallback` for anything that is not a server refusal. */
export function errorText(e: unknown, lang: 'vi' | 'en', fallback = String(e)): string {
  return e instanceof ApiError ? (lang === 'vi' ? e.messageVi : e.message) : fallback;
}

/** A refused answer as an ApiError; a 401 also tells the app the session has ended. */
async function refusal(res: { status: number; json(): Promise<unknown> }): Promise<ApiError> {
  if (res.status === 401) onSignedOut();
  return apiError(res.status, (await res.json().catch(() => null)) as ErrorJson);
}

function apiError(status: number, body: ErrorJson): ApiError {
  const e = body?.error;
  return new ApiError(status, e?.message?.en ?? `HTTP ${status}`, e?.message?.vi, e?.details, e?.issues ?? []);
}

type OkBody<R> = R extends ClientResponse<infer T, infer S, 'json'> ? (S extends 200 | 201 ? T : never) : never;

/** The 200 body, typed by the server's route; anything else becomes an ApiError with the server's message. */
export async function okBody<R extends ClientResponse<unknown, number, 'json'>>(
  request: Promise<R>,
): Promise<OkBody<R>> {
  const res = await request;
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as OkBody<R>;
}

export const fetchHealth = () => okBody(api.api.health.$get());
export const fetchPlans = () => okBody(api.api.plans.$get());
export const fetchUnits = (parent?: string) => okBody(api.api.units.$get({ query: parent ? { parent } : {} }));
/** Statuses on a date (today's when none is given), with the boundary vintage and the plan of that date. */
export const fetchStatuses = (date?: string) => okBody(api.api.statuses.$get({ query: date ? { date } : {} }));
export const fetchCommune = (code: string, date: string) =>
  okBody(api.api.communes[':code'].$get({ param: { code }, query: { date } }));
export const fetchHotspots = (date: string) => okBody(api.api.hotspots.$get({ query: { date } }));
export const createHotspot = (json: Parameters<typeof api.api.hotspots.$post>[0]['json']) =>
  okBody(api.api.hotspots.$post({ json }));
export type HotspotFilters = Parameters<typeof api.api.hotspots.$get>[0]['query'];
export const searchHotspots = (query: HotspotFilters) => okBody(api.api.hotspots.$get({ query }));
/** Same-origin link to a hotspot list file with the same filters (the browser downloads it with the session cookie). */
export function hotspotExportUrl(query: HotspotFilters, format: 'csv' | 'xlsx' | 'geojson'): string {
  const q = new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  q.set('format', format);
  return `/api/hotspots/export?${q}`;
}
export const fetchIndicators = (plan: string, date: string, unit?: string) =>
  okBody(api.api.indicators.$get({ query: { plan, date, ...(unit ? { unit } : {}) } }));
export const fetchTrend = (plan: string, date: string, unit?: string) =>
  okBody(api.api.indicators.trend.$get({ query: { plan, date, ...(unit ? { unit } : {}) } }));
export const fetchRanking = (plan: string, date: string, parent?: string) =>
  okBody(api.api.indicators.ranking.$get({ query: { plan, date, ...(parent ? { parent } : {}) } }));
export const fetchMembers = (id: Indicator['id'], plan: string, date: string, unit?: string) =>
  okBody(
    api.api.indicators[':indicator'].members.$get({
      param: { indicator: id },
      query: { plan, date, ...(unit ? { unit } : {}) },
    }),
  );
export const fetchChanges = (from: string, to: string, within?: string) =>
  okBody(api.api.changes.$get({ query: { from, to, ...(within ? { within } : {}) } }));
export const fetchReported = (plan: string, date: string, unit?: string) =>
  okBody(api.api.reported.$get({ query: { plan, date, ...(unit ? { unit } : {}) } }));
export const fetchAccountability = (plan: string, date: string, unit?: string) =>
  okBody(api.api.accountability.$get({ query: { plan, date, ...(unit ? { unit } : {}) } }));
export const fetchComparison = (a: string, b: string, plan?: string, unit?: string) =>
  okBody(api.api.compare.$get({ query: { a, b, ...(plan ? { plan } : {}), ...(unit ? { unit } : {}) } }));

/** Downloads are plain links (the browser saves the file): the district table and the meeting brief. */
export const rankingExportUrl = (plan: string, date: string, parent?: string) =>
  `/api/indicators/ranking/export?${new URLSearchParams({ plan, date, ...(parent ? { parent } : {}) })}`;
export const briefUrl = (date: string, from: string, size: 'a4' | 'a3') =>
  `/api/brief?${new URLSearchParams({ date, from, size })}`;

/** The geometry of one boundary vintage (its key and first day), simplified for a zoom tier. */
export async function fetchBoundaries(key: string, from?: string, zoom?: number): Promise<Topology> {
  const res = await api.api.boundaries.$get({
    query: { v: key, ...(from ? { date: from } : {}), ...(zoom !== undefined ? { zoom: String(zoom) } : {}) },
  });
  if (!res.ok) throw await refusal(res);
  // The route sends stored TopoJSON bytes (gzip as stored), which the typed client does not model.
  return (await res.json()) as Topology;
}

export const fetchMe = () => okBody(api.api.auth.me.$get());
export const signIn = (username: string, password: string) =>
  okBody(api.api.auth.login.$post({ json: { username, password } }));
export const signOut = () => okBody(api.api.auth.logout.$post());
export const changePassword = (current: string, next: string) =>
  okBody(api.api.auth.password.$post({ json: { current, next } }));
export const fetchProposals = (query: { state?: 'pending' | 'approved' | 'rejected'; commune?: string }) =>
  okBody(api.api.proposals.$get({ query }));
export const submitProposal = (json: Parameters<typeof api.api.proposals.$post>[0]['json']) =>
  okBody(api.api.proposals.$post({ json }));
export const approveProposal = (id: number) =>
  okBody(api.api.proposals[':id'].approve.$post({ param: { id: String(id) } }));
export const rejectProposal = (id: number, reason: string) =>
  okBody(api.api.proposals[':id'].reject.$post({ param: { id: String(id) }, json: { reason } }));
export const fetchReportedValues = (query: {
  plan?: string;
  state?: 'pending' | 'approved' | 'rejected' | 'replaced';
}) => okBody(api.api.reported.values.$get({ query }));
export const submitReported = (json: Parameters<typeof api.api.reported.values.$post>[0]['json']) =>
  okBody(api.api.reported.values.$post({ json }));
export const decideReported = (id: number, json: { decision: 'approve' } | { decision: 'reject'; reason: string }) =>
  okBody(api.api.reported.values[':id'].decision.$post({ param: { id: String(id) }, json }));
export const fetchMyArea = () => okBody(api.api['my-area'].$get());
export const fetchFlags = () => okBody(api.api.flags.$get({ query: {} }));
export const resolveFlag = (id: number, decision: 'confirm' | 'dismiss', note: string) =>
  okBody(
    api.api.flags[':id'][':decision{confirm|dismiss}'].$post({ param: { id: String(id), decision }, json: { note } }),
  );
export const fetchUsers = () => okBody(api.api.users.$get());
export const createUser = (json: Parameters<typeof api.api.users.$post>[0]['json']) =>
  okBody(api.api.users.$post({ json }));
export const updateUser = (id: number, json: Parameters<(typeof api.api.users)[':id']['$patch']>[0]['json']) =>
  okBody(api.api.users[':id'].$patch({ param: { id: String(id) }, json }));
export const resetPassword = (id: number, password: string) =>
  okBody(api.api.users[':id'].password.$post({ param: { id: String(id) }, json: { password } }));
export const fetchAudit = (before?: number) =>
  okBody(api.api.audit.$get({ query: before ? { before: String(before) } : {} }));

/** The 200 body of a route of the typed client, for the uploads sent with plain fetch. */
type RouteBody<F extends (...args: never[]) => Promise<ClientResponse<unknown, number, 'json'>>> = OkBody<
  Awaited<ReturnType<F>>
>;

/** Sends a multipart form: a file under "file" and other fields (the typed client does not model multipart, so this
 *  one is plain fetch). Fields left undefined are not sent. */
async function upload<T>(path: string, file: File, fields: Record<string, string | File | undefined> = {}): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  const res = await fetch(path, {
    method: 'POST',
    body: form,
    headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
  });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as T;
}

export const uploadAttachment = (file: File) =>
  upload<RouteBody<typeof api.api.attachments.$post>>('/api/attachments', file);
export const fetchCodeLists = () => okBody(api.api.imports['code-lists'].$get());
export const uploadCodeList = (file: File, asOf: string, name: string) =>
  upload<RouteBody<(typeof api.api.imports)['code-lists']['$post']>>('/api/imports/code-lists', file, { asOf, name });
/** The preview's TopoJSON loses its geometry types through JSON typing: it is read back as a Topology. */
export type BoundaryPreview = Omit<RouteBody<typeof api.api.imports.boundaries.preview.$post>, 'preview'> & {
  preview: Topology;
};
export type AreaReport = NonNullable<BoundaryPreview['areas']>;
export type ImportReport = BoundaryPreview['report'];
export type PreviewOptions = import('../../server/contracts/imports').PreviewOptions;
/** Checks a boundary file (and crosswalk) without writing: the report, the units to draw and a token to commit them. */
export const previewBoundaries = (file: File, options: Partial<PreviewOptions>, crosswalk?: File) =>
  upload<BoundaryPreview>('/api/imports/boundaries/preview', file, { options: JSON.stringify(options), crosswalk });
export const commitBoundaries = (json: Parameters<(typeof api.api.imports.boundaries.commit)['$post']>[0]['json']) =>
  okBody(api.api.imports.boundaries.commit.$post({ json }));
export const reportedTemplateUrl = (plan: string, period: string) =>
  `/api/reported/template?${new URLSearchParams({ plan, period })}`;
export const uploadReported = (file: File, plan: string, period: string) =>
  upload<{ ids: number[] }>('/api/reported/upload', file, { plan, period });
export const uploadPlaces = (file: File) =>
  upload<RouteBody<typeof api.api.areas.places.$post>>('/api/areas/places', file);

export type AreaSpecInput = Parameters<typeof api.api.areas.query.$post>[0]['json']['area'];
export const queryArea = (area: AreaSpecInput, date?: string) =>
  okBody(api.api.areas.query.$post({ json: { area, ...(date ? { date } : {}) } }));
export const fetchOperations = () => okBody(api.api.operations.$get());
export const fetchOperation = (id: number, date?: string) =>
  okBody(api.api.operations[':id'].$get({ param: { id: String(id) }, query: date ? { date } : {} }));
export const createOperation = (json: Parameters<typeof api.api.operations.$post>[0]['json']) =>
  okBody(api.api.operations.$post({ json }));
export const recordResults = (
  id: number,
  json: Parameters<(typeof api.api.operations)[':id']['results']['$post']>[0]['json'],
) => okBody(api.api.operations[':id'].results.$post({ param: { id: String(id) }, json }));
export const operationExportUrl = (id: number, format: 'xlsx' | 'pdf') =>
  `/api/operations/${id}/export?format=${format}`;
export const fetchHotspot = (id: number, date?: string) =>
  okBody(api.api.hotspots[':id'].$get({ param: { id: String(id) }, query: date ? { date } : {} }));
export const updateHotspot = (id: number, json: Parameters<(typeof api.api.hotspots)[':id']['$patch']>[0]['json']) =>
  okBody(api.api.hotspots[':id'].$patch({ param: { id: String(id) }, json }));
export const addHotspotEvent = (
  id: number,
  json: Parameters<(typeof api.api.hotspots)[':id']['events']['$post']>[0]['json'],
) => okBody(api.api.hotspots[':id'].events.$post({ param: { id: String(id) }, json }));

export type Me = Awaited<ReturnType<typeof fetchMe>>;
export type Proposal = Awaited<ReturnType<typeof fetchProposals>>['proposals'][number];
export type ReviewFlag = Awaited<ReturnType<typeof fetchFlags>>['flags'][number];
export type AreaCommune = Awaited<ReturnType<typeof fetchMyArea>>['communes'][number];
export type User = Awaited<ReturnType<typeof fetchUsers>>['users'][number];
export type AuditRow = Awaited<ReturnType<typeof fetchAudit>>['rows'][number];
export type Health = Awaited<ReturnType<typeof fetchHealth>>;
export type Plan = Awaited<ReturnType<typeof fetchPlans>>['plans'][number];
export type StatusesReport = Awaited<ReturnType<typeof fetchStatuses>>;
export type Statuses = StatusesReport['statuses'];
export type CommuneInfo = Awaited<ReturnType<typeof fetchCommune>>;
export type IndicatorsReport = Awaited<ReturnType<typeof fetchIndicators>>;
export type Indicator = IndicatorsReport['indicators'][number];
export type Trend = Awaited<ReturnType<typeof fetchTrend>>;
export type Ranking = Awaited<ReturnType<typeof fetchRanking>>;
export type Members = Awaited<ReturnType<typeof fetchMembers>>;
export type Changes = Awaited<ReturnType<typeof fetchChanges>>;
export type Accountability = Awaited<ReturnType<typeof fetchAccountability>>;
export type Comparison = Awaited<ReturnType<typeof fetchComparison>>;
export type Reported = Awaited<ReturnType<typeof fetchReported>>;
export type ReportedEntry = Awaited<ReturnType<typeof fetchReportedValues>>['values'][number];
export type Hotspots = Awaited<ReturnType<typeof fetchHotspots>>;
export type AreaResult = Awaited<ReturnType<typeof queryArea>>;
export type OperationSummary = Awaited<ReturnType<typeof fetchOperations>>['operations'][number];
export type Operation = Awaited<ReturnType<typeof fetchOperation>>;
export type HotspotDetail = Awaited<ReturnType<typeof fetchHotspot>>;
