// Every zod message in English and Vietnamese ("English / Tiếng Việt"), set once for the whole process.
import { z } from 'zod';

const en = z.locales.en().localeError;
const vi = z.locales.vi().localeError;

function text(map: typeof en, issue: Parameters<typeof en>[0]): string {
  const out = map(issue);
  return typeof out === 'string' ? out : (out?.message ?? '');
}

z.config({
  customError: (issue) => `${text(en, issue)} / ${text(vi, issue)}`,
});

export { z };
