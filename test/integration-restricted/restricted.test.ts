import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { app2appCommandIds } from '../../src/vscode/commands/app2app';
import { rsaKey } from '../fixtures/pki';
import { assertNoSecretsOutsideSecretStorage } from '../integration/credentialsUtil';
import { activateExtension, extensionId, run, waitFor } from '../integration/util';

describe('Restricted Mode (untrusted workspace, real VS Code)', function () {
  this.timeout(60000);

  it('runs in an untrusted workspace', async () => {
    await activateExtension();
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('makes every credentials command explain instead of running: no prompt, no question, nothing stored', async () => {
    const { api } = await activateExtension();
    // The App2App editor commands (decode, build, copy, adb), the POS response simulator, the test scenarios and the
    // result documents' Copy as JSON / Open Source need neither credentials nor the network: they work in Restricted
    // Mode (see editor.test.ts and simulate.test.ts).
    const editorCommands = new Set<string>([...Object.values(app2appCommandIds), 'nexi.simulatePosResponse', 'nexi.scenarios.show', 'nexi.results.copyJson', 'nexi.results.openSource']);
    const contributed = (vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).filter((id) => id !== 'nexi.showLog' && !editorCommands.has(id));
    assert.ok(contributed.length >= 10);
    const file = path.join(os.tmpdir(), 'nexi-restricted.pem');
    fs.writeFileSync(file, rsaKey().pem);
    for (const id of contributed) {
      const outcome = await run(id, vscode.Uri.file(file), { environment: 'stg', field: 'clientSecret' });
      assert.equal(outcome?.code, 'RESTRICTED_MODE', id);
      assert.match(outcome.message!, /off in Restricted Mode/);
      assert.equal(api.ui.prompts.current, undefined, `${id} opened no prompt`);
      assert.equal(api.ui.confirmations.asked.length, 0, `${id} asked nothing`);
    }
    fs.rmSync(file);
    for (const field of ['clientSecret', 'privateKey', 'pkcs12', 'privateKeyPassphrase']) assert.equal(await api.secrets.get(`nexi.stg.${field}`), undefined);
    assertNoSecretsOutsideSecretStorage(api, []);
  });

  it('shows no credentials in the view (its welcome content explains Restricted Mode)', async () => {
    const { api } = await activateExtension();
    // Even with something stored (from a trusted session), an untrusted workspace does not see it.
    await api.store.apply('stg', { clientId: 'stored-while-trusted' });
    await vscode.commands.executeCommand('nexi.credentials.focus');
    await waitFor('the Credentials view to become visible', () => api.credentials.view.visible);
    assert.deepEqual(await api.credentials.provider.getChildren(), []);
    const welcome = (vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.viewsWelcome as { when?: string; contents: string }[]).find((w) => w.when === '!isWorkspaceTrusted');
    assert.match(welcome!.contents, /off in Restricted Mode/);
    await api.store.clear('stg');
  });

  it('ignores the workspace\'s attempt to redirect credentials (machine-scoped, restricted endpoint settings)', async () => {
    const { api } = await activateExtension();
    const workspaceSettings = fs.readFileSync(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.vscode', 'settings.json'), 'utf8');
    assert.match(workspaceSettings, /credential-harvester/, 'the fixture does try');
    const envs = api.environments.all();
    assert.deepEqual(envs.map((e) => e.id), ['stg', 'prod', 'sandbox'], 'no environment from the workspace');
    assert.equal(envs[0]!.endpoints!.baseUrl, 'https://stgb2bsoftpos.nexigroup.com');
    assert.equal(envs[0]!.endpoints!.checkTransactionUrl, 'https://stgb2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction');
    assert.equal(envs[1]!.endpoints!.baseUrl, 'https://b2bsoftpos.nexigroup.com');
    assert.ok(!JSON.stringify(envs).includes('credential-harvester'));
  });

  it('keeps the status bar, with a note that credentials are off', async () => {
    const { api } = await activateExtension();
    assert.equal(api.statusBar.text, '$(key) Nexi: STG');
    assert.match((api.statusBar.tooltip as vscode.MarkdownString).value, /off in Restricted Mode/);
  });

  it('still runs what needs no credentials (Show Log) and still flags private keys in files', async () => {
    const { api } = await activateExtension();
    assert.equal(await run('nexi.showLog'), undefined);
    const leak = path.join(os.tmpdir(), 'nexi-restricted-leak.txt');
    fs.writeFileSync(leak, rsaKey().pem);
    const doc = await vscode.workspace.openTextDocument(leak);
    await api.secretLinter.lint(doc);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).map((d) => d.code), ['NEXI-SEC001']);
    fs.rmSync(leak);
  });
});
