// Property tests (fast-check) draw their cases from one seed per run, so that `npm test` of a commit passes or fails
// the same way every time, in CI and here: a new random case cannot turn a landed commit red. Exploring is asked for:
//   NEXI_FC_SEED=random   a fresh seed, printed first (the property tests found real bugs this way: CHANGELOG)
//   NEXI_FC_SEED=<n>      that seed: what a failure prints (fast-check names the seed and path of its case)
// NEXI_PROPERTY_RUNS raises the runs of the largest properties (explain.test.ts, scenarios.test.ts).
import fc from 'fast-check';

/** The seed of a plain `npm test`. */
export const fixedSeed = 172026;

/** The seed NEXI_FC_SEED asks for: the fixed one when unset, its number, or a fresh one for `random`; throws on anything else. */
export function seedFrom(raw: string | undefined, random: () => number = Math.random): number {
  if (raw === undefined || raw.trim() === '') return fixedSeed;
  if (raw.trim() === 'random') return Math.floor(random() * 0x7fffffff);
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`NEXI_FC_SEED must be a whole number or "random", not "${raw}"`);
  return seed;
}

const seed = seedFrom(process.env.NEXI_FC_SEED);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
if (seed !== fixedSeed) console.log(`property tests: seed ${seed} (again: NEXI_FC_SEED=${seed})`);
