// A refused request in the UI language, with the fields the server named (their path in the request).
import { ApiError, errorText } from '../api/client';
import { useLang } from '../i18n/context';

/** Field messages come as "tiếng Việt / English": the half of the UI language. */
function inLanguage(message: string, lang: 'vi' | 'en'): string {
  const halves = message.split(' / ');
  return halves.length === 2 ? halves[lang === 'vi' ? 0 : 1]! : message;
}

export function ErrorMessage({ error, testId = 'form-error' }: { error: unknown; testId?: string }) {
  const lang = useLang();
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div role="alert" className="error" data-testid={testId}>
      {errorText(error, lang, error instanceof Error ? error.message : String(error))}
      {issues.length > 0 && (
        <ul className="field-issues">
          {issues.map((i) => <li key={i.path + i.message}><code>{i.path}</code>: {inLanguage(i.message, lang)}</li>)}
        </ul>
      )}
    </div>
  );
}
