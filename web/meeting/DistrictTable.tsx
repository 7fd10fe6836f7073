// Every unit with every indicator side by side: sortable by any column (by the number shown), lagging cells marked,
// downloadable as XLSX.
import { useState } from 'react';
import { rankingExportUrl, type Indicator, type Ranking } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { formatTarget, formatValue } from '../panels/indicator-format';
import { unitDisplayName } from '../../geo/unit-names';
import { Overlay } from './Overlay';

type Column = 'unit' | Indicator['id'];
type Row = Ranking['units'][number];

/** Rows ordered by the column's shown value; "no data" always last, whichever the direction. */
export function sortRows(rows: readonly Row[], by: Column, descending: boolean, lang: string): Row[] {
  const sign = descending ? -1 : 1;
  if (by === 'unit') return [...rows].sort((a, b) => sign * unitDisplayName(a).localeCompare(unitDisplayName(b), lang));
  const value = (r: Row) => r.indicators.find((i) => i.id === by)?.value ?? null;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return sign * (x - y);
  });
}

function HeaderCell({
  column,
  label,
  sort,
  onSort,
}: {
  column: Column;
  label: string;
  sort: { by: Column; descending: boolean };
  onSort(c: Column): void;
}) {
  const active = sort.by === column;
  return (
    <th aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button className="link" onClick={() => onSort(column)} data-testid={`sort-${column}`}>
        {label} {active ? (sort.descending ? '▼' : '▲') : ''}
      </button>
    </th>
  );
}

interface Props {
  ranking: Ranking;
  plan: string;
  date: string;
  parent: string | null;
  onOpenUnit(code: string): void;
  onClose(): void;
}

export function DistrictTable({ ranking, plan, date, parent, onOpenUnit, onClose }: Props) {
  const t = useT();
  const lang = useLang();
  const [sort, setSort] = useState<{ by: Column; descending: boolean }>({ by: 'unit', descending: false });
  const ids = ranking.units[0]?.indicators.map((i) => i.id) ?? [];
  const onSort = (by: Column) => setSort((s) => ({ by, descending: s.by === by ? !s.descending : by !== 'unit' }));
  const rows = sortRows(ranking.units, sort.by, sort.descending, lang);
  return (
    <Overlay title={t.meet.districtTable} testId="district-table" onClose={onClose}>
      <table className="district-table">
        <thead>
          <tr>
            <HeaderCell column="unit" label={t.meet.unit} sort={sort} onSort={onSort} />
            {ids.map((id) => {
              const first = ranking.units[0]!.indicators.find((i) => i.id === id)!;
              const label = `${id}. ${t.indicator[id]} (${formatTarget(first, lang)})`;
              return <HeaderCell key={id} column={id} label={label} sort={sort} onSort={onSort} />;
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.code} data-code={u.code}>
              <th scope="row">
                <button className="link" onClick={() => (onClose(), onOpenUnit(u.code))}>
                  {unitDisplayName(u)}
                </button>
              </th>
              {u.indicators.map((i) => (
                <td key={i.id} className={i.onTrack === false ? 'lagging' : ''} data-id={i.id}>
                  <strong>{formatValue(i, lang)}</strong>
                  {i.numerator !== null && i.denominator !== null && (
                    <span className="muted">
                      {' '}
                      {i.numerator}/{i.denominator}
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t.meet.lagging}</p>
      <a className="button" href={rankingExportUrl(plan, date, parent ?? undefined)} download>
        {t.meet.exportXlsx}
      </a>
    </Overlay>
  );
}
