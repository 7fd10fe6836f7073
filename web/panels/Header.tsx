// Top bar: title, demo badge, plan switch, layer toggles, language and large type.
import type { Plan } from '../api/client';
import { useCan, useMe, type Permission } from '../auth/context';
import { useT } from '../i18n/context';
import type { Page, ViewState } from '../state/view';

const PAGE_PERMISSION: [Page, Permission | null][] = [
  ['map', null],
  ['search', 'read_hotspot_details'],
  ['operations', 'read_hotspot_details'],
  ['area', 'propose'],
  ['queue', 'decide'],
  ['users', 'admin_users'],
  ['audit', 'read_audit'],
  ['import', 'manage_boundaries'],
];

interface Props {
  dataset: string | null;
  demo: boolean;
  plans: Plan[];
  planId: string | null;
  view: ViewState;
  update(patch: Partial<ViewState>): void;
  onSignOut(): void;
}

export function Header({ dataset, demo, plans, planId, view, update, onSignOut }: Props) {
  const t = useT();
  const me = useMe();
  const can = useCan();
  return (
    <header className="topbar">
      <h1>
        {t.title}
        {dataset ? ` — ${dataset}` : ''}
      </h1>
      {demo && (
        <span className="demo-badge" data-testid="demo-badge">
          {t.demo}
        </span>
      )}
      <nav className="nav" aria-label="pages">
        {PAGE_PERMISSION.filter(([, perm]) => perm === null || can(perm)).map(([page]) => (
          <button
            key={page}
            aria-current={view.page === page ? 'page' : undefined}
            data-testid={`nav-${page}`}
            onClick={() => update({ page })}
          >
            {t.pages[page]}
          </button>
        ))}
      </nav>
      <div className="controls">
        <label>
          {t.plan}{' '}
          <select value={planId ?? ''} data-testid="plan-select" onChange={(e) => update({ plan: e.target.value })}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        {can('read_hotspot_details') && (
          <>
            <label>
              <input
                type="checkbox"
                checked={view.hotspots}
                data-testid="toggle-hotspots"
                onChange={(e) => update({ hotspots: e.target.checked })}
              />{' '}
              {t.hotspots}
            </label>
            <label>
              <input
                type="checkbox"
                checked={view.heatmap}
                disabled={!view.hotspots}
                data-testid="toggle-heatmap"
                onChange={(e) => update({ heatmap: e.target.checked })}
              />{' '}
              {t.heatmap}
            </label>
            <label>
              <input
                type="checkbox"
                checked={view.operations}
                data-testid="toggle-operations"
                onChange={(e) => update({ operations: e.target.checked })}
              />{' '}
              {t.op.layer}
            </label>
          </>
        )}
        <button aria-pressed={view.large} data-testid="toggle-large" onClick={() => update({ large: !view.large })}>
          {t.largeType}
        </button>
        <button data-testid="lang-switch" onClick={() => update({ lang: view.lang === 'vi' ? 'en' : 'vi' })}>
          {t.language}
        </button>
        {me && (
          <span className="user" data-testid="user">
            <button
              className="link light"
              onClick={() => update({ page: 'account' })}
              data-testid="nav-account"
              aria-current={view.page === 'account' ? 'page' : undefined}
            >
              {me.displayName} ({t.role[me.role]})
            </button>
            <button onClick={onSignOut} data-testid="sign-out">
              {t.signOut}
            </button>
          </span>
        )}
      </div>
    </header>
  );
}
