// Boundary imports from the admin page: code lists; a file previewed (read, checked, matched: the report and the
// units to draw) and kept for 30 minutes under a token; then committed as a new vintage in one transaction.
import { desc } from 'drizzle-orm';
import type { FeatureCollection } from 'geojson';
import { Hono } from 'hono';
import { topology } from 'topojson-server';
import { DISPLAY_QUANTIZATION } from '../../geo/display';
import { requirePermission } from '../http/permissions';
import { commitBody, type CommitBody } from '../contracts/imports';
import * as t from '../db/schema';
import { fieldError, HttpError } from '../http/errors';
import { principalOf, type AuthEnv } from '../http/guard';
import { uploadLimit, uploadedForm } from '../http/upload';
import { validate } from '../http/validate';
import { codeListFor, saveCodeList } from '../import/code-lists';
import { commitBoundaries, demoReplacementPreview } from '../import/commit';
import { prepareBoundaries } from '../import/prepare';
import { PreviewStore } from '../import/preview-store';
import { MAX_IMPORT_BYTES } from '../import/read';
import { boundaryFileOf, codeListUpload, crosswalkOf, previewOptionsOf, unreadableFile } from '../import/upload-form';
import type { Db } from '../db/client';
import { accountsChanged, invalidateAndPublish, type RouteContext } from './context';

type Form = Awaited<ReturnType<typeof uploadedForm>>;

const previewExpired = () =>
  new HttpError(
    404,
    'preview_expired',
    'Bản xem trước đã hết hạn; hãy tải tệp lên lại',
    'The preview has expired; upload the file again',
  );

async function saveUploadedCodeList(db: Db, form: Form, username: string) {
  const upload = await codeListUpload(form);
  try {
    return await saveCodeList(db, upload, username);
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw fieldError(
      'file',
      'Tệp không có dạng danh mục đơn vị hành chính (data[].level1_id, level2s…)',
      'Not an administrative code list (data[].level1_id, level2s…)',
    );
  }
}

/** Reads, checks and matches the file; holds what the commit needs; answers the report and the units to draw. */
async function previewBoundaries(db: Db, store: PreviewStore, form: Form, userId: number) {
  const options = previewOptionsOf(form);
  const file = boundaryFileOf(form);
  const crosswalk = await crosswalkOf(form);
  const list = await codeListFor(db, options);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const prepared = await prepareBoundaries(file.name, bytes, {
    ...options,
    codeList: list?.units,
    codeListName: list ? `${list.asOf} (${list.name})` : undefined,
  }).catch(unreadableFile);
  // Only what the commit needs is held: the file's other units and the preview shapes are let go.
  const { ready, report, outline } = prepared;
  const token = store.hold({
    userId,
    prepared: { ready, report, outline },
    options,
    codeList: list?.units ?? null,
    crosswalk,
  });
  // Every unit with a geometry, marked written, blocking or left out, quantised for the preview map (~1 m).
  const units: FeatureCollection = { type: 'FeatureCollection', features: prepared.drawn };
  const preview = topology({ units }, DISPLAY_QUANTIZATION);
  // Users' areas if the demo is replaced, shown before the commit is confirmed.
  const areas = await demoReplacementPreview(db, prepared);
  return { token, report, preview, crosswalkLinks: crosswalk?.links.length ?? null, areas };
}

async function commitPreview(
  ctx: RouteContext,
  store: PreviewStore,
  body: CommitBody,
  user: { id: number; name: string },
) {
  const held = store.find(body.token, user.id);
  if (!held) throw previewExpired();
  const { events, ...summary } = await commitBoundaries(ctx.database.db, held.prepared, {
    validFrom: held.options.validFrom,
    validTo: held.options.validTo,
    codeList: held.codeList,
    crosswalk: held.crosswalk,
    legalBasis: body.legalBasis,
    replaceDemo: body.replaceDemo,
    actor: user.name,
    now: ctx.clock(),
  });
  store.drop(body.token);
  ctx.cache.invalidate();
  await accountsChanged(ctx); // areas extended to the new communes take effect on the next request
  invalidateAndPublish(ctx, events);
  return summary;
}

export function importRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  const store = new PreviewStore(ctx.clock);
  return new Hono<AuthEnv>()
    .use(requirePermission('manage_boundaries'))
    .get('/code-lists', async (c) => {
      const { asOf, name, loadedAt, loadedBy } = t.codeLists;
      const rows = await db.select({ asOf, name, loadedAt, loadedBy }).from(t.codeLists).orderBy(desc(asOf));
      return c.json({ lists: rows }, 200);
    })
    .post('/code-lists', uploadLimit(20 * 1024 * 1024), async (c) => {
      const saved = await saveUploadedCodeList(db, await uploadedForm(c), principalOf(c).username);
      return c.json(saved, 201);
    })
    .post('/boundaries/preview', uploadLimit(MAX_IMPORT_BYTES + 16 * 1024 * 1024), async (c) => {
      const form = await uploadedForm(c);
      return c.json(await previewBoundaries(db, store, form, principalOf(c).userId), 200);
    })
    .post('/boundaries/commit', validate('json', commitBody), async (c) => {
      const p = principalOf(c);
      const summary = await commitPreview(ctx, store, c.req.valid('json'), { id: p.userId, name: p.username });
      return c.json(summary, 201);
    });
}
