// Writes a checked file as a new boundary vintage (one transaction on the server), then says what was written.
import { useState } from 'react';
import { commitBoundaries, type BoundaryPreview } from '../../api/client';
import { useT } from '../../i18n/context';
import { ErrorMessage } from '../../panels/ErrorMessage';
import { AreaReportView } from './AreaReportView';

type Summary = Awaited<ReturnType<typeof commitBoundaries>>;

interface Props {
  result: BoundaryPreview;
  demo: boolean;
  /** A check is running: its report will replace this one, so this one cannot be committed meanwhile. */
  checking: boolean;
  onCommitting(busy: boolean): void;
  onCommitted(): void;
}

/** The commit's fields and its run; the page hears when it starts and stops (no new check meanwhile). */
function useCommit({ result, onCommitting, onCommitted }: Pick<Props, 'result' | 'onCommitting' | 'onCommitted'>) {
  const [legalBasis, setLegalBasis] = useState('');
  const [replaceDemo, setReplaceDemo] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<Summary | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    onCommitting(true);
    setError(null);
    try {
      setSummary(
        await commitBoundaries({
          token: result.token,
          replaceDemo,
          ...(legalBasis.trim() ? { legalBasis: legalBasis.trim() } : {}),
        }),
      );
      onCommitted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      onCommitting(false);
    }
  };
  return { legalBasis, setLegalBasis, replaceDemo, setReplaceDemo, busy, error, summary, submit };
}

/** What the commit wrote, count by count. */
function CommitSummary({ summary }: { summary: Summary }) {
  const t = useT().imp;
  return (
    <section className="import-block committed" role="status" data-testid="import-committed">
      <h3>{t.committed}</h3>
      <p data-testid="committed-units">{t.summary(summary.units)}</p>
      <dl className="facts">
        <dt>{t.closed}</dt>
        <dd>{summary.closed}</dd>
        <dt>{t.links}</dt>
        <dd>{summary.links}</dd>
        <dt>{t.hotspotsLocated}</dt>
        <dd>{summary.hotspotsLocated}</dd>
        <dt>{t.statusesCarried}</dt>
        <dd>{summary.statusesCarried}</dd>
        <dt>{t.selectionsCarried}</dt>
        <dd>{summary.selectionsCarried}</dd>
        <dt>{t.scopesCarried}</dt>
        <dd>{summary.scopesCarried}</dd>
        <dt>{t.proposalsClosed}</dt>
        <dd>{summary.proposalsClosed}</dd>
        <dt>{t.flagsMoved}</dt>
        <dd>{summary.flagsMoved}</dd>
      </dl>
      {summary.areas && <AreaReportView areas={summary.areas} done />}
      {/* A full load: the dashboard's units, plans and vintages have all changed. */}
      <a href="/" className="button" data-testid="open-map">
        {t.openMap}
      </a>
    </section>
  );
}

export function CommitForm({ result, demo, checking, onCommitting, onCommitted }: Props) {
  const t = useT().imp;
  const commit = useCommit({ result, onCommitting, onCommitted });
  // District polygons are refused at commit (districts are dissolved from communes): say so before the click.
  const districts = result.report.mapping.level === 'district';
  const blocked = result.report.blocking > 0 || result.report.ready === 0 || districts;

  if (commit.summary) return <CommitSummary summary={commit.summary} />;
  return (
    <form className="import-block import-form" onSubmit={commit.submit} data-testid="commit-form">
      {blocked && (
        <p className="error-text" data-testid="commit-blocked">
          {districts ? t.districtLevel : t.blockedNote}
        </p>
      )}
      <label className="wide">
        {t.legalBasis}{' '}
        <input name="legalBasis" value={commit.legalBasis} onChange={(e) => commit.setLegalBasis(e.target.value)} />
      </label>
      {demo && (
        <label className="wide check">
          <input
            type="checkbox"
            name="replaceDemo"
            checked={commit.replaceDemo}
            onChange={(e) => commit.setReplaceDemo(e.target.checked)}
          />{' '}
          {t.replaceDemo}
        </label>
      )}
      {demo && result.areas && <AreaReportView areas={result.areas} done={false} />}
      <button type="submit" disabled={commit.busy || blocked || checking} data-testid="commit">
        {commit.busy ? t.committing : t.commit}
      </button>
      {commit.error !== null && <ErrorMessage error={commit.error} />}
    </form>
  );
}
