// Where the view is: province › district, each step clickable to go back up, and a list to go down.
import type { MapData } from '../map/boundaries';
import { useT } from '../i18n/context';
import { unitDisplayName } from '../../geo/unit-names';

interface Props {
  data: MapData | null;
  focus: string | null;
  onFocus(code: string | null): void;
  /** Opens a unit chosen from the list: a district is focused, a commune's panel opens. */
  onOpen(code: string): void;
}

function chain(data: MapData, code: string | null): string[] {
  const out: string[] = [];
  for (let c = code; c; c = data.names.get(c)?.parentCode ?? null) out.unshift(c);
  return out;
}

export function Breadcrumb({ data, focus, onFocus, onOpen }: Props) {
  const t = useT();
  if (!data) return null;
  const path = chain(data, focus).slice(1);
  const root = data.province.features[0]?.properties as { code: string; name: string; type: string } | undefined;
  // The list goes one level down from where the view is, so the keyboard reaches every commune without the map.
  type Unit = { code: string; name: string; type: string; parentCode: string | null };
  const level = focus ? data.communes : data.districts;
  const children = level.features
    .map((f) => f.properties as Unit)
    .filter((u) => !focus || u.parentCode === focus)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return (
    <nav className="breadcrumb" aria-label="breadcrumb" data-testid="breadcrumb">
      <button onClick={() => onFocus(null)} data-testid="crumb-root">
        {root ? unitDisplayName(root) : t.province}
      </button>
      {path.map((code) => {
        const u = data.names.get(code)!;
        return (
          <span key={code}>
            {' '}
            › <button onClick={() => onFocus(code)}>{unitDisplayName(u)}</button>
          </span>
        );
      })}
      {children.length > 0 && (
        <select
          aria-label={t.chooseUnit}
          value=""
          data-testid={focus ? 'commune-select' : 'district-select'}
          onChange={(e) => e.target.value && onOpen(e.target.value)}
        >
          <option value="">{t.chooseUnit}…</option>
          {children.map((d) => (
            <option key={d.code} value={d.code}>
              {unitDisplayName(d)}
            </option>
          ))}
        </select>
      )}
    </nav>
  );
}
