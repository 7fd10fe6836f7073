// Boundary import for administrators: code lists, then a file checked (report and preview map) and committed.
import { useMemo, useState } from 'react';
import type { Position } from 'geojson';
import { previewBoundaries, type BoundaryPreview } from '../api/client';
import { useT } from '../i18n/context';
import { PreviewMap, STATE_COLORS, type MapFinding } from '../map/PreviewMap';
import { ErrorMessage } from '../panels/ErrorMessage';
import { BoundaryForm, type ImportJob } from './import/BoundaryForm';
import { CodeLists } from './import/CodeLists';
import { CommitForm } from './import/CommitForm';
import { ReportView } from './import/ReportView';

/** The file checked and its report, the finding shown on the map, and whether a commit is running or done. */
function useImportCheck() {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [result, setResult] = useState<BoundaryPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A new object per click, so that showing the same finding again moves the map again.
  const [focus, setFocus] = useState<{ at: Position } | null>(null);
  const [committing, setCommitting] = useState(false);
  const [committed, setCommitted] = useState(false);

  const check = async (next: ImportJob) => {
    setBusy(true);
    setError(null);
    setFocus(null);
    try {
      setResult(await previewBoundaries(next.file, next.options, next.crosswalk));
      setJob(next);
      setCommitted(false);
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  // The form's options with the mapping chosen for the same file (a new file is guessed afresh).
  const fromForm = (next: ImportJob) =>
    check(
      job && next.file === job.file && job.options.mapping
        ? { ...next, options: { ...next.options, mapping: job.options.mapping } }
        : next,
    );
  const recheck = (mapping: BoundaryPreview['report']['mapping']) =>
    job && check({ ...job, options: { ...job.options, mapping } });
  const values = { result, busy, error, focus, committing, committed };
  return { ...values, setFocus, setCommitting, setCommitted, fromForm, recheck };
}

/** The checked file on a map, coloured by state, with its findings that have a place. */
function ImportPreview({ result, focus }: { result: BoundaryPreview; focus: { at: Position } | null }) {
  const t = useT().imp;
  const findings = useMemo<MapFinding[]>(
    () => result.report.findings.filter((f) => f.at).map((f) => ({ at: f.at!, blocking: f.blocking, label: f.label })),
    [result],
  );
  return (
    <div className="import-map">
      <h3>{t.preview}</h3>
      <p className="legend-row">
        {(Object.keys(STATE_COLORS) as (keyof typeof STATE_COLORS)[]).map((k) => (
          <span key={k}>
            <span className="swatch" style={{ background: STATE_COLORS[k] }} /> {t.states[k]}
          </span>
        ))}
      </p>
      <PreviewMap topo={result.preview} findings={findings} focus={focus} label={t.preview} />
    </div>
  );
}

export function ImportPage({ demo }: { demo: boolean }) {
  const t = useT().imp;
  const check = useImportCheck();
  const { result, busy, committing } = check;
  return (
    <section className="page import-page" data-testid="import-page">
      <h2>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <div className="import-columns">
        <div className="import-main">
          <CodeLists />
          <BoundaryForm busy={busy || committing} onCheck={check.fromForm} />
          {busy && (
            <p className="progress" role="status">
              {t.checking}
            </p>
          )}
          {check.error !== null && <ErrorMessage error={check.error} testId="import-error" />}
          {result && (
            <ReportView
              result={result}
              busy={busy || committing || check.committed}
              onRecheck={check.recheck}
              onLocate={(at) => check.setFocus({ at })}
            />
          )}
          {result && (
            <CommitForm
              key={result.token}
              result={result}
              demo={demo}
              checking={busy}
              onCommitting={check.setCommitting}
              onCommitted={() => check.setCommitted(true)}
            />
          )}
        </div>
        {result && <ImportPreview result={result} focus={check.focus} />}
      </div>
    </section>
  );
}
