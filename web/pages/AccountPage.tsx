// The signed-in user's own account: who they are, their role and area, and a password change.
import { useState } from 'react';
import { changePassword, errorText } from '../api/client';
import { useMe } from '../auth/context';
import { useLang, useT } from '../i18n/context';

/** The three password fields and the change; a repeat that differs is refused before it is sent. */
function usePasswordChange() {
  const t = useT();
  const lang = useLang();
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
  return { current, setCurrent, next, setNext, repeat, setRepeat, message, submit };
}

function PasswordField({
  label,
  name,
  autoComplete,
  value,
  onChange,
}: {
  label: string;
  name: string;
  autoComplete: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        name={name}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      />
    </label>
  );
}

export function AccountPage() {
  const t = useT();
  const me = useMe();
  const form = usePasswordChange();
  if (!me) return null;
  return (
    <section className="page" data-testid="account-page">
      <h2>{me.displayName}</h2>
      <p>
        {t.username}: <strong>{me.username}</strong> · {t.role[me.role]}
        {me.scopes.length ? ` · ${t.wf.scopes.split(' (')[0]}: ${me.scopes.join(', ')}` : ''}
      </p>
      <form className="proposal-form narrow" onSubmit={form.submit} data-testid="password-form">
        <h3>{t.wf.changePassword}</h3>
        <PasswordField
          label={t.wf.currentPassword}
          name="current"
          autoComplete="current-password"
          value={form.current}
          onChange={form.setCurrent}
        />
        <PasswordField
          label={t.wf.newPassword}
          name="next"
          autoComplete="new-password"
          value={form.next}
          onChange={form.setNext}
        />
        <PasswordField
          label={t.wf.repeatPassword}
          name="repeat"
          autoComplete="new-password"
          value={form.repeat}
          onChange={form.setRepeat}
        />
        {form.message && (
          <p role="status" className={form.message.ok ? 'ok' : 'error'} data-testid="password-result">
            {form.message.text}
          </p>
        )}
        <button type="submit">{t.wf.changePassword}</button>
      </form>
    </section>
  );
}
