// The language of everything the core explains (codes, fields, diagnostics, reports). English is the source;
// Italian tables live in `src/core/i18n/it/` with the same keys. The extension sets the locale once from
// `vscode.env.language`, the CLI from `--lang` or LANG. Log lines are always English: loggers never call
// localized tables.
//
// A table is read at call time through `localized(...)`, never captured at module load, so switching the
// locale (tests, the CLI) takes effect at once.

export const locales = ['en', 'it'] as const;
export type Locale = (typeof locales)[number];

let current: Locale = 'en';

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** Runs `fn` with `locale` and restores the previous one, also when `fn` throws. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const previous = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/**
 * A BCP 47 tag (`it`, `it-IT`, `en-US`) or a POSIX locale (`it_IT.UTF-8`, `C`) → a supported locale, or
 * undefined when the language is neither English nor Italian (callers fall back to English).
 */
export function parseLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const language = tag.trim().toLowerCase().split(/[-_.@:]/)[0];
  if (language === 'it') return 'it';
  if (language === 'en' || language === 'c' || language === 'posix') return 'en';
  return undefined;
}

/**
 * The locale a terminal program should use, as gettext picks one: no locale or a `C`/`POSIX` one (the first set
 * of LC_ALL, LC_MESSAGES, LANG) means English; otherwise the first supported entry of LANGUAGE, then that locale;
 * English when none names a supported language.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  // No locale, or `C`, means untranslated whatever LANGUAGE says (GNU gettext); otherwise LANGUAGE's list comes first.
  if (posix === undefined || /^(c|posix)([._@]|$)/i.test(posix)) return 'en';
  for (const entry of (env.LANGUAGE ?? '').split(':')) {
    const parsed = parseLocale(entry);
    if (parsed) return parsed;
  }
  return parseLocale(posix) ?? 'en';
}

/**
 * A translation of table `T`: the same keys, every string a string (literal types widened), nested tables
 * translated the same way. TypeScript then rejects an Italian table with a missing or extra key.
 */
export type Translation<T> = T extends string
  ? string
  : T extends readonly (infer E)[]
    ? readonly Translation<E>[]
    : T extends object
      ? { readonly [K in keyof T]: Translation<T[K]> }
      : T;

/** A getter for the current locale's table: call it where the text is needed, not at module load. */
export function localized<T>(tables: { readonly en: T; readonly it: T }): () => T {
  return () => tables[current];
}

/** Placeholders (`{name}`) of a template, sorted: a translation must use exactly the same set. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}
