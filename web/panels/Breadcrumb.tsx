// Where the view is: province › district, each step clickable to go back up, and a list to go down.
import type { MapData } from '../map/boundaries';
import { useT } from '../i18n/context';

interface Props {
  data: MapData | null;
  focus: string | null;
  onFocus(code: string | null): void;
}

function chain(data: MapData, code: string | null): string[] {
  const out: string[] = [];
  for (let c = code; c; c = data.names.get(c)?.parentCode ?? null) out.unshift(c);
  return out;
}

export function Breadcrumb({ data, focus, onFocus }: Props) {
  const t = useT();
  if (!data) return null;
  const path = chain(data, focus).slice(1);
  const root = data.province.features[0]?.properties as { code: string; name: string; type: string } | undefined;
  const children = data.districts.features.map((f) => f.properties as { code: string; name: string; type: string });
  return (
    <nav className="breadcrumb" aria-label="breadcrumb" data-testid="breadcrumb">
      <button onClick={() => onFocus(null)} data-testid="crumb-root">{root ? `${root.type} ${root.name}` : t.province}</button>
      {path.map((code) => {
        const u = data.names.get(code)!;
        return <span key={code}> › <button onClick={() => onFocus(code)}>{u.type} {u.name}</button></span>;
      })}
      {!focus && (
        <select aria-label={t.chooseUnit} value="" data-testid="district-select" onChange={(e) => e.target.value && onFocus(e.target.value)}>
          <option value="">{t.chooseUnit}…</option>
          {children.map((d) => <option key={d.code} value={d.code}>{d.type} {d.name}</option>)}
        </select>
      )}
    </nav>
  );
}
