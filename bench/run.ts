// `npm run bench`: every benchmark, each against a baseline measured in the same run; prints the ratios and
// writes bench/results/latest.json. NEXI_BENCH=decode runs one; NEXI_BENCH_MB sizes the decode corpus.
// It runs bundled by esbuild (out/bench/run.js), as the extension and the CLI ship: tsx, which runs the tests,
// names every nested function at run time (esbuild's keepNames), which the shipped bundles do not pay.
import * as fs from 'fs';
import * as path from 'path';
import { checkBench } from './check.bench';
import { decodeBench } from './decode.bench';
import { reconcileBench } from './reconcile.bench';
import { sandboxMemoryBench } from './sandboxMemory.bench';
import { repoRoot, type BenchResult } from './measure';

const benches: Record<string, () => BenchResult[] | Promise<BenchResult[]>> = {
  decode: decodeBench,
  check: checkBench,
  reconcile: reconcileBench,
  'sandbox-memory': sandboxMemoryBench,
};

async function main(): Promise<void> {
  const only = process.env.NEXI_BENCH?.split(',');
  const results: BenchResult[] = [];
  for (const [name, bench] of Object.entries(benches)) {
    if (only && !only.includes(name)) continue;
    console.log(`\n== ${name}`);
    for (const r of await bench()) {
      results.push(r);
      const verdict = r.ratio !== undefined && r.goal !== undefined ? (r.ratio >= r.goal ? '  [goal met]' : '  [goal NOT met]') : '';
      console.log(`  ${r.name.padEnd(58)} ${r.detail}${verdict}`);
    }
  }
  const out = path.join(repoRoot, 'bench', 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(process.cwd(), out)}`);
}

void main();
