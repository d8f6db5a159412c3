// `npm start` is the product: this starts it the same way (startProduct), opens the printed URL in Chromium as a
// person would, and checks that the extension is installed and running and that its notifications pop up as
// toasts (the test harness's smoke-test driver suppresses them; npm start must not).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './product';
import { ensureHarness } from './setup';
import { vscodeLogFiles } from './vscodeLogs';

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** The extension's own log file on the server: <user data>/logs/<session>/exthost<n>/<extension id>/Nexi App2App.log. */
function extensionLog(userData: string): string {
  return vscodeLogFiles(userData, (name) => name === 'Nexi App2App.log')
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

async function waitForLog(userData: string, line: RegExp, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!line.test(extensionLog(userData))) {
    if (Date.now() > until) throw new Error(`the extension never logged ${String(line)} in ${timeoutMs / 1000} s; its log:\n${extensionLog(userData)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('npm start (the product in the browser)', function () {
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  let userData: string | undefined;

  after(async () => {
    await browser?.close().catch(() => undefined);
    await product?.server.stop();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  it('loads the extension as installed, not as a development host, and shows its notifications as toasts', async () => {
    const tools = ensureHarness();
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-product-'));
    product = await startProduct(tools, { userDataDir: userData });
    assert.doesNotMatch(product.url, /payload=/, 'no extension-development payload in the URL a person opens');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({
      executablePath: tools.chromium,
      headless: true,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(product.server.scratch, 'xdg-config') },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(product.url);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
    // The extension runs: the sandbox auto-starts with it and the status bar names the active environment.
    await page.locator('.statusbar-item', { hasText: 'Nexi' }).first().waitFor({ state: 'visible', timeout: 120_000 });
    assert.doesNotMatch(await page.title(), /Extension Development Host/);
    // With no editor and nothing on the clipboard the command warns; the warning must pop up as a toast.
    await runCommand(page, 'Nexi: Copy URI as adb Command');
    const toast = page.locator('.notification-toast', { hasText: 'No App2App URI found' });
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await toast.count(), 1);
  });

  it('ticks the walkthrough step the user has done by other means (the sandbox auto-started), even opened afterwards', async () => {
    assert.ok(browser && product && userData, 'the product is running (previous test)');
    const page = browser.contexts()[0]!.pages()[0]!;
    // The milestone is the sandbox running: wait for the extension to say so (its log, on the server), so that a
    // sandbox slow to start on a loaded machine is not read as a walkthrough that missed it.
    await waitForLog(userData, /Local sandbox listening on/, 120_000);
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page.keyboard.type('Get started with Nexi App2App');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Nexi App2App' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    // Only the steps on screen: a walkthrough VS Code opened by itself in another tab keeps its own, hidden, copies.
    const step = (title: string) => page.locator('.getting-started-step:visible', { hasText: title }).first().locator('.codicon').first();
    try {
      await step('Try it against the local sandbox').waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('.getting-started-step:visible', { hasText: 'Try it against the local sandbox' }).locator('.codicon-getting-started-step-checked').first().waitFor({ state: 'visible', timeout: 30_000 });
    } catch (err) {
      // What the page showed and what the extension logged, for a failure seen only on another machine.
      const shot = path.join(__dirname, '..', '..', 'test-results', 'product-walkthrough.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${(err as Error).message}\nscreenshot: ${shot}\nextension log:\n${extensionLog(userData)}`);
    }
    assert.match((await step('Reconcile a whole log').getAttribute('class')) ?? '', /step-unchecked/, 'a step not done stays unticked');
  });
});
