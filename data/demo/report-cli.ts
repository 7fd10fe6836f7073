// Prints the demo province's indicators per district for both plans (tuning aid): npx tsx data/demo/report-cli.ts [seed]
import { dataset } from '../format';
import { generateDemoDataset } from './generate';
import { indicatorsByUnit } from './report';

function cell(value: number | null, share: boolean): string {
  if (value === null) return '—';
  return share ? `${(value * 100).toFixed(0)}%` : String(Math.round(value * 1000) / 1000);
}

const seed = process.argv[2] ? Number(process.argv[2]) : undefined;
const data = dataset.parse(generateDemoDataset({ seed }));
const initial = new Set(data.statusChanges.map((s) => s.communeCode));
const communes = data.units.filter((u) => u.code.length === 5);
console.log(
  `communes ${communes.length} (no status ${communes.filter((c) => !initial.has(c.code)).length}), hotspots ${data.hotspots.length}, ` +
    `status changes ${data.statusChanges.length} (corrections ${data.statusChanges.filter((s) => s.correctsRef).length}), ` +
    `selections ${data.selections
      .map((s) => s.planId)
      .join(' ')
      .split(' ')
      .filter((v, i, a) => a.indexOf(v) === i)
      .map((p) => `${p}: ${data.selections.filter((s) => s.planId === p).length}`)
      .join(', ')}`,
);
for (const [planId, asOf] of [
  ['2021-2025', '2025-12-31'],
  ['2026-2030', '2026-11-15'],
] as const) {
  console.log(`\n${planId} at ${asOf}   (value / expected / on track; H2 series)`);
  for (const u of indicatorsByUnit(data, planId, asOf)) {
    const parts = u.report.indicators.map((r) => {
      const share = r.id === 'H1' || r.id === 'H2' || r.id === 'T1' || r.id === 'T2';
      const mark = r.onTrack === null ? '?' : r.onTrack ? '✓' : '✗';
      const extra =
        r.id === 'C1'
          ? ` Δ${r.judged ?? '—'}`
          : r.id === 'T1' || r.id === 'T2' || r.id === 'H1'
            ? ` (${r.numerator}/${r.denominator})`
            : '';
      return `${r.id} ${cell(r.value, share)}${extra}${mark}`;
    });
    const series = u.report.indicators
      .find((r) => r.id === 'H2')
      ?.series?.map((p) => `${p.year}:${p.denominator}→${p.numerator! + p.denominator}`)
      .join(' ');
    console.log(`${u.code.padEnd(4)} ${u.label.padEnd(22)} ${parts.join('  ')}\n     ${series}`);
  }
}
