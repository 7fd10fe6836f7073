// Manual check: screenshots of the running app at projector and full-HD sizes (npx tsx tests/e2e/screenshot.ts URL).
import { mkdirSync } from 'node:fs';
import { launchBrowser } from './browser';
import { waitForIdleMap } from './map-pixels';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const browser = await launchBrowser();
mkdirSync('test-artifacts', { recursive: true });
for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(url).origin)) outside.push(r.url());
  });
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const map = (window as unknown as { __map?: { loaded(): boolean; getSource(id: string): unknown } }).__map;
      return !!map && !!map.getSource('communes') && map.loaded();
    },
    undefined,
    { timeout: 30_000 },
  );
  await waitForIdleMap(page);
  await page.screenshot({ path: `test-artifacts/dashboard-${w}x${h}.png` });
  console.log(`saved test-artifacts/dashboard-${w}x${h}.png; requests outside origin: ${outside.length}`);
  await page.close();
}
await browser.close();
