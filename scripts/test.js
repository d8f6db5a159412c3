#!/usr/bin/env node
// `npm test`: every test stage, in order, then one closing line with the totals.
//   1. build      bundles + test suites (esbuild)
//   2. typecheck  tsc --noEmit over src, test, bench, scripts
//   3. unit       mocha over test/unit (the pure core, the CLI, loopback servers)
//   4. integration  the integration suite inside a real VS Code (the harness sets it up on first use)
//   5. integration-restricted  the Restricted Mode suite: workspace trust on, an untrusted folder
//   6. integration-it  the Italian suite: VS Code with Italian as its display language
//   7. harness    self-tests of the harness: a failing suite fails, a hang times out, the .vsix installs
// Each test stage writes test-results/<stage>.json (every test's full title and state).
// NEXI_TEST_STAGES=unit,integration runs a subset.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
require('./ensure-deps')();

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'test-results');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const stages = [
  { name: 'build', cmd: process.execPath, args: ['esbuild.js', '--tests'] },
  { name: 'typecheck', cmd: bin('tsc'), args: ['-p', '.', '--noEmit'] },
  { name: 'unit', cmd: bin('mocha'), args: ['--reporter', 'test/reporter.ts'], report: 'unit.json' },
  { name: 'integration', cmd: bin('tsx'), args: ['test/harness/cli.ts', '--suite', 'out/test/integration/index.js', '--workspace', 'samples', '--name', 'integration'], report: 'integration.json', reportFlag: true },
  { name: 'integration-restricted', cmd: bin('tsx'), args: ['test/harness/cli.ts', '--suite', 'out/test/integration-restricted/index.js', '--workspace', 'test/fixtures/restricted-workspace', '--workspace-trust', '--name', 'integration-restricted'], report: 'integration-restricted.json', reportFlag: true },
  { name: 'integration-it', cmd: bin('tsx'), args: ['test/harness/cli.ts', '--suite', 'out/test/integration-it/index.js', '--workspace', 'samples', '--locale', 'it', '--name', 'integration-it'], report: 'integration-it.json', reportFlag: true },
  { name: 'harness', cmd: bin('mocha'), args: ['--config', 'test/harness/.mocharc.json'], report: 'harness.json' },
];

const only = process.env.NEXI_TEST_STAGES ? new Set(process.env.NEXI_TEST_STAGES.split(',')) : undefined;
fs.mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];
const started = Date.now();

for (const stage of stages) {
  if (only && !only.has(stage.name) && stage.name !== 'build') continue;
  const report = stage.report ? path.join(results, stage.report) : undefined;
  if (report) fs.rmSync(report, { force: true });
  const args = [...stage.args, ...(stage.reportFlag && report ? ['--report', report] : [])];
  console.log(`\n=== ${stage.name} ===`);
  const t0 = Date.now();
  const r = spawnSync(stage.cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...(report ? { NEXI_TEST_REPORT: report, NEXI_TEST_SUITE: stage.name } : {}) } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (report && fs.existsSync(report)) {
    const rep = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += rep.passed;
    failed += rep.failed;
    console.log(`=== ${stage.name}: ${rep.passed} passed, ${rep.failed} failed (${seconds} s) ===`);
  } else {
    console.log(`=== ${stage.name}: exit ${r.status ?? r.signal} (${seconds} s) ===`);
  }
  if (r.status !== 0) {
    failures.push(`${stage.name} (exit ${r.status ?? r.signal})`);
    if (stage.name === 'build' || stage.name === 'typecheck') break; // later stages would test stale code
  }
}

console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? `; failed stages: ${failures.join(', ')}` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
