// User administration for admins: list, create, change role/area, lock and unlock, reset a password.
import { useState } from 'react';
import { createUser, errorText, fetchUsers, resetPassword, updateUser, type User } from '../api/client';
import { useLang, useT } from '../i18n/context';
import { invalidate, useServerQuery } from '../api/queries';

const ROLES = ['admin', 'leader', 'police', 'editor', 'approver'] as const;
const codes = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function useAction() {
  const lang = useLang();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (task: () => Promise<unknown>, ok: string) => {
    try {
      await task();
      setMessage({ ok: true, text: ok });
      return true;
    } catch (e) {
      setMessage({ ok: false, text: errorText(e, lang) });
      return false;
    }
  };
  return { message, run };
}

function Row({ u, onChanged }: { u: User; onChanged(): void }) {
  const t = useT();
  const { message, run } = useAction();
  const [role, setRole] = useState(u.role);
  const [scopes, setScopes] = useState(u.scopes.join(', '));
  const [password, setPassword] = useState('');
  return (
    <tr data-testid={`user-${u.username}`}>
      <td>{u.username}</td>
      <td>{u.displayName}</td>
      <td>
        <select value={role} onChange={(e) => setRole(e.target.value as User['role'])}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.role[r]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input value={scopes} onChange={(e) => setScopes(e.target.value)} aria-label={t.wf.scopes} size={14} />
      </td>
      <td>{u.active ? t.wf.active : t.wf.inactive}</td>
      <td className="actions">
        <button
          onClick={() =>
            run(() => updateUser(u.id, { role, scopes: codes(scopes) }), t.wf.saved).then((ok) => ok && onChanged())
          }
        >
          {t.wf.save}
        </button>
        <button
          onClick={() => run(() => updateUser(u.id, { active: !u.active }), t.wf.saved).then((ok) => ok && onChanged())}
        >
          {u.active ? t.wf.deactivate : t.wf.activate}
        </button>
        <input
          type="password"
          placeholder={t.wf.newPassword}
          aria-label={t.wf.newPassword}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          size={12}
        />
        <button
          onClick={() => run(() => resetPassword(u.id, password), t.wf.saved).then((ok) => ok && setPassword(''))}
        >
          {t.wf.resetPassword}
        </button>
        {message && (
          <span role="status" className={message.ok ? 'ok' : 'error'}>
            {message.text}
          </span>
        )}
      </td>
    </tr>
  );
}

const EMPTY_USER = { username: '', displayName: '', role: 'editor' as User['role'], password: '', scopes: '' };

function UsersTable({ users, rev, onChanged }: { users: User[]; rev: number; onChanged(): void }) {
  const t = useT();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t.username}</th>
          <th>{t.wf.displayName}</th>
          <th>{t.wf.roleCol}</th>
          <th>{t.wf.scopes}</th>
          <th />
          <th />
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <Row key={`${u.id}|${rev}`} u={u} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  );
}

/** A new account: emptied once the server has created it. */
function CreateUserForm({ onCreated }: { onCreated(): void }) {
  const t = useT();
  const { message, run } = useAction();
  const [form, setForm] = useState(EMPTY_USER);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => createUser({ ...form, scopes: codes(form.scopes) }), t.wf.saved)) {
      setForm(EMPTY_USER);
      onCreated();
    }
  };
  return (
    <form className="inline-form" onSubmit={create} data-testid="user-create">
      <h3>{t.wf.create}</h3>
      <input
        placeholder={t.username}
        aria-label={t.username}
        value={form.username}
        onChange={(e) => set({ username: e.target.value })}
        required
      />
      <input
        placeholder={t.wf.displayName}
        aria-label={t.wf.displayName}
        value={form.displayName}
        onChange={(e) => set({ displayName: e.target.value })}
        required
      />
      <select value={form.role} onChange={(e) => set({ role: e.target.value as User['role'] })} aria-label="role">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t.role[r]}
          </option>
        ))}
      </select>
      <input
        placeholder={t.wf.scopes}
        aria-label={t.wf.scopes}
        value={form.scopes}
        onChange={(e) => set({ scopes: e.target.value })}
      />
      <input
        type="password"
        placeholder={t.password}
        aria-label={t.password}
        value={form.password}
        onChange={(e) => set({ password: e.target.value })}
        required
      />
      <button type="submit">{t.wf.create}</button>
      {message && (
        <span role="status" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </span>
      )}
    </form>
  );
}

export function UsersPage() {
  const t = useT();
  // Bumped by each change here: the rows' own edit state starts again from what the server now holds.
  const [rev, setRev] = useState(0);
  const list = useServerQuery(['users'], fetchUsers);
  const changed = () => {
    invalidate('users');
    setRev((n) => n + 1);
  };
  return (
    <section className="page" data-testid="users-page">
      <h2>{t.wf.users}</h2>
      <UsersTable users={list.data?.users ?? []} rev={rev} onChanged={changed} />
      <CreateUserForm onCreated={changed} />
    </section>
  );
}
