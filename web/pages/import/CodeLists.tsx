// Official code lists by date: the ones loaded, and a form to load another (dvhcvn-shaped JSON).
import { useState } from 'react';
import { fetchCodeLists, uploadCodeList } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ErrorMessage } from '../../panels/ErrorMessage';
import { invalidate, useServerQuery } from '../../api/queries';

type CodeList = Awaited<ReturnType<typeof fetchCodeLists>>['lists'][number];

function CodeListTable({ rows }: { rows: CodeList[] }) {
  const t = useT().imp;
  const lang = useLang();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t.asOf}</th>
          <th>{t.listName}</th>
          <th>{t.loadedAt}</th>
          <th>{t.loadedBy}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((l) => (
          <tr key={l.asOf} data-testid={`code-list-${l.asOf}`}>
            <td>{formatDate(l.asOf)}</td>
            <td>{l.name}</td>
            <td>{formatDateTime(l.loadedAt, lang)}</td>
            <td>{l.loadedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Loading another list: the file, its date and name, then what the server made of it. */
function LoadCodeList() {
  const t = useT().imp;
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState('');
  const [name, setName] = useState('');
  const [outcome, setOutcome] = useState<{ ok: string } | { error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      const saved = await uploadCodeList(file, asOf, name);
      setOutcome({ ok: t.listLoaded(saved.units, saved.provinces) });
      invalidate('code-lists');
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <form className="inline-form" onSubmit={submit} data-testid="code-list-form">
        <label>
          {t.listFile}{' '}
          <input
            type="file"
            name="file"
            accept=".json,application/json"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label>
          {t.asOf} <input type="date" name="asOf" required value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <label>
          {t.listName} <input name="name" required value={name} onChange={(e) => setName(e.target.value)} size={24} />
        </label>
        <button type="submit" disabled={busy || !file}>
          {t.loadList}
        </button>
      </form>
      {outcome &&
        ('ok' in outcome ? (
          <p role="status" className="ok" data-testid="code-list-loaded">
            {outcome.ok}
          </p>
        ) : (
          <ErrorMessage error={outcome.error} />
        ))}
    </>
  );
}

export function CodeLists() {
  const t = useT().imp;
  const lists = useServerQuery(['code-lists'], fetchCodeLists);
  const rows = lists.data?.lists ?? [];
  return (
    <section className="import-block" data-testid="code-lists">
      <h3>{t.codeLists}</h3>
      <p className="hint">{t.codeListHelp}</p>
      {lists.error && <ErrorMessage error={lists.error} />}
      {lists.data && rows.length === 0 && (
        <p className="hint" data-testid="no-code-list">
          {t.noLists}
        </p>
      )}
      {rows.length > 0 && <CodeListTable rows={rows} />}
      <LoadCodeList />
    </section>
  );
}
