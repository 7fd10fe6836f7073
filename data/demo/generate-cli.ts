// Writes the demo province dataset as JSON and prints what it holds.
// Usage: npx tsx data/demo/generate-cli.ts [out.json] [--seed N] [--until YYYY-MM-DD]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dataset } from '../format';
import { generateDemoDataset, type DemoOptions } from './generate';
import { vertexCount, type Area } from './geometry';

const DEFAULT_OUT = 'data/demo/out/demo-province.json';

function parseArgs(argv: readonly string[]): { out: string; options: DemoOptions } {
  const options: DemoOptions = {};
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--until') options.until = argv[++i];
    else out = arg;
  }
  return { out, options };
}

function main(): void {
  const { out, options } = parseArgs(process.argv.slice(2));
  const data = generateDemoDataset(options);
  const parsed = dataset.parse(data);
  const json = JSON.stringify(data);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  const communes = parsed.units.filter((u) => u.code.length === 5);
  const vertices = communes.reduce((n, u) => n + vertexCount(u.geometry as Area), 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`Wrote ${out}: ${parsed.meta.name}`);
  console.log(
    `  districts ${parsed.units.filter((u) => u.code.length === 3).length}, communes ${communes.length} (${vertices} vertices)`,
  );
  console.log(`  layers ${parsed.layers.length}, plans ${parsed.plans.length}, selections ${parsed.selections.length}`);
  console.log(
    `  status changes ${parsed.statusChanges.length} (corrections ${parsed.statusChanges.filter((s) => s.correctsRef).length})`,
  );
  console.log(
    `  hotspots ${parsed.hotspots.length} (events ${parsed.hotspots.reduce((n, h) => n + h.events.length, 0)})`,
  );
  console.log(`  size ${kb(Buffer.byteLength(json))}, gzip ${kb(gzipSync(json).length)}`);
}

main();
