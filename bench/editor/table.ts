// The editor benchmark's results (issue 17): percentiles, the budgets with met / not met, the JSON file in
// bench/results/ and the printed table. Pure Node, shared by the suite (inside the extension host) and by
// `tsx bench/editor/table.ts`, which `npm run bench:editor` runs after the harness to print the newest results.
import * as fs from 'fs';
import * as path from 'path';

export interface Row {
  readonly size: string;
  readonly phase: string;
  readonly measurement: string;
  readonly n: number;
  readonly p50?: number;
  readonly p95?: number;
  readonly max?: number;
  /** The goal as people read it (`p95 ≤ 50, max ≤ 150 ms`), or undefined when the issue sets none for this row. */
  readonly budget?: string;
  readonly met?: boolean;
  readonly note?: string;
}

export interface EditorResults {
  readonly date: string;
  readonly vscode: string;
  readonly appName: string;
  readonly node: string;
  /** The machine's load average (1 min) when the run began and ended, and its CPU count: budgets are wall time. */
  readonly load?: { readonly start: number; readonly end: number; readonly cpus: number };
  readonly rows: readonly Row[];
  readonly details: unknown;
}

/** Nearest-rank percentile of `values` (not necessarily sorted). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function stats(values: readonly number[]): { n: number; p50: number; p95: number; max: number } {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : NaN };
}

/** Today's results file: bench/results/editor-YYYY-MM-DD.json below `root`. */
export function resultsPath(root: string, date = new Date()): string {
  return path.join(root, 'bench', 'results', `editor-${date.toISOString().slice(0, 10)}.json`);
}

export function writeResults(file: string, results: EditorResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}

const ms = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(1));

export function formatTable(results: EditorResults): string {
  const header = ['size', 'phase', 'measurement', 'n', 'p50 ms', 'p95 ms', 'max ms', 'budget', 'met'];
  const body = results.rows.map((r) => [r.size, r.phase, r.measurement, String(r.n), ms(r.p50), ms(r.p95), ms(r.max), r.budget ?? '—', r.met === undefined ? '—' : r.met ? 'met' : 'NOT met']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const notes = results.rows.filter((r) => r.note).map((r) => `  ${r.size} ${r.phase} ${r.measurement}: ${r.note}`);
  const budgeted = results.rows.filter((r) => r.met !== undefined);
  const missed = budgeted.filter((r) => !r.met);
  return [
    `Editor benchmark — ${results.appName} ${results.vscode}, extension host Node ${results.node}, ${results.date}${results.load ? `; load average ${results.load.start.toFixed(1)} → ${results.load.end.toFixed(1)} on ${results.load.cpus} CPUs` : ''}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    ...(notes.length ? ['', 'notes:', ...notes] : []),
    '',
    missed.length === 0 ? `budgets: all ${budgeted.length} met` : `budgets: ${budgeted.length - missed.length} of ${budgeted.length} met; NOT met: ${missed.map((r) => `${r.size} ${r.phase} ${r.measurement}`).join('; ')}`,
  ].join('\n');
}

// `tsx bench/editor/table.ts [file]`: prints the given results, or the newest bench/results/editor-*.json.
if (require.main === module) {
  const dir = path.join(__dirname, '..', 'results');
  const file = process.argv[2] ?? fs.readdirSync(dir).filter((f) => /^editor-.*\.json$/.test(f)).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!file) {
    console.error('no bench/results/editor-*.json: run `npm run bench:editor` first');
    process.exit(1);
  }
  console.log(formatTable(JSON.parse(fs.readFileSync(file, 'utf8')) as EditorResults));
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
}
