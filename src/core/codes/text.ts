// Every user-facing sentence of the code tables is a whole template in a table, filled by this one
// helper: a translation then replaces templates, never fragments glued together in code.

import { getLocale, type Locale } from '../i18n';

/** Values substituted into `{name}` placeholders. */
export type TemplateValues = Readonly<Record<string, string | number>>;

/**
 * Replaces each `{name}` in `template` by `values[name]`. Unknown placeholders are left as they are,
 * so a missing value is visible in the output instead of silently vanishing.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  if (template.indexOf('{') < 0) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** A table of whole templates per locale → `say(key, values)`, reading the current locale at each call. */
export function templateTable<K extends string>(tables: Readonly<Record<Locale, Readonly<Record<K, string>>>>): (key: K, values?: TemplateValues) => string {
  return (key, values = {}) => fillTemplate(tables[getLocale()][key], values);
}

/**
 * A value derived from the current locale's tables (a localized copy of a code table, an index over it),
 * built on first use in each locale and kept per locale: a locale switch takes effect at once, and the
 * copy is built once per locale rather than on every lookup.
 */
export function perLocale<T>(build: (locale: Locale) => T): () => T {
  const cache = new Map<Locale, T>();
  return () => {
    const locale = getLocale();
    let value = cache.get(locale);
    if (value === undefined) {
      value = build(locale);
      cache.set(locale, value);
    }
    return value;
  };
}
