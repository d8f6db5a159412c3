import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { CommandOutcome } from '../../src/vscode/commands';

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

/** Runs one of our commands the way a keybinding or a link would; resolves to the outcome it returns. */
/**
 * Every CodeLens of a document with its command, as VS Code shows them: the provider makes commands only when a
 * lens is resolved, and `vscode.executeCodeLensProvider` resolves as many as it is asked to.
 */
export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10_000)) ?? [];
}

export function run<T = CommandOutcome>(id: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(id, ...args);
}

/** Teardown of suites that started the local sandbox: stop it, forget its credentials, make STG active again. */
export async function stopLocalSandbox(api: TestApi): Promise<void> {
  await run('nexi.sandbox.stop');
  await api.store.clear('sandbox');
  await api.environments.setActive('stg');
}
