// Shape of the JSON report every test stage writes (see reporter.ts).

export interface TestRecord {
  readonly title: string;
  readonly fullTitle: string;
  readonly file?: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
  readonly error?: string;
}

export interface TestReport {
  readonly suite: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly tests: readonly TestRecord[];
  readonly startedAt: string;
  readonly finishedAt: string;
}
