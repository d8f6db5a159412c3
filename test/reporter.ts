// Mocha reporter used by every test stage (unit, harness self-tests, and the suites that run inside VS Code):
// the usual `spec` output for people, plus a JSON report for machines — every test's full title and state —
// written to the file named by NEXI_TEST_REPORT (or the reporter option `output`).
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');
import type { TestRecord, TestReport } from './testReport';

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

class JsonSpecReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const reporterOptions = (options?.reporterOptions ?? {}) as { output?: string; suite?: string };
    const output = reporterOptions.output ?? process.env.NEXI_TEST_REPORT;
    const suiteName = reporterOptions.suite ?? process.env.NEXI_TEST_SUITE ?? 'tests';
    const startedAt = new Date().toISOString();
    const tests: TestRecord[] = [];
    const record = (test: Mocha.Test, state: TestRecord['state'], err?: Error): void => {
      tests.push({
        title: test.title,
        fullTitle: test.fullTitle(),
        ...(test.file ? { file: path.relative(process.cwd(), test.file) } : {}),
        state,
        ...(test.duration !== undefined ? { durationMs: test.duration } : {}),
        ...(err ? { error: String(err.stack ?? err.message ?? err) } : {}),
      });
    };
    runner.on(EVENT_TEST_PASS, (test) => record(test, 'passed'));
    runner.on(EVENT_TEST_FAIL, (test, err) => record(test as Mocha.Test, 'failed', err));
    runner.on(EVENT_TEST_PENDING, (test) => record(test, 'pending'));
    runner.once(EVENT_RUN_END, () => {
      if (!output) return;
      const report: TestReport = {
        suite: suiteName,
        passed: tests.filter((t) => t.state === 'passed').length,
        failed: tests.filter((t) => t.state === 'failed').length,
        pending: tests.filter((t) => t.state === 'pending').length,
        tests,
        startedAt,
        finishedAt: new Date().toISOString(),
      };
      fs.mkdirSync(path.dirname(output), { recursive: true });
      fs.writeFileSync(output, JSON.stringify(report, null, 2) + '\n');
    });
  }
}

export = JsonSpecReporter;
