// "Địa bàn phức tạp kéo dài" (seed 004): communes complex or relapsed without a break for longer than the plan allows,
// by district, with how long, their hotspots since and the leaders in office meanwhile.
import { fetchAccountability, type Accountability } from '../api/client';
import { useServerQuery } from '../api/queries';
import { useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { unitDisplayName } from '../../geo/unit-names';
import { Overlay } from './Overlay';

type Row = Accountability['communes'][number];

function Leaders({ row }: { row: Row }) {
  const t = useT();
  return (
    <ul className="changes">
      {row.officials.map((o) => (
        <li key={`${o.role}-${o.from}`}>
          {t.meet.roles[o.role]}: {o.name} ({formatDate(o.from)} – {o.to ? formatDate(o.to) : t.meet.inOffice})
        </li>
      ))}
    </ul>
  );
}

export function AccountabilityDialog(p: {
  plan: string;
  date: string;
  unit: string | null;
  onOpenUnit(code: string): void;
  onClose(): void;
}) {
  const t = useT();
  const found = useServerQuery(['accountability', p.plan, p.unit, p.date], () =>
    fetchAccountability(p.plan, p.date, p.unit ?? undefined),
  ).data;
  const lasting = (days: number) => t.meet.lasting(Math.floor(days / 365.25), Math.floor((days % 365.25) / 30.44));
  return (
    <Overlay title={t.meet.accountability} testId="accountability" onClose={p.onClose}>
      {!found && <p role="status">{t.loading}</p>}
      {found && <p className="muted">{t.meet.accountabilityIntro(found.months)}</p>}
      {found && found.communes.length === 0 && <p>{t.meet.noneLong}</p>}
      {found && found.communes.length > 0 && (
        <table className="compare-table accountability" data-testid="accountability-table">
          <thead>
            <tr>
              <th scope="col">{t.meet.commune}</th>
              <th scope="col">{t.meet.since}</th>
              <th scope="col">{t.meet.hotspotsSince}</th>
              <th scope="col">{t.meet.leaders}</th>
            </tr>
          </thead>
          <tbody>
            {found.communes.map((c) => (
              <tr key={c.code} data-testid={`accountable-${c.code}`}>
                <th scope="row">
                  <button className="link" onClick={() => (p.onClose(), p.onOpenUnit(c.code))}>
                    {unitDisplayName(c)}
                  </button>
                  {c.parent && <span className="muted"> ({unitDisplayName(c.parent)})</span>}
                  <br />
                  {t.status[c.status]}
                </th>
                <td>
                  {formatDate(c.since)}
                  <br />
                  {lasting(c.days)}
                </td>
                <td>
                  {t.meet.detected} {c.hotspots.detected} · {t.meet.eliminated} {c.hotspots.eliminated} ·{' '}
                  {t.meet.reformed} {c.hotspots.reformed} · {t.meet.active} {c.hotspots.active}
                </td>
                <td>
                  <Leaders row={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Overlay>
  );
}
