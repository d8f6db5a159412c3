// NEXI_TEST_SHUFFLE=<seed>: runs a suite's describes and tests in an order drawn from the seed, to prove that each
// test sets up its own state (issue 19). Hooks stay with their describe; the same seed gives the same order, so a
// failure found shuffled is reproduced by running with the same seed again.
import type Mocha = require('mocha');
import { prng } from '../../src/core/text';

/** The order only has to be reproducible, not unpredictable: the toolkit's seeded generator. */
export const seededRandom: (seed: number) => () => number = prng;

/** Fisher–Yates, in place. */
export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Shuffles the describes and the tests of `suite` and of every describe below it. */
export function shuffleSuite(suite: Mocha.Suite, random: () => number): void {
  shuffleInPlace(suite.suites, random);
  shuffleInPlace(suite.tests, random);
  for (const child of suite.suites) shuffleSuite(child, random);
}

/**
 * The seed NEXI_TEST_SHUFFLE asks for: a number as given, `random` for a fresh one (printed, to reproduce the run),
 * undefined when unset or empty. Anything else is refused, with what it takes.
 */
export function shuffleSeed(value: string | undefined, fresh: () => number = () => Math.floor(Math.random() * 2 ** 31)): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === 'random') return fresh();
  if (!/^\d+$/.test(value.trim())) throw new Error(`NEXI_TEST_SHUFFLE must be a whole number (the seed) or "random", not "${value}"`);
  return Number(value.trim());
}
