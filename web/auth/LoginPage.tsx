// Sign-in form. In demo mode it lists the demo accounts, which exist only on the fictional demo province.
import { useState } from 'react';
import { errorText, signIn } from '../api/client';
import { useLang, useT } from '../i18n/context';

interface Props {
  demo: boolean;
  expired: boolean;
  onSignedIn(): void;
}

/** The two fields and the sign-in; a server out of reach says so in the UI language. */
function useSignIn(onSignedIn: () => void) {
  const t = useT();
  const lang = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      onSignedIn();
    } catch (err) {
      setError(errorText(err, lang, t.apiDown));
    } finally {
      setBusy(false);
    }
  };
  return { username, setUsername, password, setPassword, error, busy, submit };
}

export function LoginPage({ demo, expired, onSignedIn }: Props) {
  const t = useT();
  const { username, setUsername, password, setPassword, error, busy, submit } = useSignIn(onSignedIn);
  return (
    <main className="login">
      <form onSubmit={submit} className="login-form" aria-labelledby="login-title" data-testid="login-form">
        <h1 id="login-title">{t.title}</h1>
        <h2>{t.signIn}</h2>
        {expired && (
          <p className="panel-notice" role="status">
            {t.sessionExpired}
          </p>
        )}
        <label>
          {t.username}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
          />
        </label>
        <label>
          {t.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="login-submit">
          {busy ? t.loading : t.signIn}
        </button>
        {demo && (
          <p className="muted demo-accounts" data-testid="demo-accounts">
            {t.demoAccounts}
          </p>
        )}
      </form>
    </main>
  );
}
