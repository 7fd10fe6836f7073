// The boundary file, its crosswalk and the reading options; "check" sends them for a report, writing nothing.
import { useState } from 'react';
import type { PreviewOptions } from '../../api/client';
import { TEXT_ENCODINGS } from '../../../server/contracts/text-encodings';
import { useT } from '../../i18n/context';

export interface ImportJob {
  file: File;
  crosswalk?: File;
  options: Partial<PreviewOptions>;
}

export function BoundaryForm({ busy, onCheck }: { busy: boolean; onCheck(job: ImportJob): void }) {
  const t = useT().imp;
  const [file, setFile] = useState<File | null>(null);
  const [crosswalk, setCrosswalk] = useState<File | null>(null);
  const [f, setF] = useState({
    validFrom: '',
    validTo: '',
    epsg: '',
    encoding: '',
    layer: '',
    province: '',
    skipUnmatched: false,
  });
  const set = (patch: Partial<typeof f>) => setF((old) => ({ ...old, ...patch }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    // Empty fields are left out so the server guesses them (a wrong EPSG or province is worse than none).
    const options: Partial<PreviewOptions> = {
      validFrom: f.validFrom,
      validTo: f.validTo || null,
      skipUnmatched: f.skipUnmatched,
      ...(f.epsg ? { epsg: Number(f.epsg) } : {}),
      ...(f.encoding ? { encoding: f.encoding as PreviewOptions['encoding'] } : {}),
      ...(f.layer ? { layer: f.layer } : {}),
      ...(f.province ? { province: f.province } : {}),
    };
    onCheck({ file, crosswalk: crosswalk ?? undefined, options });
  };

  return (
    <form className="import-block import-form" onSubmit={submit} data-testid="boundary-form">
      <h3>{t.boundaries}</h3>
      <label className="wide">
        {t.boundaryFile}{' '}
        <input
          type="file"
          name="file"
          accept=".geojson,.json,.topojson,.zip"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label className="wide">
        {t.crosswalk}{' '}
        <input
          type="file"
          name="crosswalk"
          accept=".json,application/json"
          onChange={(e) => setCrosswalk(e.target.files?.[0] ?? null)}
        />
      </label>
      <label>
        {t.validFrom}{' '}
        <input
          type="date"
          name="validFrom"
          required
          value={f.validFrom}
          onChange={(e) => set({ validFrom: e.target.value })}
        />
      </label>
      <label>
        {t.validTo}{' '}
        <input type="date" name="validTo" value={f.validTo} onChange={(e) => set({ validTo: e.target.value })} />
      </label>
      <label>
        {t.epsg}{' '}
        <input
          name="epsg"
          inputMode="numeric"
          pattern="\d{4,6}"
          size={8}
          value={f.epsg}
          onChange={(e) => set({ epsg: e.target.value })}
        />
      </label>
      <label>
        {t.encoding}{' '}
        <select name="encoding" value={f.encoding} onChange={(e) => set({ encoding: e.target.value })}>
          <option value="">{t.auto}</option>
          {TEXT_ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {e.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.layer} <input name="layer" size={12} value={f.layer} onChange={(e) => set({ layer: e.target.value })} />
      </label>
      <label>
        {t.province}{' '}
        <input
          name="province"
          pattern="\d{2}"
          size={3}
          value={f.province}
          onChange={(e) => set({ province: e.target.value })}
        />
      </label>
      <label className="wide check">
        <input
          type="checkbox"
          name="skipUnmatched"
          checked={f.skipUnmatched}
          onChange={(e) => set({ skipUnmatched: e.target.checked })}
        />{' '}
        {t.skipUnmatched}
      </label>
      <button type="submit" disabled={busy || !file} data-testid="check-file">
        {busy ? t.checking : t.check}
      </button>
    </form>
  );
}
