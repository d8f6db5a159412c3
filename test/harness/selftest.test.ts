// Self-tests of the real-VS Code harness (they run on the machine's Node with mocha and start real VS Code
// servers): a failing suite fails the run, a hanging suite times out, both leave nothing behind, and the
// packaged .vsix installs into the harness VS Code and activates.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { TestReport } from '../testReport';
import { repoRoot } from './setup';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const harness = path.join(repoRoot, 'test', 'harness', 'cli.ts');
const fixture = (name: string): string => path.join(repoRoot, 'out', 'test', 'harness', 'fixtures', name, 'index.js');

interface HarnessRun {
  status: number | null;
  stdout: string;
  stderr: string;
  report?: TestReport;
  scratch: string;
}

function runHarness(args: string[], reportName: string): HarnessRun {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-selftest-')), `${reportName}.json`);
  const r = spawnSync(tsx, [harness, ...args, '--report', report], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NEXI_TEST_REPORT: '' } });
  const scratch = /\[harness\] scratch: (\S+)/.exec(r.stdout)?.[1] ?? '';
  const parsed = fs.existsSync(report) ? (JSON.parse(fs.readFileSync(report, 'utf8')) as TestReport) : undefined;
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, scratch, ...(parsed ? { report: parsed } : {}) };
}

/** Processes whose command line mentions `needle` (the harness's scratch dir names every process it starts). */
function processesMentioning(needle: string): string[] {
  const hits: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle)) hits.push(`${pid}: ${cmd.slice(0, 120)}`);
    } catch {
      // the process ended while we looked
    }
  }
  return hits;
}

function assertCleanedUp(run: HarnessRun): void {
  assert.ok(run.scratch.startsWith(os.tmpdir()), `the harness printed its scratch dir (got '${run.scratch}')`);
  assert.equal(fs.existsSync(run.scratch), false, 'scratch dir removed');
  assert.deepEqual(processesMentioning(run.scratch), [], 'no process left behind');
}

describe('real-VS Code harness', function () {
  it('exits non-zero when a test fails, and the JSON report names each test and its state', () => {
    const run = runHarness(['--suite', fixture('failing'), '--name', 'failing-fixture'], 'failing');
    assert.equal(run.status, 1, `exit status\n${run.stdout}\n${run.stderr}`);
    assert.ok(run.report, 'report written');
    assert.equal(run.report.passed, 1);
    assert.equal(run.report.failed, 1);
    const states = Object.fromEntries(run.report.tests.map((t) => [t.fullTitle, t.state]));
    assert.deepEqual(states, { 'failing fixture passes inside VS Code': 'passed', 'failing fixture fails on purpose': 'failed' });
    assert.match(run.report.tests.find((t) => t.state === 'failed')!.error ?? '', /deliberate failure/);
    assert.match(run.stdout, /^1 passed, 1 failed$/m);
    assertCleanedUp(run);
  });

  it('exits non-zero on a timeout and still cleans up', () => {
    const run = runHarness(['--suite', fixture('hang'), '--name', 'hang-fixture', '--timeout', '15'], 'hang');
    assert.equal(run.status, 4, `exit status\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /no result after 15 s/);
    assertCleanedUp(run);
  });

  it('installs the packaged .vsix with --install-extension; it activates without errors', () => {
    const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
    assert.equal(pack.status, 0, `npm run package\n${pack.stdout}\n${pack.stderr}`);
    const vsix = path.join(repoRoot, 'dist', 'nexi-app2app-toolkit.vsix');
    assert.ok(fs.existsSync(vsix));
    const run = runHarness(['--suite', fixture('vsix'), '--name', 'vsix-fixture', '--dev', path.join(repoRoot, 'test', 'harness', 'fixtures', 'vsix-probe'), '--install-vsix', vsix], 'vsix');
    assert.equal(run.status, 0, `exit status\n${run.stdout}\n${run.stderr}`);
    assert.ok(run.report);
    assert.equal(run.report.failed, 0);
    assert.equal(run.report.passed, 4);
    assert.doesNotMatch(run.stdout + run.stderr, /Activating extension .*nexi-app2app-toolkit.* failed/i);
    assertCleanedUp(run);
  });
});
