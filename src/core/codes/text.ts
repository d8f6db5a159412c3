// Every user-facing sentence of the code tables is a whole template in a table, filled by this one
// helper: a translation then replaces templates, never fragments glued together in code.

import { getLocale as currentLocale } from '../l10n';

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

/**
 * A value built from translated data (an index of overlaid entries, a coding with its bits overlaid), built on first
 * use in each locale and kept: the builder reads the locale through `l10n.ts` (`overlay`, `translated`) and never
 * branches on it, so this is only a cache that keeps lookups in hot loops (explain, decode) from rebuilding it.
 */
export function builtPerLocale<T>(build: () => T): () => T {
  const cache = new Map<string, T>();
  return () => {
    const locale = currentLocale();
    let value = cache.get(locale);
    if (value === undefined) {
      value = build();
      cache.set(locale, value);
    }
    return value;
  };
}
