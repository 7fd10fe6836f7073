// One crackdown operation beside the map (its area is drawn there): plan fields, hotspots with their history,
// results or the form to record them, and the packet as XLSX or PDF.
import { operationExportUrl, type Operation } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatCount, formatDate } from '../i18n/format';
import { ResultsForm } from './ResultsForm';
import { unitDisplayName } from '../../geo/unit-names';

interface Props {
  op: Operation | null;
  loading: boolean;
  today: string;
  canWrite: boolean;
  onChanged(op: Operation): void;
  onClose(): void;
}

/** The plan: name, period, participating units, note, and the packet to download. */
function OperationFacts({ op }: { op: Operation }) {
  const t = useT();
  return (
    <>
      <h2 data-testid="operation-name">{op.name}</h2>
      <p>
        {t.op.period}: {formatDate(op.startDate)} – {formatDate(op.endDate)}
      </p>
      {op.units.length > 0 && (
        <p>
          {t.op.unitsShort}: {op.units.join('; ')}
        </p>
      )}
      {op.note && <p className="muted">{op.note}</p>}
      <p className="actions">
        {t.op.download}:
        {(['xlsx', 'pdf'] as const).map((f) => (
          <a key={f} href={operationExportUrl(op.id, f)} download data-testid={`op-export-${f}`}>
            {f.toUpperCase()}
          </a>
        ))}
      </p>
    </>
  );
}

/** The hotspots inside the area (targets starred), their status now and when this operation eliminated them. */
function OperationHotspots({ op }: { op: Operation }) {
  const t = useT();
  return (
    <>
      <h3>
        {t.op.hotspots} ({op.hotspots.length})
      </h3>
      <table className="grid" data-testid="operation-hotspots">
        <thead>
          <tr>
            <th>#</th>
            <th>{t.hs.address}</th>
            <th>{t.wf.statusCol}</th>
            <th>{t.op.eliminatedHere}</th>
          </tr>
        </thead>
        <tbody>
          {op.hotspots.map((h) => (
            <tr key={h.id} data-testid={`op-hotspot-${h.id}`}>
              <td>
                {h.id}
                {h.target ? ' ★' : ''}
              </td>
              <td>
                {h.address}
                <br />
                <span className="muted">{unitDisplayName(h.commune)}</span>
              </td>
              <td data-testid={`op-hotspot-status-${h.id}`}>{h.status ? t.hotspotStatus[h.status] : '—'}</td>
              <td>{h.eliminatedHere ? formatDate(h.eliminatedHere) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function OperationResults({ results }: { results: NonNullable<Operation['results']> }) {
  const t = useT();
  const lang = useLang();
  return (
    <section data-testid="operation-results">
      <h3>{t.op.results}</h3>
      <p>
        {t.op.arrested}: {results.arrested} · {t.op.cases}: {results.cases}
      </p>
      {results.seizures.length > 0 && (
        <p>
          {t.op.seizures}:{' '}
          {results.seizures.map((s) => `${s.substance} ${formatCount(s.quantity, lang)} ${s.unit}`).join('; ')}
        </p>
      )}
      {results.note && <p className="muted">{results.note}</p>}
    </section>
  );
}

export function OperationPanel({ op, loading, today, canWrite, onChanged, onClose }: Props) {
  const t = useT();
  return (
    <aside className="panel" data-testid="operation-panel">
      <button className="close" onClick={onClose} aria-label={t.close}>
        ×
      </button>
      {!op ? (
        loading && <p role="status">{t.loading}</p>
      ) : (
        <>
          <OperationFacts op={op} />
          <OperationHotspots op={op} />
          {op.results ? (
            <OperationResults results={op.results} />
          ) : (
            canWrite && <ResultsForm op={op} today={today} onDone={onChanged} />
          )}
        </>
      )}
    </aside>
  );
}
