// Every user-facing sentence of the code tables is a whole template in a table, filled by this one
// helper: a translation then replaces templates, never fragments glued together in code.

import { getLocale as currentLocale } from '../l10n';

/** Values substituted into `{name}` placeholders. */
export type TemplateValues = Readonly<Record<string, string | number>>;

export { fillTemplate } from '../l10n';

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

/**
 * Keeps `value` under `key` in `cache` and returns it; a cache that holds `limit` entries is emptied first. For
 * caches of values made from input (codes, amounts, dates a log repeats): bounded, however varied the input.
 */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit = 512): V {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
