// Boundary imports from the admin page: code lists; a file previewed (read, checked, matched: the report and the
// units to draw) and kept for 30 minutes under a token; then committed as a new vintage in one transaction.
import { randomBytes } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { FeatureCollection } from 'geojson';
import { Hono } from 'hono';
import { topology } from 'topojson-server';
import { DISPLAY_QUANTIZATION } from '../../geo/display';
import { requirePermission } from '../http/permissions';
import { codeListForm, commitBody, previewOptions } from '../contracts/imports';
import * as t from '../db/schema';
import { fieldError, HttpError } from '../http/errors';
import { principalOf, type AuthEnv } from '../http/guard';
import { uploadLimit, uploadedForm } from '../http/upload';
import { validate } from '../http/validate';
import type { OfficialUnit } from '../import/code-list';
import { codeListFor, saveCodeList } from '../import/code-lists';
import { commitBoundaries, demoReplacementPreview } from '../import/commit';
import { parseCrosswalk, type Crosswalk } from '../import/crosswalk';
import { prepareBoundaries } from '../import/prepare';
import { MAX_IMPORT_BYTES } from '../import/read';
import type { PreviewOptions } from '../contracts/imports';
import { accountsChanged, invalidateAndPublish, type RouteContext } from './context';

interface Pending {
  userId: number;
  expires: number;
  prepared: Pick<Awaited<ReturnType<typeof prepareBoundaries>>, 'ready' | 'report' | 'outline'>;
  options: PreviewOptions;
  codeList: OfficialUnit[] | null;
  crosswalk: Crosswalk | null;
}

const KEEP_MS = 30 * 60_000;
/** Previews held at once (each holds a province's full geometry). */
const MAX_PENDING = 4;

async function jsonFile(value: unknown, field: string): Promise<unknown> {
  if (!(value instanceof File)) return undefined;
  try {
    return JSON.parse(await value.text());
  } catch {
    throw fieldError(field, `Tệp ${field} không phải JSON hợp lệ`, `The ${field} file is not valid JSON`);
  }
}

