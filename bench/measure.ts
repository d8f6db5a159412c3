// Timing helpers: repeated runs after a warm-up; results are reported as ratios against a baseline measured in the
// same run (never as absolute thresholds in tests).
import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository's root: the nearest folder above this file with a package.json (the benchmarks run from
 * bench/ through tsx, or bundled into out/bench/ as `npm run bench` does).
 */
export const repoRoot: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
export interface Measurement {
  readonly name: string;
  readonly medianMs: number;
  /** Fastest run. */
  readonly minMs: number;
  readonly runsMs: readonly number[];
  /** Processor time of the fastest run (all threads of the process, user + system), where measured. */
  readonly cpuMs?: number;
}

export interface BenchResult {
  readonly name: string;
  readonly detail: string;
  /** Measured ratio (higher is better) and the goal it is compared with, when the line has one. */
  readonly ratio?: number;
  readonly goal?: number;
}

function summary(name: string, runsMs: readonly number[]): Measurement {
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { name, medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]!, runsMs };
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function measure(name: string, fn: () => unknown, runs = 5): Measurement {
  fn(); // warm-up: JIT, caches
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) runsMs.push(time(fn));
  return summary(name, runsMs);
}

/**
 * Times two implementations of the same job alternately (a, b, a, b, …), each warmed up first, for a ratio between
 * them. Compare their `minMs`. Bench machines are shared (CI runners, a developer's machine running tests), and
 * timing one implementation's runs and then the other's lets load that comes and goes land on whichever happened
 * to be running: alternating spreads it over both. And interference (other processes, a full GC of garbage that an
 * earlier run left behind) only ever adds time, so the fastest of several runs is the steadiest estimate of what
 * each implementation itself costs; medians of five swung by 2x between runs of `npm run bench`.
 */
export function measurePair(a: { name: string; fn: () => unknown }, b: { name: string; fn: () => unknown }, runs = 9): [Measurement, Measurement] {
  a.fn();
  b.fn();
  const aMs: number[] = [];
  const bMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    aMs.push(time(a.fn));
    bMs.push(time(b.fn));
  }
  return [summary(a.name, aMs), summary(b.name, bMs)];
}

/**
 * `measurePair` for asynchronous jobs, with the processor time of each one's fastest run: the time of every thread
 * of the process (worker threads included), beside the elapsed time the runs are compared on.
 */
export async function measurePairAsync(a: { name: string; fn: () => Promise<unknown> }, b: { name: string; fn: () => Promise<unknown> }, runs = 9): Promise<[Measurement, Measurement]> {
  await a.fn();
  await b.fn();
  const aRuns: Array<readonly [number, number]> = [];
  const bRuns: Array<readonly [number, number]> = [];
  const timed = async (fn: () => Promise<unknown>): Promise<readonly [number, number]> => {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    return [ms, (cpu.user + cpu.system) / 1000];
  };
  for (let i = 0; i < runs; i++) {
    aRuns.push(await timed(a.fn));
    bRuns.push(await timed(b.fn));
  }
  const withCpu = (name: string, measured: ReadonlyArray<readonly [number, number]>): Measurement => {
    const fastest = measured.reduce((best, run) => (run[0] < best[0] ? run : best));
    return { ...summary(name, measured.map(([ms]) => ms)), cpuMs: fastest[1] };
  };
  return [withCpu(a.name, aRuns), withCpu(b.name, bRuns)];
}

export async function measureAsync(name: string, fn: () => Promise<unknown>, runs = 5): Promise<Measurement> {
  await fn();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summary(name, runsMs);
}
