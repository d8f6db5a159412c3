// Translations in the real VS Code (display language English here): the installed extension ships its English and
// Italian strings — package.nls*.json for the contributions, l10n/bundle.l10n*.json for `vscode.l10n.t` — Italian
// is complete, VS Code resolved the manifest's %keys%, and what the extension shows is the English text.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateExtension, run } from './util';

type Strings = Record<string, string>;

const placeholders = (text: string): string => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort().join(',');

describe('l10n: English and Italian strings (real VS Code)', function () {
  this.timeout(30000);
  let extension: vscode.Extension<unknown>;
  let api: Awaited<ReturnType<typeof activateExtension>>['api'];
  const files: Record<string, unknown> = {};

  /** A file of the installed extension, read through VS Code's file system API. */
  const read = async <T>(relative: string): Promise<T> => {
    if (!(relative in files)) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, relative));
      files[relative] = JSON.parse(new TextDecoder().decode(bytes)) as T;
    }
    return files[relative] as T;
  };

  before(async () => {
    ({ extension, api } = await activateExtension());
  });

  it('runs in English, and package.json points VS Code at the l10n bundle directory', async () => {
    assert.equal(vscode.env.language, 'en');
    assert.equal((extension.packageJSON as { l10n?: string }).l10n, './l10n');
    const raw = await read<{ l10n: string; contributes: { commands: Array<{ command: string; title: string }> } }>('package.json');
    assert.equal(raw.l10n, './l10n');
    // On disk the title is a %key%; VS Code replaced it with the English text of package.nls.json.
    const nls = await read<Strings>('package.nls.json');
    const onDisk = raw.contributes.commands.find((c) => c.command === 'nexi.checkTransaction')!.title;
    assert.equal(onDisk, '%command.checkTransaction.title%');
    const resolved = (extension.packageJSON as typeof raw).contributes.commands.find((c) => c.command === 'nexi.checkTransaction')!.title;
    assert.equal(resolved, nls['command.checkTransaction.title']);
    assert.equal(resolved, 'Check Transaction…');
  });

  it('ships package.nls.it.json with every key of package.nls.json, translated, with the same placeholders', async () => {
    const en = await read<Strings>('package.nls.json');
    const it = await read<Strings>('package.nls.it.json');
    assert.ok(Object.keys(en).length > 50);
    assert.deepEqual(Object.keys(it).sort(), Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      assert.ok(it[key]?.trim(), `${key} has an Italian text`);
      assert.equal(placeholders(it[key]!), placeholders(text), `${key}: placeholders`);
    }
    assert.equal(it['command.checkTransaction.title'], 'Verifica transazione…');
  });

  it('ships l10n/bundle.l10n.it.json with every message of l10n/bundle.l10n.json, translated, with the same placeholders', async () => {
    const en = await read<Strings>('l10n/bundle.l10n.json');
    const it = await read<Strings>('l10n/bundle.l10n.it.json');
    assert.ok(Object.keys(en).length > 100);
    // The Italian bundle also holds the core's messages (issue #19: one bundle for the core, the CLI and the
    // adapters); that they are exactly the sources' is the unit test l10nBundles' job.
    assert.deepEqual(Object.keys(en).filter((key) => !(key in it)), []);
    for (const key of Object.keys(en)) {
      assert.ok(it[key]?.trim(), `${JSON.stringify(key)} has an Italian text`);
      assert.equal(placeholders(it[key]!), placeholders(key), `${JSON.stringify(key)}: placeholders`);
    }
  });

  it('ships the Italian walkthrough pages the Italian manifest names', async () => {
    const it = await read<Strings>('package.nls.it.json');
    const media = Object.entries(it).filter(([key]) => key.endsWith('.media'));
    assert.equal(media.length, 6);
    for (const [, file] of media) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, file)));
      assert.match(text, /^# \S/, `${file} starts with a heading`);
    }
  });

  it('vscode.l10n.t returns the English message (with its arguments) in an English VS Code', async () => {
    const en = await read<Strings>('l10n/bundle.l10n.json');
    assert.ok('Check transaction' in en && 'Nexi credentials: {0}' in en);
    assert.equal(vscode.l10n.t('Check transaction'), 'Check transaction');
    assert.equal(vscode.l10n.t('Nexi credentials: {0}', 'x'), 'Nexi credentials: x');
  });

  it("the extension's own strings are the English ones: status bar, messages, and the core's explanations", async () => {
    const en = await read<Strings>('l10n/bundle.l10n.json');
    assert.ok('Nexi Environment' in en);
    assert.equal(api.statusBar.name, 'Nexi Environment');
    const tooltip = api.statusBar.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /\*\*Nexi environment: \w+\*\*/);
    // A command's message, made with vscode.l10n.t from a message with two placeholders.
    const outcome = await run('nexi.copyUriAs', { text: 'no URI in here' });
    assert.equal(outcome.message, 'No App2App URI found in the given text: put the cursor on one, or select it.');
    // The core locale follows VS Code's display language: English explanations.
    const decoded = await run<{ ok: boolean; document: string }>('nexi.decodeUri', { text: 'pizzapay://payment?result=0&amount=480&callerTrxId=PP-1' });
    assert.ok(decoded.ok);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(decoded.document));
    assert.match(document.getText(), /Decoded by the Nexi App2App Toolkit \(the given text\)\. Card numbers are masked\./);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
