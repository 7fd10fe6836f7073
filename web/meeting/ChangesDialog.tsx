// What changed in a period (this month, quarter or year, or two chosen dates): status changes grouped by the status
// reached, with dates and legal bases; hotspot events counted (listed one by one for the police).
import { useState } from 'react';
import { fetchChanges, type Changes } from '../api/client';
import { useServerQuery } from '../api/queries';
import { useLang, useT } from '../i18n/context';
import { formatCount, formatDate } from '../i18n/format';
import { parseVnDate, periodStart, type Period } from '../../geo/dates';
import { TextDateField } from '../panels/TextDateField';
import { unitDisplayName } from '../../geo/unit-names';
import { Overlay } from './Overlay';

type Choice = Period | 'custom';

function StatusGroups({ changes, onOpenUnit }: { changes: Changes; onOpenUnit(code: string): void }) {
  const t = useT();
  return (
    <>
      {changes.statusChanges.map((g) => (
        <section key={g.group} data-testid={`changes-${g.group}`}>
          <h3>
            {t.meet.groups[g.group]}: {g.communes.length}
          </h3>
          {g.communes.length === 0 ? (
            <p className="muted">{t.meet.noChange}</p>
          ) : (
            <ul className="changes">
              {g.communes.map((c) => (
                <li key={`${c.code}-${c.effectiveDate}`}>
                  <button className="link" onClick={() => onOpenUnit(c.code)}>
                    {unitDisplayName(c)}
                  </button>
                  {c.parent && <span className="muted"> ({unitDisplayName(c.parent)})</span>}:{' '}
                  {c.previous ? t.status[c.previous] : t.status.none} → {t.status[c.status]},{' '}
                  {formatDate(c.effectiveDate)}
                  {c.legalBasis && <span className="muted"> — {c.legalBasis}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function HotspotEvents({ changes }: { changes: Changes }) {
  const t = useT();
  const lang = useLang();
  const total = changes.hotspots.total;
  return (
    <section data-testid="changes-hotspots">
      <h3>{t.meet.hotspotEvents}</h3>
      <p>
        {t.meet.detected}: {formatCount(total.detected, lang)} · {t.meet.eliminated}:{' '}
        {formatCount(total.eliminated, lang)} · {t.meet.reformed}: {formatCount(total.reformed, lang)}
      </p>
      {changes.hotspots.list && changes.hotspots.list.length > 0 && (
        <ul className="changes">
          {changes.hotspots.list.map((h) => (
            <li key={h.id}>
              #{h.id} {h.address} ({h.commune}):{' '}
              {[h.detected && t.meet.detected, h.eliminated && t.meet.eliminated, h.reformed && t.meet.reformed]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface Props {
  date: string;
  unit: string | null;
  onOpenUnit(code: string): void;
  onClose(): void;
}

export function ChangesDialog({ date, unit, onOpenUnit, onClose }: Props) {
  const t = useT();
  const [choice, setChoice] = useState<Choice>('month');
  // Typed as dd/mm/yyyy, read when both dates parse and are in order.
  const [custom, setCustom] = useState({ from: formatDate(periodStart(date, 'year')), to: formatDate(date) });
  const [from, to] =
    choice === 'custom'
      ? [parseVnDate(custom.from) ?? '', parseVnDate(custom.to) ?? '']
      : [periodStart(date, choice), date];
  const valid = from !== '' && to !== '' && from <= to && to <= date;
  const changes = useServerQuery(valid ? ['changes', from, to, unit] : null, () =>
    fetchChanges(from, to, unit ?? undefined),
  );
  const open = (code: string) => (onClose(), onOpenUnit(code));
  return (
    <Overlay title={t.meet.changes} testId="changes" onClose={onClose}>
      <div className="period">
        <label>
          {t.meet.period}{' '}
          <select value={choice} onChange={(e) => setChoice(e.target.value as Choice)} data-testid="changes-period">
            {(['month', 'quarter', 'year', 'custom'] as const).map((p) => (
              <option key={p} value={p}>
                {t.meet.periods[p]}
              </option>
            ))}
          </select>
        </label>
        {choice === 'custom' && (
          <>
            <TextDateField
              label={t.meet.from}
              name="from"
              value={custom.from}
              onChange={(v) => setCustom({ ...custom, from: v })}
            />
            <TextDateField
              label={t.meet.to}
              name="to"
              value={custom.to}
              onChange={(v) => setCustom({ ...custom, to: v })}
            />
          </>
        )}
        {valid && (
          <span className="muted" data-testid="changes-range">
            {formatDate(from)} – {formatDate(to)}
          </span>
        )}
      </div>
      {!changes.data && valid && <p role="status">{t.loading}</p>}
      {changes.data && <StatusGroups changes={changes.data} onOpenUnit={open} />}
      {changes.data && <HotspotEvents changes={changes.data} />}
    </Overlay>
  );
}
