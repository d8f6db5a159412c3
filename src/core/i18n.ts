// The language of everything the core explains (codes, fields, diagnostics, reports). English is the source;
// Italian tables live in `src/core/i18n/it/` with the same keys. The extension sets the locale once from
// `vscode.env.language`, the CLI from `--lang` or LANG. Log lines are always English: loggers never call
// localized tables.
//
// A table is read at call time through `localized(...)`, never captured at module load, so switching the
// locale (tests, the CLI) takes effect at once.

// Transition: the locale state lives in `l10n.ts` (the one mechanism); this module narrows it for the tables not
// yet moved to the JSON bundles.
import * as l10n from './l10n';

export const locales = ['en', 'it'] as const;
export type Locale = (typeof locales)[number];

export function setLocale(locale: Locale): void {
  l10n.setLocale(locale);
}

export function getLocale(): Locale {
  return l10n.getLocale() === 'it' ? 'it' : 'en';
}

export const withLocale: <T>(locale: Locale, fn: () => T) => T = l10n.withLocale;

/** A BCP 47 tag or POSIX locale → a supported locale of the old tables, or undefined (see `l10n.parseLocale`). */
export function parseLocale(tag: string | undefined): Locale | undefined {
  const parsed = l10n.parseLocale(tag);
  return parsed === 'it' || parsed === 'en' ? parsed : undefined;
}

/** The locale a terminal program should use (see `l10n.localeFromEnv`), narrowed to the old tables' locales. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  return l10n.localeFromEnv(env) === 'it' ? 'it' : 'en';
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
  return () => tables[getLocale()];
}

/** Placeholders (`{name}`) of a template, sorted: a translation must use exactly the same set. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}
