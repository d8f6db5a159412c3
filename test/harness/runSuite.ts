// Runs one mocha suite inside a real VS Code: code-server serves the workbench, headless Chromium opens it
// with the extension-development + extension-tests payload, the extension host calls the suite's run(), and
// the workbench reports the exit through `codeAutomationExit`. The suite writes a JSON report (every test's
// full title and state) to NEXI_TEST_REPORT; this module reads it back.
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import type { TestReport } from '../testReport';
import { HarnessTools } from './setup';
import { pngToWebp } from './webp';
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
  /** VS Code's display language; a language pack for it must be among installExtensions. */
  readonly locale?: string;
  /**
   * Where the suite's screenshots go: the suite asks for one with `POST $NEXI_SCREENSHOT_URL?name=<name>` and the
   * harness answers once `<dir>/<name>.png` holds the page as it is (the workbench, pixel for pixel).
   */
  readonly screenshotDir?: string;
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
  // A non-English display language makes the workbench look its language pack up in the (absent) gallery.
  /^No extension gallery service configured\./,
];

/**
 * A loopback endpoint the suite (in the extension host) calls to have the page photographed; `page` is set once
 * the workbench page exists.
 */
async function screenshotEndpoint(dir: string): Promise<{ url: string; setPage(page: import('playwright-core').Page): void; close(): Promise<void> }> {
  let page: import('playwright-core').Page | undefined;
  fs.mkdirSync(dir, { recursive: true });
  const server = http.createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('name') ?? '';
    const answer = (status: number, body: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    };
    if (req.method !== 'POST' || !/^[a-z0-9-]+$/.test(name)) return answer(400, 'POST ?name=<lower-case-name>');
    if (!page) return answer(503, 'the workbench page is not open yet');
    const file = path.join(dir, `${name}.webp`);
    // CSS pixels (1280 wide) of a page rendered at twice the density: sharp text, sized for a README (≤ 1600 px);
    // WebP, which the README and the walkthrough (media/walkthrough/*.md) both show (issue 17 item 4: the .vsix size).
    const shown = page;
    shown
      .screenshot({ scale: 'css', animations: 'disabled', caret: 'initial' })
      // Encoded in a blank page of the same browser: the workbench's content security policy stays out of it.
      .then(async (png) => {
        const blank = await shown.context().newPage();
        try {
          return await pngToWebp(blank, png);
        } finally {
          await blank.close();
        }
      })
      .then((webp) => fs.writeFileSync(file, webp))
      .then(
        () => answer(200, file),
        (err: Error) => answer(500, err.message),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setPage: (p) => (page = p),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function runSuite(tools: HarnessTools, options: SuiteOptions): Promise<SuiteResult> {
  const started = Date.now();
  const shots = options.screenshotDir ? await screenshotEndpoint(path.resolve(options.screenshotDir)) : undefined;
  fs.rmSync(options.reportPath, { force: true });
  const workspaceScratch = options.workspace ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-workspace-'));
  const workspace = options.workspace ?? workspaceScratch!;
  const server = await startServer(tools, {
    env: { ...options.env, NEXI_TEST_REPORT: path.resolve(options.reportPath), NEXI_TEST_SUITE: options.suiteName, ...(shots ? { NEXI_SCREENSHOT_URL: shots.url } : {}) },
    ...(options.installExtensions ? { installExtensions: options.installExtensions } : {}),
    verbose: !!options.verbose,
    workspaceTrust: !!options.workspaceTrust,
    ...(options.locale ? { locale: options.locale } : {}),
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
    // Screenshots for the README are taken at twice the pixel density, so text stays sharp when scaled down.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: options.screenshotDir ? 2 : 1 });
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
    shots?.setPage(page);
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
  await shots?.close();
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
