// What replacing the demo does to people: the demo accounts removed (their sessions end), and the users whose area
// loses unit codes the new data does not hold. Shown before the commit (from the check) and after it (as done).
import type { AreaReport } from '../../api/client';
import { useT } from '../../i18n/context';

export function AreaReportView({ areas, done }: { areas: AreaReport; done: boolean }) {
  const t = useT().imp;
  return (
    <section className="area-report" data-testid={done ? 'areas-done' : 'areas-preview'}>
      <h4>{done ? t.areasDone : t.areasPreview}</h4>
      <p data-testid="demo-accounts-removed">
        {areas.demoAccountsRemoved.length
          ? t.demoAccountsRemoved(areas.demoAccountsRemoved.join(', '))
          : t.noDemoAccounts}
      </p>
      <p data-testid="areas-carried">{t.areasCarried(areas.carried)}</p>
      {areas.dropped.length === 0 ? (
        <p data-testid="areas-none-dropped">{t.noAreaDropped}</p>
      ) : (
        <table className="findings" data-testid="areas-dropped">
          <thead>
            <tr>
              <th>{t.areaUser}</th>
              <th>{t.areaDropped}</th>
              <th>{t.areaKept}</th>
            </tr>
          </thead>
          <tbody>
            {areas.dropped.map((a) => (
              <tr key={a.username} data-user={a.username}>
                <td>{a.username}</td>
                <td>{a.dropped.join(', ')}</td>
                <td>{a.kept.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
