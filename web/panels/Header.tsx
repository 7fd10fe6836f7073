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
  ['reports', 'read_proposals'],
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
  /** Opens the two-date comparison (or closes it). */
  onCompare(): void;
  onSignOut(): void;
}

type Update = Props['update'];

/** Presentation fills the screen where the browser allows it (a click is the gesture it needs). */
function present(update: Update) {
  update({ present: true, commune: null });
  document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** The pages this user may open. */
function PageNav({ view, update }: { view: ViewState; update: Update }) {
  const t = useT();
  const can = useCan();
  return (
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
  );
}

/** The police layers: hotspots, their heatmap, operations. */
function LayerToggles({ view, update }: { view: ViewState; update: Update }) {
  const t = useT();
  return (
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
  );
}

/** Who is signed in (a link to their account) and the sign-out button. */
function UserMenu({ view, update, onSignOut }: { view: ViewState; update: Update; onSignOut(): void }) {
  const t = useT();
  const me = useMe();
  if (!me) return null;
  return (
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
  );
}

export function Header({ dataset, demo, plans, planId, view, update, onCompare, onSignOut }: Props) {
  const t = useT();
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
      <PageNav view={view} update={update} />
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
        {can('read_hotspot_details') && <LayerToggles view={view} update={update} />}
        {view.page === 'map' && (
          <>
            <button data-testid="present" onClick={() => present(update)}>
              {t.meet.present}
            </button>
            <button
              data-testid="compare"
              aria-pressed={view.compare !== null}
              onClick={onCompare}
              title={t.meet.compare}
            >
              {t.meet.compareShort}
            </button>
          </>
        )}
        <button aria-pressed={view.large} data-testid="toggle-large" onClick={() => update({ large: !view.large })}>
          {t.largeType}
        </button>
        <button data-testid="lang-switch" onClick={() => update({ lang: view.lang === 'vi' ? 'en' : 'vi' })}>
          {t.language}
        </button>
        <UserMenu view={view} update={update} onSignOut={onSignOut} />
      </div>
    </header>
  );
}
