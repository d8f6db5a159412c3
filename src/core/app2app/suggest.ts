// "Did you mean …?" for schemes, authorities and parameter names.

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2 = new Uint16Array(n + 1);
  let prev = new Uint16Array(n + 1);
  let cur = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s_\-]+/g, '');
const normalisedLists = new WeakMap<readonly string[], readonly string[]>();

/**
 * The candidate `input` was most likely meant to be, or undefined. Case, `_`/`-` and spaces are ignored first
 * (`callerTrxID`, `last-transaction`, `lastTransaction`); then up to 1 edit for short words, 2 for longer ones.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (input.length === 0) return undefined;
  const key = normalise(input);
  let normalised = normalisedLists.get(candidates);
  if (!normalised) normalisedLists.set(candidates, (normalised = candidates.map(normalise)));
  const same = candidates.find((c, i) => c !== input && normalised[i] === key);
  if (same) return same;
  const limit = key.length >= 5 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c === input) continue;
    const other = normalised[i];
    if (Math.abs(other.length - key.length) > limit) continue;
    const d = editDistance(key, other);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
