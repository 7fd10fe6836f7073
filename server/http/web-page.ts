// The built web page served beside the API: hashed assets and glyphs cached for a year, any other path answered
// with the page (the app routes in the browser); a path under /api/ that no route serves stays a JSON 404.
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { errorBody } from './errors';

/** Mounts the page built in `root` (dist/web); false when there is none to serve. */
export function mountWebPage(app: Hono, root: string): boolean {
  if (!existsSync(`${root}/index.html`)) return false;
  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', 'Không có địa chỉ API này', `No such API path: ${c.req.path}`), 404),
  );
  const immutable = {
    precompressed: true,
    onFound: (_p: string, c: Context) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
  };
  app.use('/assets/*', serveStatic({ root, ...immutable }));
  app.use('/fonts/*', serveStatic({ root, ...immutable }));
  app.use('*', serveStatic({ root, precompressed: true }));
  app.get('*', serveStatic({ path: `${root}/index.html`, precompressed: true }));
  return true;
}
