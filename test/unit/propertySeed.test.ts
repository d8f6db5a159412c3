import * as assert from 'assert';
import fc from 'fast-check';
import { fixedSeed, seedFrom } from './propertySeed';

describe('property test seed (NEXI_FC_SEED)', () => {
  it('is fixed unless asked for: a commit passes or fails the same way every run', () => {
    assert.strictEqual(seedFrom(undefined), fixedSeed);
    assert.strictEqual(seedFrom(''), fixedSeed);
    if (process.env.NEXI_FC_SEED === undefined) assert.strictEqual(fc.readConfigureGlobal().seed, fixedSeed);
    // Two properties with the global seed draw the same cases.
    const seed = fc.readConfigureGlobal().seed;
    assert.deepStrictEqual(fc.sample(fc.integer(), { seed, numRuns: 5 }), fc.sample(fc.integer(), { seed, numRuns: 5 }));
  });

  it('takes a number to replay a failure, and "random" to explore', () => {
    assert.strictEqual(seedFrom('42'), 42);
    assert.strictEqual(seedFrom(' -7 '), -7);
    assert.strictEqual(seedFrom('random', () => 0.5), Math.floor(0.5 * 0x7fffffff));
    assert.notStrictEqual(seedFrom('random', () => 0.25), seedFrom('random', () => 0.75));
  });

  it('refuses anything else, saying what it takes', () => {
    assert.throws(() => seedFrom('abc'), /NEXI_FC_SEED must be a whole number or "random", not "abc"/);
    assert.throws(() => seedFrom('1.5'), /whole number/);
  });
});