export function importRoutes(ctx: RouteContext) {
  const { db } = ctx.database;
  const pending = new Map<string, Pending>();
  const sweep = () => {
    for (const [k, v] of pending) if (v.expires < ctx.clock().getTime()) pending.delete(k);
  };

  return new Hono<AuthEnv>()
    .use(requirePermission('manage_boundaries'))
    .get('/code-lists', async (c) => {
      const rows = await db
        .select({
          asOf: t.codeLists.asOf,
          name: t.codeLists.name,
          loadedAt: t.codeLists.loadedAt,
          loadedBy: t.codeLists.loadedBy,
        })
        .from(t.codeLists)
        .orderBy(desc(t.codeLists.asOf));
      return c.json({ lists: rows }, 200);
    })
    .post('/code-lists', uploadLimit(20 * 1024 * 1024), async (c) => {
      const p = principalOf(c);
      const form = await uploadedForm(c);
      const fields = codeListForm.safeParse({ asOf: form.asOf, name: form.name });
      if (!fields.success)
        throw fieldError(
          String(fields.error.issues[0]!.path[0]),
          'Cần ngày (YYYY-MM-DD) và tên danh mục',
          'The list needs a date (YYYY-MM-DD) and a name',
        );
      const json = await jsonFile(form.file, 'file');
      if (json === undefined)
        throw fieldError('file', 'Cần gửi tệp danh mục trong trường "file"', 'Send the list in the "file" field');
      let saved;
      try {
        saved = await saveCodeList(db, { ...fields.data, json }, p.username);
      } catch (e) {
        if (e instanceof HttpError) throw e;
        throw fieldError(
          'file',
          'Tệp không có dạng danh mục đơn vị hành chính (data[].level1_id, level2s…)',
          'Not an administrative code list (data[].level1_id, level2s…)',
        );
      }
      return c.json(saved, 201);
    })
    .post('/boundaries/preview', uploadLimit(MAX_IMPORT_BYTES + 16 * 1024 * 1024), async (c) => {
      const p = principalOf(c);
      const form = await uploadedForm(c);
      let raw: unknown;
      try {
        raw = JSON.parse(typeof form.options === 'string' ? form.options : '{}');
      } catch {
        throw fieldError('options', 'Trường "options" không phải JSON', 'The "options" field is not JSON');
      }
      const parsed = previewOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw fieldError(['options', ...issue.path.map(String)].join('.'), issue.message, issue.message);
      }
      const options = parsed.data;
      if (!(form.file instanceof File))
        throw fieldError(
          'file',
          'Cần gửi tệp ranh giới trong trường "file"',
          'Send the boundary file in the "file" field',
        );
      const crosswalkJson = await jsonFile(form.crosswalk, 'crosswalk');
      let crosswalk: Crosswalk | null = null;
      if (crosswalkJson !== undefined) {
        try {
          crosswalk = parseCrosswalk(crosswalkJson);
        } catch {
          throw fieldError(
            'crosswalk',
            'Tệp chuyển đổi không có dạng merges.json hoặc splits.json',
            'The crosswalk is neither merges.json nor splits.json shaped',
          );
        }
      }
      const list = await codeListFor(db, options);
      const bytes = new Uint8Array(await form.file.arrayBuffer());
      // The file is the user's: a shape the readers cannot follow (arcs that are not arrays, coordinates that are not
      // numbers, attributes that are objects) is a refusal naming the field, not a server error.
      const prepared = await prepareBoundaries(form.file.name, bytes, {
        ...options,
        codeList: list?.units,
        codeListName: list ? `${list.asOf} (${list.name})` : undefined,
      }).catch((e: unknown) => {
        if (e instanceof HttpError) throw e;
        const why = e instanceof Error ? e.message : String(e);
        throw new HttpError(
          422,
          'unreadable_file',
          `Không đọc được tệp ranh giới: ${why}`,
          `The boundary file cannot be read: ${why}`,
          { field: 'file' },
        );
      });
      sweep();
      while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
      const token = randomBytes(16).toString('hex');
      // Only what the commit needs is held: the file's other units and the preview shapes are let go.
      pending.set(token, {
        userId: p.userId,
        expires: ctx.clock().getTime() + KEEP_MS,
        prepared: { ready: prepared.ready, report: prepared.report, outline: prepared.outline },
        options,
        codeList: list?.units ?? null,
        crosswalk,
      });
      // Every unit with a geometry, marked written, blocking or left out, quantised for the preview map (~1 m).
      const units: FeatureCollection = { type: 'FeatureCollection', features: prepared.drawn };
      const preview = topology({ units }, DISPLAY_QUANTIZATION);
      // Users' areas if the demo is replaced, shown before the commit is confirmed.
      const areas = await demoReplacementPreview(db, prepared);
      return c.json(
        { token, report: prepared.report, preview, crosswalkLinks: crosswalk?.links.length ?? null, areas },
        200,
      );
    })
    .post('/boundaries/commit', validate('json', commitBody), async (c) => {
      const p = principalOf(c);
      const body = c.req.valid('json');
      sweep();
      const held = pending.get(body.token);
      if (!held || held.userId !== p.userId)
        throw new HttpError(
          404,
          'preview_expired',
          'Bản xem trước đã hết hạn; hãy tải tệp lên lại',
          'The preview has expired; upload the file again',
        );
      const { events, ...summary } = await commitBoundaries(db, held.prepared, {
        validFrom: held.options.validFrom,
        validTo: held.options.validTo,
        codeList: held.codeList,
        crosswalk: held.crosswalk,
        legalBasis: body.legalBasis,
        replaceDemo: body.replaceDemo,
        actor: p.username,
        now: ctx.clock(),
      });
      pending.delete(body.token);
      ctx.cache.invalidate();
      await accountsChanged(ctx); // areas extended to the new communes take effect on the next request
      invalidateAndPublish(ctx, events);
      return c.json(summary, 201);
    });
}
