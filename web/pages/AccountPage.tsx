// The signed-in user's own account: who they are, their role and area, and a password change.
import { useState } from 'react';
import { changePassword, errorText } from '../api/client';
import { useMe } from '../auth/context';
import { useLang, useT } from '../i18n/context';

export function AccountPage() {
  const t = useT();
  const lang = useLang();
  const me = useMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return setMessage({ ok: false, text: t.wf.mismatch });
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setMessage({ ok: true, text: t.wf.saved });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, lang) });
    }
  };
  if (!me) return null;
  return (
    <section className="page" data-testid="account-page">
      <h2>{me.displayName}</h2>
      <p>
        {t.username}: <strong>{me.username}</strong> · {t.role[me.role]}
        {me.scopes.length ? ` · ${t.wf.scopes.split(' (')[0]}: ${me.scopes.join(', ')}` : ''}
      </p>
      <form className="proposal-form narrow" onSubmit={submit} data-testid="password-form">
        <h3>{t.wf.changePassword}</h3>
        <label>
          {t.wf.currentPassword}
          <input
            type="password"
            name="current"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          {t.wf.newPassword}
          <input
            type="password"
            name="next"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
          />
        </label>
        <label>
          {t.wf.repeatPassword}
          <input
            type="password"
            name="repeat"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
          />
        </label>
        {message && (
          <p role="status" className={message.ok ? 'ok' : 'error'} data-testid="password-result">
            {message.text}
          </p>
        )}
        <button type="submit">{t.wf.changePassword}</button>
      </form>
    </section>
  );
}
