// The report's findings, by kind, with each one's unit, area, detail and outcome; those with a place can be shown.
import { useMemo, useState } from 'react';
import type { Position } from 'geojson';
import type { ImportReport } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatArea } from '../../i18n/format';

type Finding = ImportReport['findings'][number];
const SHOWN = 100;

type KindCount = [Finding['kind'], { n: number; blocking: number }];

/** Findings by kind, blocking kinds first: they are what stands between the file and the commit. */
function countByKind(findings: Finding[]): KindCount[] {
  const by = new Map<Finding['kind'], { n: number; blocking: number }>();
  for (const f of findings) {
    const c = by.get(f.kind) ?? { n: 0, blocking: 0 };
    by.set(f.kind, { n: c.n + 1, blocking: c.blocking + (f.blocking ? 1 : 0) });
  }
  return [...by].sort((a, b) => b[1].blocking - a[1].blocking || b[1].n - a[1].n);
}

function KindFilter({
  total,
  counts,
  kind,
  onKind,
}: {
  total: number;
  counts: KindCount[];
  kind: Finding['kind'] | '';
  onKind(kind: Finding['kind'] | ''): void;
}) {
  const t = useT().imp;
  return (
    <div className="finding-kinds" role="group" aria-label={t.findings}>
      <button type="button" aria-pressed={kind === ''} onClick={() => onKind('')}>
        {t.allKinds} ({total})
      </button>
      {counts.map(([k, c]) => (
        <button
          type="button"
          key={k}
          aria-pressed={kind === k}
          className={c.blocking ? 'blocking' : undefined}
          data-kind={k}
          onClick={() => onKind(k)}
        >
          {t.kinds[k]} ({c.n})
        </button>
      ))}
    </div>
  );
}

function FindingRow({ f, onLocate }: { f: Finding; onLocate(at: Position): void }) {
  const t = useT().imp;
  const lang = useLang();
  return (
    <tr className={f.blocking ? 'blocking' : undefined} data-kind={f.kind}>
      <td>
        {f.label}
        {f.kind === 'duplicate_code' && f.others?.length ? ` ↔ ${f.others.map((o) => `#${o + 1}`).join(', ')}` : ''}
      </td>
      <td>
        {t.kinds[f.kind]}
        {f.count && f.count > 1 ? ` ×${f.count}` : ''}
      </td>
      <td className="num">{f.areaM2 !== undefined ? formatArea(f.areaM2, lang) : ''}</td>
      <td>{f.detail ?? ''}</td>
      <td>{f.blocking ? t.blocks : f.repaired ? t.repaired : t.reported}</td>
      <td>
        {f.at && (
          <button type="button" className="link" onClick={() => onLocate(f.at!)}>
            {t.locate}
          </button>
        )}
      </td>
    </tr>
  );
}

function FindingRows({ rows, onLocate }: { rows: Finding[]; onLocate(at: Position): void }) {
  const t = useT().imp;
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t.unit}</th>
          <th>{t.kind}</th>
          <th>{t.area}</th>
          <th>{t.detail}</th>
          <th>{t.outcome}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((f, i) => (
          <FindingRow key={i} f={f} onLocate={onLocate} />
        ))}
      </tbody>
    </table>
  );
}

export function FindingsTable({ findings, onLocate }: { findings: Finding[]; onLocate(at: Position): void }) {
  const t = useT().imp;
  const [kind, setKind] = useState<Finding['kind'] | ''>('');
  const [all, setAll] = useState(false);
  const counts = useMemo(() => countByKind(findings), [findings]);
  const listed = useMemo(
    () =>
      kind
        ? findings.filter((f) => f.kind === kind)
        : [...findings].sort((a, b) => Number(b.blocking) - Number(a.blocking)),
    [findings, kind],
  );
  const rows = all ? listed : listed.slice(0, SHOWN);

  if (findings.length === 0) return <p data-testid="no-findings">{t.noFindings}</p>;
  return (
    <div className="findings" data-testid="findings">
      <KindFilter total={findings.length} counts={counts} kind={kind} onKind={setKind} />
      <FindingRows rows={rows} onLocate={onLocate} />
      {!all && listed.length > SHOWN && (
        <button type="button" onClick={() => setAll(true)}>
          {t.showAll(listed.length)}
        </button>
      )}
    </div>
  );
}
