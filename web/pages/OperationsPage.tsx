// The list of crackdown operations, newest first; each opens on the map with its area and detail panel.
import { fetchOperations } from '../api/client';
import { useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { useServerQuery } from '../api/queries';

export function OperationsPage({ onOpen }: { onOpen(id: number): void }) {
  const t = useT();
  const list = useServerQuery(['operations'], fetchOperations);
  const rows = list.data?.operations ?? [];
  return (
    <section className="page" data-testid="operations-page">
      <h2>{t.op.list}</h2>
      {list.data && rows.length === 0 && <p className="muted">{t.op.none}</p>}
      <table className="grid">
        <thead>
          <tr>
            <th>#</th>
            <th>{t.op.name}</th>
            <th>{t.op.period}</th>
            <th>{t.op.targets}</th>
            <th>{t.wf.statusCol}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} data-testid={`operation-${o.id}`}>
              <td>{o.id}</td>
              <td>
                <button className="link" onClick={() => onOpen(o.id)}>
                  {o.name}
                </button>
              </td>
              <td>
                {formatDate(o.startDate)} – {formatDate(o.endDate)}
              </td>
              <td>{o.targets}</td>
              <td>{o.done ? t.op.done : t.op.open}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
