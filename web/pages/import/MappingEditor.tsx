// Which attribute holds each unit's code, name, type and parent: the server's guess, changed here and checked again.
import { useState } from 'react';
import type { ImportReport } from '../../api/client';
import { useT } from '../../i18n/context';

type Mapping = ImportReport['mapping'];
const FIELDS = ['code', 'name', 'type', 'parent'] as const;

export function MappingEditor({
  report,
  busy,
  onRecheck,
}: {
  report: ImportReport;
  busy: boolean;
  onRecheck(mapping: Mapping): void;
}) {
  const t = useT().imp;
  const [mapping, setMapping] = useState<Mapping>(report.mapping);
  const changed = JSON.stringify(mapping) !== JSON.stringify(report.mapping);
  return (
    <fieldset className="import-block mapping" data-testid="mapping-editor">
      <legend>{t.mapping}</legend>
      <p className="hint">{t.mappingHelp}</p>
      <label>
        {t.level}{' '}
        <select
          name="level"
          value={mapping.level}
          onChange={(e) => setMapping({ ...mapping, level: e.target.value as Mapping['level'] })}
        >
          <option value="commune">{t.levels.commune}</option>
          <option value="district">{t.levels.district}</option>
        </select>
      </label>
      {FIELDS.map((field) => (
        <label key={field}>
          {t.fields[field]}{' '}
          <select
            name={field}
            value={mapping[field] ?? ''}
            onChange={(e) => setMapping({ ...mapping, [field]: e.target.value || null })}
          >
            <option value="">{t.noAttribute}</option>
            {report.attributes.map((a) => (
              <option key={a.name} value={a.name}>
                {a.examples.length ? `${a.name} — ${a.examples.join(', ')}` : a.name}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="button" disabled={busy || !changed} onClick={() => onRecheck(mapping)} data-testid="recheck">
        {t.recheck}
      </button>
    </fieldset>
  );
}
