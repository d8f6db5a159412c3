import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateExtension, extensionId, waitFor } from './util';

describe('foundation (real VS Code)', () => {
  it('runs in a real VS Code extension host and activates the extension', async () => {
    const { extension } = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    console.log(`    VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI), extension host on Node ${process.version}`);
  });

  it('contributes every command under the "Nexi" category, and registers each one', async () => {
    await activateExtension();
    const contributed = (vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.commands as { command: string; category: string }[]);
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of contributed) {
      assert.equal(c.category, 'Nexi', `${c.command} category`);
      assert.ok(registered.has(c.command), `${c.command} is registered`);
    }
  });

  it('"Nexi: Show Log" opens the "Nexi App2App" log channel', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('nexi.showLog');
    // An output channel shown in the panel is an open text document with the `output` scheme.
    const doc = await waitFor('the Nexi App2App output document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && decodeURIComponent(d.uri.toString()).includes('Nexi App2App')),
    );
    const version = String(vscode.extensions.getExtension(extensionId)!.packageJSON.version);
    const text = await waitFor('the start line in the log', () => (doc.getText().includes(`Nexi App2App Toolkit ${version} started`) ? doc.getText() : undefined));
    assert.match(text, /\[info\] Nexi App2App Toolkit \d+\.\d+\.\d+ started/);
  });

  it('shows the Credentials view, empty so that its welcome content explains where credentials live', async () => {
    const { api } = await activateExtension();
    await vscode.commands.executeCommand('nexi.credentials.focus');
    await waitFor('the Credentials view to become visible', () => api.credentials.view.visible);
    assert.deepEqual(await api.credentials.provider.getChildren(), []);
    const welcome = (vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.viewsWelcome as { view: string; contents: string; when?: string }[]).filter((w) => w.view === 'nexi.credentials');
    assert.deepEqual(welcome.map((w) => w.when), ['isWorkspaceTrusted', '!isWorkspaceTrusted'], 'one welcome for "nothing stored yet", one for Restricted Mode');
    assert.match(welcome[0]!.contents, /SecretStorage/);
    assert.match(welcome[1]!.contents, /Restricted Mode/);
    // Every command link in the welcome content must point at a command that exists.
    const registered = new Set(await vscode.commands.getCommands(true));
    const links = welcome.flatMap((w) => [...w.contents.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!));
    assert.ok(links.length >= 4);
    for (const id of links) assert.ok(registered.has(id), `welcome link command ${id} exists`);
  });
});
