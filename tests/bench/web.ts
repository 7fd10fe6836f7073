// Browser benchmarks: navigation to a complete map (median of 5, cold cache), JS/CSS bytes on the wire,
// and the time each slider step takes to restyle the map (plus animation frame gaps meanwhile).
import { launchBrowser } from '../e2e/browser';
import { percentile } from './http';
import { signInOverHttp } from '../e2e/api-session';

type W = {
  __appliedStatuses?: number;
  __map?: {
    isSourceLoaded(id: string): boolean;
    on(e: string, f: () => void): void;
    off(e: string, f: () => void): void;
    queryRenderedFeatures(o: { layers: string[] }): { properties: { code: string } }[];
  };
};

export interface WebBench {
  firstCompleteMapMs: number[];
  /** The same, opening the presentation view (?present=1). */
  presentationFirstMapMs: number[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  stepMs: { p50: number; p95: number; max: number };
  frameGapMs: { p95: number; max: number };
}

/** A page whose context already holds a session cookie: the measure starts at navigation, as for a returning user. */
async function signedInPage(browser: import('playwright-core').Browser, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const { cookie } = await signInOverHttp(origin, 'lanhdao');
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: origin, httpOnly: true, sameSite: 'Strict' }]);
  return context.newPage();
}

async function firstMap(origin: string, expected: number, path = '/') {
  const browser = await launchBrowser();
  const page = await signedInPage(browser, origin);
  // tsx compiles these functions with esbuild's keepNames, which calls a __name helper the page lacks.
  await page.addInitScript('window.__name = (f) => f');
  page.on('crash', () => console.error('page crashed'));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('console:', m.text());
  });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  const bytes = { js: 0, css: 0 };
  page.on('requestfinished', async (r) => {
    const kind = /\.js$/.test(r.url()) ? 'js' : /\.css$/.test(r.url()) ? 'css' : null;
    if (kind && !/worker/.test(r.url())) bytes[kind] += (await r.sizes()).responseBodySize;
  });
  await page.goto(origin + path);
  const ms = await page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const w = window as unknown as W;
          // Complete = every commune filled with its status; labels may still be on their way.
          const codes =
            w.__map && (w.__appliedStatuses ?? 0) > 0 && w.__map.isSourceLoaded('communes')
              ? new Set(w.__map.queryRenderedFeatures({ layers: ['commune-fill'] }).map((f) => f.properties.code)).size
              : 0;
          if (codes >= n) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
    expected,
  );
  return { ms, bytes, browser };
}

/** Steps the slider through every month of the 2021–2025 plan, as its play button does. */
async function sliderSteps(browser: import('playwright-core').Browser, origin: string) {
  const page = await signedInPage(browser, origin);
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${origin}/?date=2025-12-31`);
  await page.waitForFunction(() => {
    const w = window as unknown as W;
    return (w.__appliedStatuses ?? 0) > 0 && w.__map!.isSourceLoaded('communes');
  });
  const steps = Number(await page.getByTestId('date-slider').getAttribute('max')) + 1;
  return page.evaluate(
    (n) =>
      new Promise<{ steps: number[]; gaps: number[] }>((resolve) => {
        const w = window as unknown as W;
        const slider = document.querySelector('[data-testid="date-slider"]') as HTMLInputElement;
        slider.focus(); // as a user grabbing the slider: the app prefetches the statuses of every step
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const times: number[] = [];
        const gaps: number[] = [];
        let last = performance.now();
        let running = true;
        const frame = () => {
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          if (running) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        const step = (i: number) => {
          if (i >= n) {
            running = false;
            resolve({ steps: times, gaps });
            return;
          }
          const applied = w.__appliedStatuses ?? 0;
          const t0 = performance.now();
          setValue.call(slider, String(i));
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          // The step ends with the first frame drawn after the new statuses were applied.
          const rendered = () => {
            if ((w.__appliedStatuses ?? 0) <= applied) return;
            w.__map!.off('render', rendered);
            times.push(performance.now() - t0);
            requestAnimationFrame(() => step(i + 1));
          };
          w.__map!.on('render', rendered);
        };
        setTimeout(() => step(0), 1500);
      }),
    steps,
  );
}

export async function webBench(origin: string, communeCount: number): Promise<WebBench> {
  const runs: number[] = [];
  const presenting: number[] = [];
  let bytes: { js: number; css: number } | undefined;
  for (let i = 0; i < 5; i++) {
    // Interleaved with the dashboard's runs, so that both see the same machine load.
    const p = await firstMap(origin, communeCount, '/?present=1');
    presenting.push(p.ms);
    await p.browser.close();
    const r = await firstMap(origin, communeCount);
    runs.push(r.ms);
    bytes = r.bytes;
    if (i < 4) await r.browser.close();
    else {
      const { steps, gaps } = await sliderSteps(r.browser, origin);
      await r.browser.close();
      const s = [...steps].sort((a, b) => a - b);
      const g = [...gaps].sort((a, b) => a - b);
      return {
        firstCompleteMapMs: runs,
        presentationFirstMapMs: presenting,
        jsGzipBytes: bytes!.js,
        cssGzipBytes: bytes!.css,
        stepMs: { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1]! },
        frameGapMs: { p95: percentile(g, 95), max: g[g.length - 1]! },
      };
    }
  }
  throw new Error('unreachable');
}
