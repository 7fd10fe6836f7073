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

const EMPTY_FIELDS = {
  validFrom: '',
  validTo: '',
  epsg: '',
  encoding: '',
  layer: '',
  province: '',
  skipUnmatched: false,
};
type Fields = typeof EMPTY_FIELDS;
type SetFields = (patch: Partial<Fields>) => void;

/** The options sent with the file. Empty fields are left out so the server guesses them (a wrong EPSG or province
 *  is worse than none). */
function readingOptions(f: Fields): Partial<PreviewOptions> {
  return {
    validFrom: f.validFrom,
    validTo: f.validTo || null,
    skipUnmatched: f.skipUnmatched,
    ...(f.epsg ? { epsg: Number(f.epsg) } : {}),
    ...(f.encoding ? { encoding: f.encoding as PreviewOptions['encoding'] } : {}),
    ...(f.layer ? { layer: f.layer } : {}),
    ...(f.province ? { province: f.province } : {}),
  };
}

function FileFields({ onFile, onCrosswalk }: { onFile(f: File | null): void; onCrosswalk(f: File | null): void }) {
  const t = useT().imp;
  return (
    <>
      <label className="wide">
        {t.boundaryFile}{' '}
        <input
          type="file"
          name="file"
          accept=".geojson,.json,.topojson,.zip"
          required
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label className="wide">
        {t.crosswalk}{' '}
        <input
          type="file"
          name="crosswalk"
          accept=".json,application/json"
          onChange={(e) => onCrosswalk(e.target.files?.[0] ?? null)}
        />
      </label>
    </>
  );
}

/** The dates the boundaries hold from and until. */
function ValidityFields({ f, set }: { f: Fields; set: SetFields }) {
  const t = useT().imp;
  return (
    <>
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
    </>
  );
}

/** How the file is read: its coordinate system, text encoding, layer and province (each guessed when left empty). */
function ReadingFields({ f, set }: { f: Fields; set: SetFields }) {
  const t = useT().imp;
  return (
    <>
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
    </>
  );
}

export function BoundaryForm({ busy, onCheck }: { busy: boolean; onCheck(job: ImportJob): void }) {
  const t = useT().imp;
  const [file, setFile] = useState<File | null>(null);
  const [crosswalk, setCrosswalk] = useState<File | null>(null);
  const [f, setF] = useState(EMPTY_FIELDS);
  const set = (patch: Partial<Fields>) => setF((old) => ({ ...old, ...patch }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    onCheck({ file, crosswalk: crosswalk ?? undefined, options: readingOptions(f) });
  };

  return (
    <form className="import-block import-form" onSubmit={submit} data-testid="boundary-form">
      <h3>{t.boundaries}</h3>
      <FileFields onFile={setFile} onCrosswalk={setCrosswalk} />
      <ValidityFields f={f} set={set} />
      <ReadingFields f={f} set={set} />
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
