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

/** The locale of an empty slot of the caches of last answers: no locale is named so, not even an empty one. */
export const noLocale = '\u0000';

/** What a reading of `recentlyRead` takes: up to four strings (or absent values). */
type Inputs = readonly [string | undefined, (string | undefined)?, (string | undefined)?, (string | undefined)?];

/**
 * `read` (a pure reading of up to four strings whose words follow the locale) with its last `size` answers kept: one
 * URI's value is read by the transaction model and again by the explainer, and a log repeats its codes, amounts and
 * cards; a search of a few strings costs less than the reading (a key string and a Map would cost about as much).
 * Answers are shared: they must be read-only.
 */
export function recentlyRead<P extends Inputs, T>(read: (...inputs: P) => T, size = 8): (...inputs: P) => T {
  const firsts = new Array<string | undefined>(size).fill(undefined);
  const seconds = new Array<string | undefined>(size).fill(undefined);
  const thirds = new Array<string | undefined>(size).fill(undefined);
  const fourths = new Array<string | undefined>(size).fill(undefined);
  const locales: string[] = new Array<string>(size).fill(noLocale);
  const answers: T[] = new Array<T>(size);
  const call = read as unknown as (a?: string, b?: string, c?: string, d?: string) => T;
  let next = 0;
  const recent = (a?: string, b?: string, c?: string, d?: string): T => {
    const locale = currentLocale();
    for (let i = 0; i < size; i++) if (firsts[i] === a && seconds[i] === b && thirds[i] === c && fourths[i] === d && locales[i] === locale) return answers[i]!;
    const answer = call(a, b, c, d);
    firsts[next] = a;
    seconds[next] = b;
    thirds[next] = c;
    fourths[next] = d;
    locales[next] = locale;
    answers[next] = answer;
    next = (next + 1) % size;
    return answer;
  };
  return recent as unknown as (...inputs: P) => T;
}
