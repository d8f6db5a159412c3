// The editor's line-by-line analysis (issue 17): per-line findings equal the whole-text analysis, the cache
// recomputes only changed lines, visible lines come first, and a pass pauses when its budget is spent.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { forEachLine, LineCache, linesInOrder, uriDiagnostics, type LineRange } from '../../src/core/app2app/lineAnalysis';
import { offersCheck, scanText } from '../../src/core/app2app/scan';
import { Yielder } from '../../src/core/yielder';
import { explainWarmUp } from '../../src/core/explain/warmUp';
import { withLocale } from '../../src/core/l10n';
import { specExamples } from './app2appFixtures';

const root = path.join(__dirname, '..', '..');
const logcat = fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8');
const text = `${logcat}\n${Object.values(specExamples).join('\n')}\nval u = "neximpos://payment?amount=12.50&callerTrxId=1"\n<a href="neximpos://payment?a=1&amp;b=2">\n{"u":"neximpos:\\/\\/payment?amount=1"}`;
const lines = text.split('\n');

/** The findings of the whole text, as one scan of it finds them, moved to (line, character). */
function wholeText(t: string): string[] {
  const starts = [0];
  for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return line;
  };
  return scanText(t).flatMap((u) =>
    uriDiagnostics(u).map((d) => {
      const line = lineOf(d.range.start);
      return JSON.stringify({ line, start: d.range.start - starts[line]!, end: d.range.end - starts[line]!, code: d.code, message: d.message });
    }),
  );
}

const perLine = (cache: LineCache, ls: readonly string[]) =>
  ls.flatMap((l, line) => cache.diagnostics(l).map((d) => JSON.stringify({ line, start: d.range.start, end: d.range.end, code: d.code, message: d.message })));

