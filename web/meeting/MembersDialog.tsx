// What a card counts: the communes (and for the police, the hotspots) behind its numerator and denominator, each
// opening on the map.
import { fetchMembers, type Indicator, type Members } from '../api/client';
import { useServerQuery } from '../api/queries';
import { useLang, useT } from '../i18n/context';
import { formatCount } from '../i18n/format';
import { unitDisplayName } from '../../geo/unit-names';
import { Overlay } from './Overlay';

interface Props {
  id: Indicator['id'];
  plan: string;
  date: string;
  unit: string | null;
  onOpenUnit(code: string): void;
  onClose(): void;
}

function CommuneRows({ m, onOpenUnit }: { m: Members; onOpenUnit(code: string): void }) {
  const t = useT();
  const lang = useLang();
  const [num, den] = t.meet.parts[m.indicator];
  const signed = m.indicator === 'H2';
  return (
    <table className="members" data-testid="members-communes">
      <thead>
        <tr>
          <th>{t.meet.commune}</th>
          <th>{t.meet.district}</th>
          <th>{num}</th>
          {den && <th>{den}</th>}
          {m.indicator === 'C1' && <th>{t.meet.yearEarlier}</th>}
        </tr>
      </thead>
      <tbody>
        {m.communes.map((c) => (
          <tr key={c.code} data-code={c.code}>
            <td>
              <button className="link" onClick={() => onOpenUnit(c.code)} title={t.meet.onMap}>
                {unitDisplayName(c)}
              </button>
            </td>
            <td>{c.parent ? unitDisplayName(c.parent) : ''}</td>
            <td className="num">{formatCount(c.numerator, lang, signed)}</td>
            {den && <td className="num">{formatCount(c.denominator, lang)}</td>}
            {m.indicator === 'C1' && <td className="num">{formatCount(c.previous ?? 0, lang)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HotspotRows({ m }: { m: Members }) {
  const t = useT();
  const lang = useLang();
  const [num, den] = t.meet.parts[m.indicator];
  return (
    <table className="members" data-testid="members-hotspots">
      <thead>
        <tr>
          <th>{t.meet.hotspot}</th>
          <th>{t.meet.commune}</th>
          <th>{num}</th>
          {den && <th>{den}</th>}
        </tr>
      </thead>
      <tbody>
        {m.hotspots!.map((h) => (
          <tr key={h.id}>
            <td>
              #{h.id} {h.address}
            </td>
            <td>{h.commune}</td>
            <td className="num">{formatCount(h.numerator, lang, m.indicator === 'H2')}</td>
            {den && <td className="num">{formatCount(h.denominator, lang)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MembersDialog({ id, plan, date, unit, onOpenUnit, onClose }: Props) {
  const t = useT();
  const members = useServerQuery(['members', id, plan, date, unit], () =>
    fetchMembers(id, plan, date, unit ?? undefined),
  );
  const m = members.data;
  const open = (code: string) => {
    onClose();
    onOpenUnit(code);
  };
  return (
    <Overlay title={`${id}. ${t.indicator[id]} — ${t.meet.members}`} testId="members" onClose={onClose}>
      {!m && <p role="status">{t.loading}</p>}
      {m && m.communes.length === 0 && <p>{t.meet.nothingCounted}</p>}
      {m && m.communes.length > 0 && <CommuneRows m={m} onOpenUnit={open} />}
      {m && m.hotspots && m.hotspots.length > 0 && <HotspotRows m={m} />}
      {m && !m.hotspots && m.indicator.startsWith('H') && <p className="muted">{t.meet.countsOnly}</p>}
    </Overlay>
  );
}
