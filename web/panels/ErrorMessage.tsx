// A refused request in the UI language, with the fields the server named: their path and bilingual message.
import { ApiError, errorText } from '../api/client';
import { useLang } from '../i18n/context';

export function ErrorMessage({ error, testId = 'form-error' }: { error: unknown; testId?: string }) {
  const lang = useLang();
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div role="alert" className="error" data-testid={testId}>
      {errorText(error, lang, error instanceof Error ? error.message : String(error))}
      {issues.length > 0 && (
        <ul className="field-issues">
          {issues.map((i) => (
            <li key={i.path + i.message}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