describe('line analysis (issue 17)', () => {
  it('finds per line exactly the findings one scan of the whole text finds', () => {
    const expected = wholeText(text);
    assert.ok(expected.length > 5, 'the sample has findings');
    assert.deepEqual(perLine(new LineCache(), lines), expected);
  });

  it('tells CodeLens where each URI starts, what it is, and whether it can be checked', () => {
    const cache = new LineCache();
    const facts = lines.flatMap((l) => cache.uris(l).map((u) => [u.start, u.end, u.kind, u.check]));
    const scanned = lines.flatMap((l) => scanText(l).map((u) => [u.range.start, u.range.end, u.kind, offersCheck(u)]));
    assert.deepEqual(facts, scanned);
    assert.ok(facts.some((f) => f[3] === true) && facts.some((f) => f[2] === 'request'));
  });

  it('recomputes only the lines whose text changed', () => {
    const cache = new LineCache();
    const before = lines.map((l) => cache.diagnostics(l));
    const edited = lines.map((l) => (l.includes('amount=12.50') ? l.replace('12.50', '13.75') : l));
    const after = edited.map((l) => cache.diagnostics(l));
    const changed = edited.map((l, i) => l !== lines[i]);
    assert.equal(changed.filter(Boolean).length, 1);
    for (let i = 0; i < lines.length; i++) {
      if (changed[i]) assert.notEqual(after[i], before[i], `line ${i} was recomputed`);
      else assert.equal(after[i], before[i], `line ${i} came from the cache`);
    }
    assert.deepEqual(perLine(cache, edited), wholeText(edited.join('\n')));
  });

  it('gives the findings of a line first seen by CodeLens', () => {
    const cache = new LineCache();
    const line = lines.find((l) => l.includes('12.50'))!;
    assert.equal(cache.uris(line).length, 1);
    assert.deepEqual(cache.diagnostics(line).map((d) => d.code), uriDiagnostics(scanText(line)[0]!).map((d) => d.code));
    assert.ok(cache.diagnostics(line).some((d) => d.code === 'A2A004'));
  });

  it('keeps no entry for lines without a URI or longer than its limit, and forgets lines no recent pass used', () => {
    const cache = new LineCache({}, 200);
    const uri = 'neximpos://payment?amount=1';
    cache.diagnostics('plain log line without any link');
    cache.diagnostics(`x ${uri} ${'y'.repeat(300)}`);
    assert.equal(cache.size, 0);
    assert.equal(cache.diagnostics(`x ${uri} ${'y'.repeat(300)}`).length, uriDiagnostics(scanText(uri)[0]!).length);
    cache.diagnostics(`a ${uri}`);
    cache.uris(`b ${uri}`);
    assert.equal(cache.size, 2);
    cache.sweep();
    cache.diagnostics(`a ${uri}`);
    cache.sweep();
    assert.equal(cache.size, 2, 'used since the sweep before the last one: kept');
    cache.sweep();
    assert.equal(cache.size, 1, '"b" was not used for two sweeps');
    cache.sweep();
    cache.sweep();
    assert.equal(cache.size, 0);
  });

  it('orders the visible lines first, merged and clamped, then every other line once', () => {
    assert.deepEqual(linesInOrder([{ start: 50, end: 60 }, { start: 10, end: 20 }, { start: 21, end: 25 }, { start: 95, end: 140 }], 100, true), {
      first: [{ start: 10, end: 25 }, { start: 50, end: 60 }, { start: 95, end: 99 }],
      rest: [{ start: 0, end: 9 }, { start: 26, end: 49 }, { start: 61, end: 94 }],
    });
    assert.deepEqual(linesInOrder([{ start: 0, end: 5 }], 3, false), { first: [{ start: 0, end: 2 }], rest: [] });
    assert.deepEqual(linesInOrder([], 3, true), { first: [], rest: [{ start: 0, end: 2 }] });
    const range = fc.tuple(fc.integer({ min: -5, max: 120 }), fc.integer({ min: -5, max: 120 })).map(([start, end]): LineRange => ({ start, end }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 6 }), fc.integer({ min: 1, max: 110 }), (visible, count) => {
        const { first, rest } = linesInOrder(visible, count, true);
        const seen = [...first, ...rest].flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
        assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: count }, (_, i) => i));
        for (let i = 1; i < first.length; i++) assert.ok(first[i]!.start > first[i - 1]!.end + 1, 'merged, in order');
      }),
    );
  });

  it('visits every line in order, awaiting only when the budget is spent, and stops when cancelled', async () => {
    let clock = 0;
    let pauses = 0;
    const seen: number[] = [];
    const yielder = new Yielder({ budgetMs: 10, now: () => (clock += 1), pause: async () => void pauses++ });
    const ok = await forEachLine([{ start: 3, end: 40 }, { start: 0, end: 1 }], (l) => `line ${l}`, (l, t) => {
      assert.equal(t, `line ${l}`);
      seen.push(l);
    }, yielder);
    assert.equal(ok, true);
    assert.deepEqual(seen, [...Array.from({ length: 38 }, (_, i) => i + 3), 0, 1]);
    // The clock advances 1 ms per reading, one reading per line: a pause about every 10 of the 40 lines.
    assert.ok(pauses >= 3 && pauses <= 5, `paused ${pauses} times`);
    let visited = 0;
    const cancelled = await forEachLine([{ start: 0, end: 99 }], String, () => void visited++, new Yielder({ pause: async () => undefined, isCancelled: () => visited >= 7 }));
    assert.equal(cancelled, false);
    assert.equal(visited, 7);
  });

  it('awaits what `prepare` returns before the line it was asked for, and does not count that wait as a slice', async () => {
    let clock = 0;
    const order: string[] = [];
    const yielder = new Yielder({ budgetMs: 1000, now: () => clock, pause: async () => undefined });
    let prepared = false;
    const ok = await forEachLine([{ start: 0, end: 3 }], (l) => (l === 2 ? 'neximpos://payment?amount=1' : `line ${l}`), (l) => void order.push(`visit ${l}`), yielder, (text) => {
      if (prepared || !text.includes('://')) return undefined;
      prepared = true;
      order.push('prepare');
      // Loading takes 500 ms of the clock, in slices of its own.
      return Promise.resolve().then(() => void (clock += 500));
    });
    assert.equal(ok, true);
    assert.deepEqual(order, ['visit 0', 'visit 1', 'prepare', 'visit 2', 'visit 3']);
    assert.equal(yielder.finish(), 0, 'the 500 ms spent preparing are not this work\'s slice');
    // Cancelled while preparing: the line is not visited.
    let cancel = false;
    const visited: number[] = [];
    const stopped = await forEachLine([{ start: 0, end: 3 }], String, (l) => void visited.push(l), new Yielder({ pause: async () => undefined, isCancelled: () => cancel }), (text) =>
      text === '1' ? Promise.resolve().then(() => void (cancel = true)) : undefined,
    );
    assert.equal(stopped, false);
    assert.deepEqual(visited, [0]);
  });

  it('the warm-up steps an editor takes before its first explanation each run without error, in both languages', () => {
    for (const locale of ['en', 'it'] as const) withLocale(locale, () => explainWarmUp.forEach((step, i) => assert.doesNotThrow(step, `step ${i} (${locale})`)));
  });

  it('Yielder.due says when a checkpoint would pause, and never without a pause', () => {
    let clock = 0;
    const y = new Yielder({ budgetMs: 5, now: () => clock, pause: async () => undefined });
    assert.equal(y.due(), false);
    clock = 5;
    assert.equal(y.due(), true);
    assert.equal(new Yielder({ now: () => (clock += 100) }).due(), false);
  });
});
