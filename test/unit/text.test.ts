import { strict as assert } from 'assert';
import fc from 'fast-check';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { lineCounter, lineIndex, mapped } from '../../src/core/text';

describe('lineCounter (lines counted as offsets move on)', () => {
  const texts = fc.array(fc.constantFrom('a', 'b', '\n', '\r', ' ', 'é'), { maxLength: 200 }).map((cs) => cs.join(''));

  it('gives the line and column of lineIndex and column for offsets in increasing order, on the newline and past the end too', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(210), { maxLength: 40 }), (text, offsets) => {
        const counter = lineCounter(text);
        const index = lineIndex(text);
        for (const o of [...offsets].sort((a, b) => a - b)) assert.deepEqual(counter(o), index(o), `offset ${o}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('and for offsets in any order (an earlier line is looked up in a line index)', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(210), { maxLength: 40 }), (text, offsets) => {
        const counter = lineCounter(text);
        const index = lineIndex(text);
        for (const o of offsets) assert.deepEqual(counter(o), index(o), `offset ${o}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mapped (Array.prototype.map, one array kind wherever it runs)', () => {
  it('gives what map gives, the index passed too', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.object())), (items) => {
        const f = (x: unknown, i: number) => [x, i];
        assert.deepEqual(mapped(items, f), items.map(f));
      }),
    );
  });

  it('makes arrays of one map from code run in the interpreter and from code TurboFan optimised (map does not)', () => {
    // V8's own view, through its test intrinsics: an array made by optimised code and one made by the same code
    // unoptimised must share a map, or every reader of both loses its optimised code on the second ("wrong map").
    const script = `
      const { mapped } = require(${JSON.stringify(path.join(__dirname, '../../src/core/text.ts'))});
      const items = [{ name: 'a' }, { name: 'b' }];
      const byHelper = (a) => mapped(a, (p) => ({ p }));
      const byMap = (a) => a.map((p) => ({ p }));
      const out = {};
      for (const [name, f] of Object.entries({ byHelper, byMap })) {
        // Called until V8 optimises it as a log's decode would (the helper inlined, with its loop).
        const before = f(items);
        let after = before;
        for (let i = 0; i < 200000 && !%ActiveTierIsTurbofan(f); i++) after = f(items);
        after = f(items);
        out[name] = { optimised: %ActiveTierIsTurbofan(f), sameMap: %HaveSameMap(before, after) };
      }
      process.stdout.write(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-r', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, { optimised: boolean; sameMap: boolean }>;
    assert.deepEqual(out.byHelper, { optimised: true, sameMap: true });
    // The reason for the helper, still so in this Node's V8 (if it changes, the helper can go).
    assert.deepEqual(out.byMap, { optimised: true, sameMap: false });
  });
});
