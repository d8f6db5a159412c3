// The integration suites' NEXI_TEST_SHUFFLE (test/harness/shuffle.ts), on real mocha suites.
import { strict as assert } from 'assert';
import Mocha = require('mocha');
import { seededRandom, shuffleInPlace, shuffleSeed, shuffleSuite } from '../harness/shuffle';

function tree(): Mocha.Suite {
  const root = new Mocha.Suite('');
  for (const d of ['a', 'b', 'c', 'd', 'e']) {
    const child = Mocha.Suite.create(root, d);
    for (let i = 1; i <= 6; i++) child.addTest(new Mocha.Test(`${d}${i}`, () => undefined));
  }
  return root;
}

const order = (root: Mocha.Suite): string[] => root.suites.flatMap((s) => [s.title, ...s.tests.map((t) => t.title)]);

describe('test shuffling (NEXI_TEST_SHUFFLE)', () => {
  it('reorders describes and the tests inside them, the same way for the same seed, differently for another', () => {
    const before = order(tree());
    const once = tree();
    shuffleSuite(once, seededRandom(42));
    const again = tree();
    shuffleSuite(again, seededRandom(42));
    const other = tree();
    shuffleSuite(other, seededRandom(7));
    assert.deepEqual(order(once), order(again));
    assert.notDeepEqual(order(once), before);
    assert.notDeepEqual(order(once), order(other));
    assert.notDeepEqual(once.suites.map((s) => s.title), ['a', 'b', 'c', 'd', 'e'], 'describes move');
    assert.ok(once.suites.some((s) => s.tests.map((t) => t.title).join() !== [1, 2, 3, 4, 5, 6].map((i) => `${s.title}${i}`).join()), 'tests move inside their describe');
    // Every test stays in its own describe (hooks and state set up there still apply), none lost or doubled.
    for (const s of once.suites) assert.deepEqual(s.tests.map((t) => t.title).sort(), [1, 2, 3, 4, 5, 6].map((i) => `${s.title}${i}`));
  });

  it('is a permutation for every length', () => {
    const random = seededRandom(1);
    for (let n = 0; n < 40; n++) {
      const items = Array.from({ length: n }, (_, i) => i);
      shuffleInPlace(items, random);
      assert.deepEqual([...items].sort((x, y) => x - y), Array.from({ length: n }, (_, i) => i));
    }
  });

  it('reads the seed: unset or empty is no shuffling, a number is the seed, "random" draws one, anything else is refused', () => {
    assert.equal(shuffleSeed(undefined), undefined);
    assert.equal(shuffleSeed(' '), undefined);
    assert.equal(shuffleSeed('1234'), 1234);
    assert.equal(shuffleSeed('random', () => 99), 99);
    assert.throws(() => shuffleSeed('yes'), /NEXI_TEST_SHUFFLE must be a whole number \(the seed\) or "random", not "yes"/);
  });
});
