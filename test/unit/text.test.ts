import { strict as assert } from 'assert';
import fc from 'fast-check';
import { lineCounter, lineIndex } from '../../src/core/text';

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
