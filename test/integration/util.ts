import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';

export const extensionId = 'app2app-toolkit.nexi-app2app-toolkit';

export async function activateExtension(): Promise<{ extension: vscode.Extension<TestApi | undefined>; api: TestApi }> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(extensionId);
  assert.ok(extension, `${extensionId} is loaded`);
  const api = await extension.activate();
  assert.ok(api, 'activate() returns the test API in test mode');
  return { extension, api };
}

/** Polls `probe` until it returns a truthy value, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
