// Small text helpers shared by the CLI, reconciliation and the editor adapters.

/** Line/column (1-based) of offsets in one text; line starts are computed once, each lookup is a binary search. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * {@link lineIndex} for offsets met mostly in increasing order (a whole log's decode): lines are counted as the
 * offsets move on, each newline found once, instead of listing every line start of the text first. An offset before
 * the current line falls back to a lineIndex of the whole text, made then.
 */
export function lineCounter(text: string): (offset: number) => { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  let all: ReturnType<typeof lineIndex> | undefined;
  return (offset) => {
    if (offset < lineStart) return (all ??= lineIndex(text))(offset);
    while (nextNewline >= 0 && nextNewline < offset) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    return { line, column: offset - lineStart + 1 };
  };
}

/**
 * `s` as a string of its own, sharing no memory with a text it was cut from or built of: V8 makes a slice of a long
 * string a view that keeps the whole of it alive (a 20-character value, the 64 KiB piece of log it was read from).
 * For strings kept long after their text is gone (the explainer's kept wordings). Short strings are copied anyway.
 */
export function detached<T extends string | undefined>(s: T): T {
  return (s === undefined || s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string)) as T;
}

/** Mulberry32: a small, fast, seedable generator (deterministic test data, simulated values). Not for secrets. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `items.map(f)`, as an array of the same kind wherever it is made. V8's `Array.prototype.map` makes a packed array
 * when it runs as a builtin but a holey one once TurboFan inlines it into an optimised caller: code that reads arrays
 * made on both sides sees two maps, and its optimised form is thrown away ("wrong map") when the second comes. A
 * whole-log decode lost about twenty optimised functions that way, each compiled again on the one other core.
 */
export function mapped<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i]!, i));
  return out;
}
