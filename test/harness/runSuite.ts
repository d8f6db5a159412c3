// Runs one mocha suite inside a real VS Code: code-server serves the workbench, headless Chromium opens it
// with the extension-development + extension-tests payload, the extension host calls the suite's run(), and
// the workbench reports the exit through `codeAutomationExit`. The suite writes a JSON report (every test's
// full title and state) to NEXI_TEST_REPORT; this module reads it back.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import type { TestReport } from '../testReport';
import { HarnessTools } from './setup';
import { startServer } from './vscodeServer';

export interface SuiteOptions {
  /** Compiled suite entry (its index.js exports run()). */
  readonly suite: string;
  /** Extension loaded as the Extension Development Host. */
  readonly extensionDevelopmentPath: string;
  /** Folder opened in the workbench (a scratch folder when omitted). */
  readonly workspace?: string;
  /** .vsix files installed into the harness VS Code before it starts. */
  readonly installExtensions?: readonly string[];
  readonly reportPath: string;
  readonly suiteName: string;
  readonly timeoutSeconds: number;
  readonly verbose?: boolean;
  /** Run with workspace trust on (the folder opens in Restricted Mode). */
  readonly workspaceTrust?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export type HarnessExit =
  | { readonly kind: 'completed'; readonly exitCode: number }
  | { readonly kind: 'timeout' | 'server-died' | 'page-crashed' | 'harness-error'; readonly message: string };

export interface SuiteResult {
  readonly exit: HarnessExit;
  readonly report?: TestReport;
  readonly scratch: string;
  readonly seconds: number;
}

// Workbench lines that are noise for a test reader; shown with --verbose only.
const workbenchFrame = /^\s*at .*\/out\/vs\/(code\/browser\/workbench\/workbench|workbench\/workbench\.web\.main)[^/]*\.js/;
const noise = [
  /^Ignoring fetching additional builtin extensions from gallery as it is disabled\.$/,
  /Extension '.*' wants API proposal/,
];

export async function runSuite(tools: HarnessTools, options: SuiteOptions): Promise<SuiteResult> {
  const started = Date.now();
  fs.rmSync(options.reportPath, { force: true });
  const workspaceScratch = options.workspace ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-workspace-'));
  const workspace = options.workspace ?? workspaceScratch!;
  const server = await startServer(tools, {
    env: { ...options.env, NEXI_TEST_REPORT: path.resolve(options.reportPath), NEXI_TEST_SUITE: options.suiteName },
    ...(options.installExtensions ? { installExtensions: options.installExtensions } : {}),
    verbose: !!options.verbose,
    workspaceTrust: !!options.workspaceTrust,
  });
  console.log(`[harness] scratch: ${server.scratch}`);
  console.log(`[harness] code-server ready on ${server.origin} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  // playwright-core is a pure-JS driver; it never downloads a browser here (executablePath is Debian's Chromium).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  let browser: import('playwright-core').Browser | undefined;
  let settle!: (exit: HarnessExit) => void;
  const exited = new Promise<HarnessExit>((resolve) => (settle = resolve));
  const timer = setTimeout(() => settle({ kind: 'timeout', message: `no result after ${options.timeoutSeconds} s` }), options.timeoutSeconds * 1000);
  server.process.once('exit', (code, signal) => settle({ kind: 'server-died', message: `code-server exited during the run (exit ${code ?? signal})` }));

  try {
    browser = await chromium.launch({
      executablePath: tools.chromium,
      headless: true,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(server.scratch, 'xdg-config') },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The workbench calls these when it runs extension tests (IAutomatedWindow): every log line at or above
    // the server's level (the extension host's console, i.e. mocha's reporter, included), then the exit code.
    await context.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      let text = util.format(...(Array.isArray(args) ? args : [args]));
      if (!options.verbose) {
        text = text.split('\n').filter((l) => !workbenchFrame.test(l) && !noise.some((n) => n.test(l))).join('\n');
        if (!text.trim()) return;
      }
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(text + '\n');
    });
    await context.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
      if (Array.isArray(code) && typeof logs === 'number') [code, logs] = [logs, code]; // older builds: (logs, code)
      settle({ kind: 'completed', exitCode: typeof code === 'number' ? code : 1 });
    });
    const page = await context.newPage();
    page.on('crash', () => settle({ kind: 'page-crashed', message: 'the workbench page crashed' }));
    page.on('pageerror', (err) => {
      if (options.verbose) console.error(`[page error] ${err}`);
    });
    await page.goto(server.workbenchUrl(workspace, { extensionDevelopmentPath: options.extensionDevelopmentPath, extensionTestsPath: options.suite }));
  } catch (err) {
    settle({ kind: 'harness-error', message: String((err as Error).stack ?? err) });
  }

  const exit = await exited;
  clearTimeout(timer);
  if (exit.kind !== 'completed' && !options.verbose) {
    process.stderr.write(`[harness] last code-server output:\n${server.output.join('').split('\n').slice(-40).join('\n')}\n`);
  }
  if (browser) await browser.close().catch(() => undefined);
  await server.stop();
  if (workspaceScratch) fs.rmSync(workspaceScratch, { recursive: true, force: true });

  let report: TestReport | undefined;
  try {
    report = JSON.parse(fs.readFileSync(options.reportPath, 'utf8')) as TestReport;
  } catch {
    report = undefined;
  }
  return { exit, ...(report ? { report } : {}), scratch: server.scratch, seconds: (Date.now() - started) / 1000 };
}
