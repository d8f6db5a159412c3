// Restricted Mode keeps the App2App editor features: decoding, hovers, diagnostics and the builder work in an
// untrusted workspace; only what needs credentials ("Check transaction", configured terminal IDs) is off.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { CommandOutcome } from '../../src/vscode/commands';
import { app2appCommandIds } from '../../src/vscode/commands/app2app';
import { activateExtension, waitFor } from '../integration/util';

describe('App2App editor features in Restricted Mode (real VS Code)', function () {
  this.timeout(60000);

  it('decodes, hovers and diagnoses URIs; the builder opens; no credential-based offers', async () => {
    const { api } = await activateExtension();
    assert.equal(vscode.workspace.isTrusted, false);
    const document = await vscode.workspace.openTextDocument({ language: 'log', content: 'I/App: demonexi://payment?result=0&operationType=PAYMENT&callerTrxId=Q\nneximpos://payment?amount=1.50' });
    await vscode.window.showTextDocument(document);
    const decoded = await vscode.commands.executeCommand<CommandOutcome>(app2appCommandIds.decode, { uri: document.uri.toString(), line: 0, character: 7 });
    assert.equal(decoded.ok, true);
    const text = (await vscode.workspace.openTextDocument(vscode.Uri.parse(String(decoded.document)))).getText();
    assert.match(text, /^# Payment result — approved\n/);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 12))) ?? [];
    const head = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('')).find((t) => t.startsWith('**Payment result**'));
    assert.ok(head, 'the summary hover');
    assert.doesNotMatch(head, /Check transaction/);
    await waitFor('the amount diagnostic', () => vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'A2A004'));
    assert.deepEqual(await api.editor.services.credentials.terminalIds(), []);
    assert.equal(await api.editor.services.credentials.hasCredentials(), false);
    const build = vscode.commands.executeCommand<CommandOutcome>(app2appCommandIds.build);
    const pick = await waitFor('the builder', () => {
      const c = api.ui.prompts.current;
      return c && /^Build App2App URI: choose the operation$/.test(c.title ?? '') ? c : undefined;
    });
    assert.ok('items' in pick);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.deepEqual(await build, { ok: false, code: 'CANCELLED' });
  });
});
