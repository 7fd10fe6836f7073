// The validation report of a checked file: what was read, how units matched, the mapping used and the findings.
import type { Position } from 'geojson';
import type { BoundaryPreview } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { FindingsTable } from './FindingsTable';
import { MappingEditor } from './MappingEditor';

interface Props {
  result: BoundaryPreview;
  busy: boolean;
  onRecheck(mapping: BoundaryPreview['report']['mapping']): void;
  onLocate(at: Position): void;
}

export function ReportView({ result, busy, onRecheck, onLocate }: Props) {
  const t = useT().imp;
  const lang = useLang();
  const r = result.report;
  return (
    <section className="import-block" data-testid="import-report">
      <h3>{t.report}</h3>
      <dl className="facts">
        <dt>{t.file}</dt>
        <dd>
          {r.file} ({r.format})
        </dd>
        <dt>{t.features}</dt>
        <dd data-testid="report-features">{r.features}</dd>
        <dt>{t.crs}</dt>
        <dd>
          {r.crs.definition} — {t.crsSource[r.crs.source]}
        </dd>
        {r.encoding && (
          <>
            <dt>{t.textEncoding}</dt>
            <dd>{r.encoding}</dd>
          </>
        )}
        <dt>{t.provinceFound}</dt>
        <dd data-testid="report-province">{r.province ? `${r.province.code} ${r.province.name}` : t.unknown}</dd>
        <dt>{t.matching}</dt>
        <dd data-testid="report-matching">{r.matching ? t.matchSummary(r.matching) : t.noList}</dd>
        <dt>{t.unionParts}</dt>
        <dd>{r.unionParts}</dd>
        {result.crosswalkLinks !== null && (
          <>
            <dt>{t.crosswalkLinks}</dt>
            <dd>{result.crosswalkLinks}</dd>
          </>
        )}
        <dt>{t.ready}</dt>
        <dd data-testid="report-ready">{r.ready}</dd>
        <dt>{t.blocking}</dt>
        <dd data-testid="report-blocking" className={r.blocking ? 'error-text' : undefined}>
          {r.blocking}
        </dd>
      </dl>
      {r.notes.length > 0 && (
        <ul className="notes">
          {r.notes.map((n, i) => (
            <li key={i}>{n[lang]}</li>
          ))}
        </ul>
      )}
      {/* Keyed by the mapping used, so the editor starts again from what the server applied. */}
      <MappingEditor key={JSON.stringify(r.mapping)} report={r} busy={busy} onRecheck={onRecheck} />
      <h4>{t.findings}</h4>
      <FindingsTable key={result.token} findings={r.findings} onLocate={onLocate} />
    </section>
  );
}
