// Timing helpers: medians of repeated runs after a warm-up; results are reported as ratios against a baseline
// measured in the same run (never as absolute thresholds in tests).
export interface Measurement {
  readonly name: string;
  readonly medianMs: number;
  readonly runsMs: readonly number[];
}

export interface BenchResult {
  readonly name: string;
  readonly detail: string;
  /** Measured ratio (higher is better) and the goal it is compared with, when the line has one. */
  readonly ratio?: number;
  readonly goal?: number;
}

export function measure(name: string, fn: () => unknown, runs = 5): Measurement {
  fn(); // warm-up: JIT, caches
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { name, medianMs: sorted[Math.floor(sorted.length / 2)]!, runsMs };
}

export async function measureAsync(name: string, fn: () => Promise<unknown>, runs = 5): Promise<Measurement> {
  await fn();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { name, medianMs: sorted[Math.floor(sorted.length / 2)]!, runsMs };
}
