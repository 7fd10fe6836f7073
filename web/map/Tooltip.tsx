// Hover tooltip: commune name, status and since when.
import type { Statuses } from '../api/client';
import { formatDate } from '../i18n/format';
import { useT } from '../i18n/context';
import type { MapData } from './boundaries';
import { unitDisplayName } from '../../geo/unit-names';

export interface HoverInfo {
  code: string;
  x: number;
  y: number;
}

export function Tooltip({ hover, data, statuses }: { hover: HoverInfo; data: MapData; statuses: Statuses }) {
  const t = useT();
  const unit = data.names.get(hover.code);
  const entry = statuses[hover.code];
  if (!unit) return null;
  return (
    <div className="tooltip" role="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      <strong>{unitDisplayName(unit)}</strong>
      <div>
        {t.status[entry?.status ?? 'none']}
        {entry ? ` ${t.since} ${formatDate(entry.since)}` : ''}
      </div>
    </div>
  );
}
