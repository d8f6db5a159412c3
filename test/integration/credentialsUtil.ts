// Helpers for the credentials suites: drive the real quick input, read the settings files the workbench wrote, and
// prove that no secret landed anywhere but SecretStorage.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { CredentialsNode } from '../../src/vscode/views/credentialsView';
import { waitFor } from './util';

/** Waits for the extension's open input box, types `value` into it and accepts it with the real workbench command. */
export async function answerInput(api: TestApi, value: string): Promise<vscode.InputBox> {
  const input = await waitFor('an input box', () => {
    const c = api.ui.prompts.current;
    return c && 'password' in c ? c : undefined;
  });
  input.value = value;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return input;
}

/** Waits for the extension's open quick pick and accepts the item labelled `label`. */
export async function pickItem(api: TestApi, label: string): Promise<void> {
  const pick = await waitFor('a quick pick', () => {
    const c = api.ui.prompts.current;
    return c && 'items' in c && c.items.length > 0 ? c : undefined;
  });
  const item = pick.items.find((i) => i.label === label);
  assert.ok(item, `quick pick item "${label}" among ${pick.items.map((i) => i.label).join(', ')}`);
  // Filter down to the item (as a user typing would) and make it the active one. The extension host sends quick
  // input updates to the workbench on a zero-delay timer, so give them a moment before accepting.
  pick.value = label;
  pick.activeItems = [item];
  await new Promise((r) => setTimeout(r, 100));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Closes whatever quick input is open (Escape). */
export async function closeInput(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}

export async function waitForValidation(input: vscode.InputBox, pattern: RegExp): Promise<string> {
  return waitFor(`validation message ${pattern}`, () => (input.validationMessage && pattern.test(String(input.validationMessage)) ? String(input.validationMessage) : undefined));
}

/** Every settings.json the workbench may have written (user, machine, profiles) plus the workspace's. */
export function settingsFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 4 || !fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !['extensions', 'logs', 'CachedData', 'workspaceStorage', 'globalStorage', 'History'].includes(e.name)) walk(p, depth + 1);
      else if (e.isFile() && e.name === 'settings.json') files.push(p);
    }
  };
  const userData = process.env.NEXI_TEST_USER_DATA_DIR;
  assert.ok(userData, 'the harness passes NEXI_TEST_USER_DATA_DIR');
  walk(userData, 0);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const ws = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    if (fs.existsSync(ws)) files.push(ws);
  }
  assert.ok(files.some((f) => f.startsWith(userData)), 'the user settings file exists');
  return files;
}

/**
 * Asserts that no settings file and no globalState value contains any of `secrets`, nor any PEM private key.
 * Secrets belong in SecretStorage only.
 */
export function assertNoSecretsOutsideSecretStorage(api: TestApi, secrets: readonly string[]): void {
  const places: [string, string][] = settingsFiles().map((f) => [f, fs.readFileSync(f, 'utf8')]);
  for (const key of api.globalState.keys()) places.push([`globalState ${key}`, JSON.stringify(api.globalState.get(key))]);
  for (const [where, text] of places) {
    assert.doesNotMatch(text, /PRIVATE KEY/, `${where} holds a private key`);
    for (const s of secrets) assert.ok(!text.includes(s), `${where} holds a secret (${s.length} characters)`);
  }
}

export async function envNode(api: TestApi, id: string): Promise<Extract<CredentialsNode, { kind: 'environment' }>> {
  const roots = await api.credentials.provider.getChildren();
  const node = roots.find((n) => n.kind === 'environment' && n.environment.id === id);
  assert.ok(node && node.kind === 'environment', `environment ${id} in the tree (roots: ${roots.map((r) => (r.kind === 'environment' ? r.environment.id : r.kind)).join(', ') || 'none'})`);
  return node;
}

/** The tree items of an environment's fields (groups flattened), as VS Code would render them. */
export async function fieldItems(api: TestApi, id: string): Promise<Map<string, vscode.TreeItem>> {
  const provider = api.credentials.provider;
  const out = new Map<string, vscode.TreeItem>();
  const visit = async (node: CredentialsNode): Promise<void> => {
    if (node.kind === 'field') out.set(node.status.field, provider.getTreeItem(node));
    for (const child of await provider.getChildren(node)) await visit(child);
  };
  await visit(await envNode(api, id));
  return out;
}

export function describeItem(item: vscode.TreeItem | undefined): string {
  assert.ok(item, 'tree item exists');
  // Markdown text of the tooltip, unescaped (appendText escapes spaces and punctuation).
  const tooltip = (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '')).replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
  return `${String(item.label)} | ${String(item.description)} | ${item.contextValue} | ${tooltip}`;
}

/** Empties every environment, removes user-defined ones, makes STG active and forgets queued answers. */
export async function resetCredentials(api: TestApi): Promise<void> {
  await api.environments.writeCustom([]);
  for (const env of api.environments.all()) await api.store.clear(env.id);
  await api.environments.setActive('stg');
  api.prodGuard.resetOptOut();
  api.ui.confirmations.reset();
  await closeInput();
}

/** A scratch directory for generated key and certificate files (deleted by the caller). */
export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-credentials-'));
}

export function writeFile(dir: string, name: string, content: string | Buffer): vscode.Uri {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}
