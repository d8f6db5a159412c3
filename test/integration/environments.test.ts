import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { CommandOutcome } from '../../src/vscode/commands';
import { removeChoice } from '../../src/vscode/commands/credentials';
import { markerKey, markerWrittenKey } from '../../src/vscode/keyring';
import { sendForSession, sendOnce } from '../../src/vscode/prodGuard';
import { certificate, rsaKey } from '../fixtures/pki';
import { answerInput, assertNoSecretsOutsideSecretStorage, closeInput, envNode, fieldItems, describeItem, pickItem, resetCredentials, scratchDir, settingsFiles, writeFile } from './credentialsUtil';
import { activateExtension, extensionId, run, waitFor } from './util';

describe('environments, status bar, PROD guard, secret linter (real VS Code)', function () {
  this.timeout(60000);
  let api: TestApi;
  let dir: string;

  before(async () => {
    ({ api } = await activateExtension());
    dir = scratchDir();
  });

  // Nothing stored, no environment of one's own, STG active before each test: the suite passes in any order
  // (issue 19; NEXI_TEST_SHUFFLE).
  beforeEach(async () => {
    await resetCredentials(api);
  });

  after(async () => {
    await resetCredentials(api);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await closeInput();
    assertNoSecretsOutsideSecretStorage(api, ['Zq8-uat-SECRET-1234', 'Zq8-linted-SECRET-9876']);
  });

  it('shows the active environment in the status bar; PROD in the warning colour; clicking switches', async () => {
    assert.equal(api.statusBar.text, '$(key) Nexi: STG');
    assert.equal(api.statusBar.backgroundColor, undefined);
    assert.equal((api.statusBar.command as string | undefined) ?? '', 'nexi.environment.select');

    const pending = vscode.commands.executeCommand<CommandOutcome>(api.statusBar.command as string);
    await pickItem(api, 'PROD');
    assert.equal((await pending).ok, true);
    assert.equal(api.statusBar.text, '$(warning) Nexi: PROD');
    assert.deepEqual(api.statusBar.backgroundColor, new vscode.ThemeColor('statusBarItem.warningBackground'));
    assert.equal(api.environments.active().id, 'prod');

    assert.equal((await run('nexi.environment.select', 'sandbox')).ok, true);
    assert.equal(api.statusBar.text, '$(key) Nexi: Sandbox');
    assert.equal(api.statusBar.backgroundColor, undefined);
    await run('nexi.environment.select', 'stg');
  });

  it('resolves STG and PROD to the documented URLs (spec §14.1), and models the Sandbox as local, without endpoints until it runs', () => {
    const [stg, prod, sandbox] = api.environments.all();
    assert.deepEqual(stg!.endpoints, { baseUrl: 'https://stgb2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://stgb2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction' });
    assert.deepEqual(prod!.endpoints, { baseUrl: 'https://b2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://b2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction' });
    assert.equal(sandbox!.kind, 'sandbox');
    assert.equal(sandbox!.endpoints, undefined);
    api.environments.setSandboxEndpoints({ baseUrl: 'http://127.0.0.1:47011', checkTransactionUrl: 'http://127.0.0.1:47011/mpos-core/app/checkTransaction' });
    assert.equal(api.environments.get('sandbox')!.endpoints!.baseUrl, 'http://127.0.0.1:47011');
    api.environments.setSandboxEndpoints(undefined);
    assert.equal(api.environments.get('sandbox')!.endpoints, undefined);
  });

  it('declares the endpoint settings machine-scoped and restricted in untrusted workspaces', () => {
    const pkg = vscode.extensions.getExtension(extensionId)!.packageJSON as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
      capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
    };
    const endpointKeys = Object.keys(pkg.contributes.configuration.properties).filter((k) => k.startsWith('nexi.endpoints.'));
    assert.ok(endpointKeys.length >= 5);
    for (const k of endpointKeys) assert.equal(pkg.contributes.configuration.properties[k]!.scope, 'machine', k);
    assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), [...endpointKeys].sort());
  });

  it('adds a user-defined environment through the command (user settings, never a secret), sets its secret, then removes it', async () => {
    const pending = run('nexi.environment.add');
    await answerInput(api, 'uat');
    await answerInput(api, 'UAT');
    await answerInput(api, 'https://uat-b2b.example.com');
    await answerInput(api, 'https://uat-b2b.example.com/mpos-core/app/checkTransaction');
    const outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
    const uat = api.environments.get('uat');
    assert.deepEqual(uat?.endpoints, { baseUrl: 'https://uat-b2b.example.com', checkTransactionUrl: 'https://uat-b2b.example.com/mpos-core/app/checkTransaction' });
    assert.ok(settingsFiles().some((f) => fs.readFileSync(f, 'utf8').includes('uat-b2b.example.com')), 'written to a user settings file');
    // A defined environment of one's own shows the tree even before it holds anything.
    assert.equal((await envNode(api, 'uat')).assessment.configured, false);

    const setSecret = run('nexi.credentials.set', { environment: 'uat', field: 'clientSecret' });
    await answerInput(api, 'Zq8-uat-SECRET-1234');
    assert.equal((await setSecret).ok, true);
    assert.equal(await api.secrets.get('nexi.uat.clientSecret'), 'Zq8-uat-SECRET-1234');

    // Asked which to remove, only one's own environments are offered (not the built-in ones, to be refused).
    const asked = run('nexi.environment.remove');
    const pick = await waitFor('the environment question', async () => api.ui.prompts.current as vscode.QuickPick<vscode.QuickPickItem> | undefined);
    assert.deepEqual(pick.items.map((i) => i.label), ['UAT']);
    await closeInput();
    assert.equal((await asked).ok, false);

    api.ui.confirmations.answerNext(removeChoice);
    assert.equal((await run('nexi.environment.remove', 'uat')).ok, true);
    assert.equal(api.environments.get('uat'), undefined);
    assert.equal(await api.secrets.get('nexi.uat.clientSecret'), undefined, 'its secrets are deleted with it');
    assert.equal((await run('nexi.environment.remove', 'stg')).code, 'BUILT_IN_ENVIRONMENT', 'built-in environments stay');
    // None of one's own left: said at once, with what to do instead.
    const none = await run('nexi.environment.remove');
    assert.equal(none.code, 'BUILT_IN_ENVIRONMENT');
    assert.match(String(none.message), /You have added no environment to remove\./);
    assert.equal((await run('nexi.credentials.set', { environment: 'nope', field: 'clientId' })).code, 'UNKNOWN_ENVIRONMENT');
  });

  it('PROD guard: asks (modal) before every PROD call unless opted out for the session; never for STG', async () => {
    const stg = api.environments.get('stg')!;
    const prod = api.environments.get('prod')!;
    api.ui.confirmations.reset();
    assert.equal(await api.prodGuard.allow(stg, 'checkTransaction'), true);
    assert.equal(api.ui.confirmations.asked.length, 0, 'STG is never asked about');

    assert.equal(await api.prodGuard.allow(prod, 'checkTransaction for terminal 12345678'), false, 'cancelled → no call');
    assert.match(api.ui.confirmations.asked.at(-1)!.message, /Send checkTransaction for terminal 12345678 to PROD/);
    assert.deepEqual(api.ui.confirmations.asked.at(-1)!.choices, [sendOnce, sendForSession]);

    api.ui.confirmations.answerNext(sendOnce);
    assert.equal(await api.prodGuard.allow(prod, 'checkTransaction'), true);
    assert.equal(await api.prodGuard.allow(prod, 'checkTransaction'), false, 'asked again: "Send" is for one call');

    api.ui.confirmations.answerNext(sendForSession);
    assert.equal(await api.prodGuard.allow(prod, 'checkTransaction'), true);
    const asked = api.ui.confirmations.asked.length;
    assert.equal(await api.prodGuard.allow(prod, 'checkTransaction'), true);
    assert.equal(api.ui.confirmations.asked.length, asked, 'opted out for the session: not asked');

    assert.equal((await run('nexi.prodGuard.reset')).ok, true);
    assert.equal(await api.prodGuard.allow(prod, 'checkTransaction'), false, 'asks again after "Ask Again Before Every Call to PROD"');
  });

  it('secret linter: warns about a PEM private key or a configured client secret in a file git would commit, not in git-ignored files', async () => {
    const secret = 'Zq8-linted-SECRET-9876';
    await api.store.apply('stg', { clientSecret: secret });
    const key = rsaKey().pem;
    // A file outside any repository counts as "would be committed".
    const leak = path.join(dir, 'leak.env');
    fs.writeFileSync(leak, `NEXI_CLIENT_SECRET=${secret}\nKEY="${key.replace(/\n/g, '\\n')}"\n`);
    const doc = await vscode.workspace.openTextDocument(leak);
    const diagnostics = await waitFor('secret diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length === 2 ? d : undefined;
    });
    assert.deepEqual(diagnostics.map((d) => d.code), ['NEXI-SEC002', 'NEXI-SEC001']);
    assert.equal(doc.getText(diagnostics[0]!.range), secret);
    assert.match(diagnostics[0]!.message, /client secret of STG/);
    for (const d of diagnostics) assert.ok(!d.message.includes(secret) && !d.message.includes('MII'));

    // The same content in a git-ignored file of a repository: no warning.
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    fs.writeFileSync(path.join(repo, '.gitignore'), '*.env\n');
    const ignored = path.join(repo, 'local.env');
    fs.writeFileSync(ignored, fs.readFileSync(leak));
    const ignoredDoc = await vscode.workspace.openTextDocument(ignored);
    await api.secretLinter.lint(ignoredDoc);
    assert.deepEqual(vscode.languages.getDiagnostics(ignoredDoc.uri), []);
    // …and one that is not ignored in the same repository is warned about.
    const tracked = path.join(repo, 'config.txt');
    fs.writeFileSync(tracked, `secret: ${secret}\n`);
    const trackedDoc = await vscode.workspace.openTextDocument(tracked);
    await waitFor('the tracked file diagnostic', () => vscode.languages.getDiagnostics(trackedDoc.uri).length === 1);

    // Clearing the secret clears the warning about it.
    await api.store.apply('stg', { clientSecret: undefined });
    await waitFor('the client secret diagnostic to go away', () => vscode.languages.getDiagnostics(trackedDoc.uri).length === 0);
  });

  it('warns once when SecretStorage is weak (here: a marker secret from an earlier session is gone)', async () => {
    // The real probe in this VS Code (web UI): nothing to judge about OS keyrings; the marker exists.
    const real = await api.keyring.run();
    assert.deepEqual(real.verdict, { weak: false, reason: 'not-applicable' });
    assert.ok(await api.secrets.get(markerKey));
    assert.equal(api.globalState.get(markerWrittenKey), true);

    // Simulate a restart after which SecretStorage lost everything: the marker is missing although it was written.
    await api.secrets.delete(markerKey);
    const first = await api.keyring.run();
    assert.equal(first.verdict.weak && first.verdict.reason, 'secrets-not-persisted');
    assert.equal(first.warned, true);
    assert.match(api.ui.notifications.shown.at(-1)!.message, /SecretStorage is not persisted/);
    const second = await api.keyring.run({ markerLost: true });
    assert.equal(second.warned, false, 'warned once only');

    const argv = await api.keyring.run({ platform: 'linux', uiKind: 'desktop', remoteName: undefined, markerLost: false, argvJson: '{ "password-store": "basic" }' });
    assert.equal(argv.verdict.weak && argv.verdict.reason, 'argv-basic');
    assert.equal(argv.warned, true, 'another weakness is another warning');
  });

  it('offers "Import…" on certificate and key files in the explorer', () => {
    const menus = (vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.menus as Record<string, { command: string; when: string }[]>)['explorer/context']!;
    const entry = menus.find((m) => m.command === 'nexi.credentials.importFile');
    assert.ok(entry);
    const regex = /resourceExtname =~ \/(.*)\/i/.exec(entry.when)!;
    const ext = new RegExp(regex[1]!, 'i');
    for (const e of ['.pem', '.key', '.p12', '.pfx', '.p7b', '.crt', '.CER']) assert.ok(ext.test(e), e);
    assert.ok(!ext.test('.txt'));
    assert.match(entry.when, /isWorkspaceTrusted/);
  });

  it('keeps the tree in step: a stored value makes the environments appear, each field with its state', async () => {
    await api.store.apply('sandbox', { clientId: 'sandbox-app' });
    const roots = await api.credentials.provider.getChildren();
    assert.deepEqual(roots.map((r) => (r.kind === 'environment' ? r.environment.id : r.kind)), ['stg', 'prod', 'sandbox']);
    const sandbox = api.credentials.provider.getTreeItem(roots[2]!);
    assert.match(String(sandbox.description), /local simulator · not running/);
    const prod = api.credentials.provider.getTreeItem(roots[1]!);
    assert.match(String(prod.description), /production · nothing stored/);
    assert.match(describeItem((await fieldItems(api, 'sandbox')).get('clientId')), /sandbox-app \| field field-clientId state-set/);
  });

  it('imports every file selected in the explorer (certificate and key together)', async () => {
    const key = rsaKey();
    const certFile = writeFile(dir, 'SandboxApp.pem', certificate(key, { commonName: 'SandboxApp' }));
    const keyFile = writeFile(dir, 'SandboxApp.key', key.pem);
    // The explorer passes the clicked file, then the whole selection.
    const pending = run('nexi.credentials.importFile', keyFile, [certFile, keyFile]);
    await pickItem(api, 'Sandbox');
    const outcome = await pending;
    assert.equal(outcome.ok, true, outcome.message);
    const items = await fieldItems(api, 'sandbox');
    assert.match(describeItem(items.get('certificate')), /SandboxApp, expires .*state-set/);
    assert.match(describeItem(items.get('privateKey')), /RSA 2048, stored in SecretStorage \| .*state-set/);
    assertNoSecretsOutsideSecretStorage(api, [key.pem.split('\n')[1]!]);
  });
});
