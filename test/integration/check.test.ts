// checkTransaction from the editor against the local sandbox, in the real VS Code (issue 6).
import { strict as assert } from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { CommandOutcome } from '../../src/vscode/commands';
import { sendOnce } from '../../src/vscode/prodGuard';
import { assertNoSecretsOutsideSecretStorage, answerInput, closeInput, pickItem, waitForValidation } from './credentialsUtil';
import { isResultTab, markdownPreviewEditor } from '../../src/vscode/resultDocuments';
import { documentText } from './editorUtil';
import { activateExtension, codeLenses, run, stopLocalSandbox, waitFor } from './util';

const secret = 'sandbox-secret-not-for-production';

/** Line and character of the result URI for `callerTrxId` in samples/logcat.log. */
async function resultTarget(callerTrxId: string): Promise<{ uri: string; line: number; character: number }> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'logcat.log'));
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const at = text.indexOf('://payment?result=');
    if (at >= 0 && text.includes(`callerTrxId=${callerTrxId}&`)) return { uri: document.uri.toString(), line, character: at + 3 };
  }
  return assert.fail(`no result URI for ${callerTrxId} in logcat.log`);
}

describe('checkTransaction from the editor (real VS Code, local sandbox)', function () {
  this.timeout(60000);
  let api: TestApi;

  before(async () => {
    ({ api } = await activateExtension());
  });

  // Every test finds the sandbox running and active (one test stops it), and seeds the checks it reads, so the
  // suite passes in any order (issue 19; NEXI_TEST_SHUFFLE). Starting a running sandbox only makes it active.
  beforeEach(async () => {
    const started = await run('nexi.sandbox.start');
    assert.equal(started.ok, true, JSON.stringify(started));
  });

  const check = (callerTrxId: string): Thenable<CommandOutcome> => run('nexi.checkTransaction', { environmentId: 'sandbox', terminalId: '30350039', callerTrxId });

  after(async () => {
    api.ui.confirmations.reset();
    await api.environments.writeCustom([]);
    await stopLocalSandbox(api);
  });

  it('starts the sandbox once nexi.sandbox.autoStart is turned on after activation (in a browser, user settings can arrive late)', async () => {
    await run('nexi.sandbox.stop');
    await api.environments.setActive('stg');
    assert.equal(api.b2b.services.sandbox.running, undefined);
    const config = vscode.workspace.getConfiguration('nexi');
    await config.update('sandbox.autoStart', true, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the sandbox to auto-start and become active', () => api.environments.active().id === 'sandbox' && api.b2b.services.sandbox.running !== undefined, 60_000);
      assert.equal(api.environments.get('sandbox')!.endpoints?.baseUrl, api.b2b.services.sandbox.running!.url);
    } finally {
      await config.update('sandbox.autoStart', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('"Start Local Sandbox" wires the Sandbox environment: endpoints, active, credentials in SecretStorage only', async () => {
    await run('nexi.sandbox.stop');
    await api.environments.setActive('stg');
    const started = await run('nexi.sandbox.start');
    assert.equal(started.ok, true, JSON.stringify(started));
    assert.match(String(started.url), /^https:\/\/127\.0\.0\.1:\d+$/);
    const env = api.environments.get('sandbox')!;
    assert.equal(env.endpoints?.baseUrl, started.url);
    assert.equal(api.environments.active().id, 'sandbox');
    assert.equal(await api.store.get('sandbox', 'clientSecret'), secret);
    assert.equal(await api.secrets.get('nexi.sandbox.clientSecret'), secret);
    assert.equal(await api.store.get('sandbox', 'mobilePosTerminalId'), '30350039');
    assertNoSecretsOutsideSecretStorage(api, [secret, (await api.store.get('sandbox', 'privateKey'))!]);
  });

  it('the "Check transaction" CodeLens appears above result URIs once an environment has credentials, and runs', async () => {
    const target = await resultTarget('PP-20261121-0001');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    await vscode.window.showTextDocument(document);
    const lens = await waitFor('a Check transaction CodeLens', async () => {
      const lenses = await codeLenses(document.uri);
      return lenses.find((l) => l.command?.title === 'Check transaction' && l.range.start.line === target.line);
    });
    const outcome = (await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []))) as CommandOutcome;
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(outcome.status, 'APPROVED');
    const text = (await documentText(String(outcome.document))).getText();
    assert.match(text, /^# checkTransaction — Sandbox$/m);
    assert.match(text, /\*\*Found\*\*: APPROVED, €12\.50\./);
    assert.match(text, /\| `authorizationNumber` \| 012651 \|/);
    assert.match(text, /\| `rrn` \| 632510150002 \| .*\(read as f37\)/);
    assert.match(text, /## Raw response\n\n```json\n\{\n {2}"terminalId": "30350039"/);
    assert.ok(!text.includes(secret), 'no secret in the result document');
  });

  it('three checks from CodeLenses show rendered results beside the log, all in one reused group', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const ids = ['PP-20261121-0001', 'PP-20261121-0002', 'PP-20261121-0001'];
    let logColumn: vscode.ViewColumn | undefined;
    for (const id of ids) {
      const target = await resultTarget(id);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const editor = await vscode.window.showTextDocument(document, { viewColumn: logColumn ?? vscode.ViewColumn.One });
      logColumn = editor.viewColumn;
      const lens = await waitFor(`a Check transaction CodeLens for ${id}`, async () => (await codeLenses(document.uri)).find((l) => l.command?.title === 'Check transaction' && l.range.start.line === target.line));
      const outcome = (await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []))) as CommandOutcome;
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      await waitFor(`the result of ${id} rendered`, () =>
        vscode.window.tabGroups.all.find((g) => g.activeTab?.input instanceof vscode.TabInputCustom && g.activeTab.input.viewType === markdownPreviewEditor && g.activeTab.input.uri.toString() === String(outcome.document)),
      );
    }
    const resultGroups = vscode.window.tabGroups.all.filter((g) => g.tabs.some(isResultTab));
    assert.equal(resultGroups.length, 1, 'one results group for three checks');
    assert.notEqual(resultGroups[0]!.viewColumn, logColumn, 'beside the log, which stays visible');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('logcat.log')), 'the log is still visible');
    assert.equal(vscode.window.tabGroups.all.length, 2, 'no column per result');
  });

  it('the Credentials view shows the access-token state (never the token): none before a check, cached after', async () => {
    const provider = api.credentials.provider;
    const tokenItem = async () => {
      const env = (await provider.getChildren()).find((n) => n.kind === 'environment' && n.environment.id === 'sandbox')!;
      const node = (await provider.getChildren(env)).find((n) => n.kind === 'token')!;
      return provider.getTreeItem(node);
    };
    // Changed credentials drop any token an earlier check fetched: then none yet, and one after a check.
    await api.store.apply('sandbox', { deviceId: 'device-0' });
    await api.store.apply('sandbox', { deviceId: undefined });
    await waitFor('no token before a check', async () => /^none yet/.test(String((await tokenItem()).description)));
    assert.equal((await check('PP-20261121-0001')).ok, true);
    assert.match(String((await tokenItem()).description), /^cached, renewed after /, 'the check fetched a token');
    assert.equal((await tokenItem()).label, 'Access token');
    // Another environment's credentials changing leaves this one's token alone.
    await api.store.apply('stg', { deviceId: 'device-stg' });
    await api.store.apply('stg', { deviceId: undefined });
    assert.match(String((await tokenItem()).description), /^cached, renewed after /, "STG's change kept the sandbox's token");
    // New credentials (here: the same values written again) drop the client and with it the token.
    await api.store.apply('sandbox', { deviceId: 'device-1' });
    await waitFor('the token to be forgotten', async () => /^none yet/.test(String((await tokenItem()).description)));
    await api.store.apply('sandbox', { deviceId: undefined });
  });

  it('"Another terminal id…" refuses an id that cannot be a TID before any call is made', async () => {
    const pending = run('nexi.checkTransaction');
    try {
      // With terminals stored for the environment it asks which (pick "Another terminal id…"); without, it asks for one.
      const first = await waitFor('the terminal question', async () => api.ui.prompts.current);
      if (!('password' in first)) await pickItem(api, 'Another terminal id…');
      const input = await waitFor('the terminal id box', async () => (api.ui.prompts.current && 'password' in api.ui.prompts.current ? (api.ui.prompts.current as vscode.InputBox) : undefined));
      input.value = '12ab';
      await new Promise((r) => setTimeout(r, 100));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitForValidation(input, /^`12ab` does not look like a terminal id: every documented TID has 8 digits \(e\.g\. 30350039\)\.$/);
      assert.equal(api.ui.prompts.current, input, 'the box stays open: nothing is sent');
    } finally {
      await closeInput();
      await closeInput();
    }
    const outcome = await pending;
    assert.equal(outcome.ok, false, JSON.stringify(outcome));
  });

  it('a check with the active environment lacking credentials asks, saying so: another one is never used in its place unseen', async () => {
    const target = await resultTarget('PP-20261121-0001');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    await vscode.window.showTextDocument(document);
    await api.environments.setActive('prod');
    try {
      const lens = await waitFor('a Check transaction CodeLens', async () => (await codeLenses(document.uri)).find((l) => l.command?.title === 'Check transaction' && l.range.start.line === target.line));
      const pending = vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? [])) as Thenable<CommandOutcome>;
      const pick = await waitFor('the environment question', async () => api.ui.prompts.current);
      assert.match(pick.placeholder ?? '', /^PROD, the active environment, has no credentials: pick one that has/);
      assert.deepEqual((pick as vscode.QuickPick<vscode.QuickPickItem>).items.map((i) => i.label), ['Sandbox']);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      const outcome = await pending;
      assert.equal(outcome.ok, false, JSON.stringify(outcome));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await api.environments.setActive('sandbox');
    }
  });

  it('a check from the CodeLens asks the active environment without a question, also when another one has credentials', async () => {
    const target = await resultTarget('PP-20261121-0001');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    await vscode.window.showTextDocument(document);
    await api.store.apply('stg', { clientId: 'lens-test-client' });
    try {
      assert.equal(api.environments.active().id, 'sandbox');
      const lens = await waitFor('a Check transaction CodeLens', async () => (await codeLenses(document.uri)).find((l) => l.command?.title === 'Check transaction' && l.range.start.line === target.line));
      const pending = vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? [])) as Thenable<CommandOutcome>;
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(api.ui.prompts.current, undefined, 'no question about the environment');
      const outcome = await pending;
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      assert.match((await documentText(String(outcome.document))).getText(), /^# checkTransaction — Sandbox$/m);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await api.store.clear('stg');
    }
  });

  it('reports a transaction the backend does not know, with the error code and the next step', async () => {
    const outcome = await run('nexi.checkTransaction', { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'NOT-THERE' });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.code, 'TRANSACTION_NOT_FOUND');
    const text = (await documentText(String(outcome.document))).getText();
    assert.match(text, /\*\*Transaction not found\*\* \(`TRANSACTION_NOT_FOUND`\)/);
    assert.match(text, /\*\*Next step:\*\* Check terminal id and callerTrxId/);
  });

  it('an unknown environment id is bad input with the ids there are, not a silent "Cancelled." (issue 19: one environment picker)', async () => {
    for (const id of ['nexi.checkTransaction', 'nexi.showAssertionClaims', 'nexi.reconcileLog']) {
      const outcome = await run(id, { environmentId: 'nope', terminalId: '30350039', callerTrxId: 'PP-20261121-0001', uri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'logcat.log').toString(), defaultTerminalId: '30350039' });
      assert.equal(outcome.code, 'UNKNOWN_ENVIRONMENT', `${id}: ${JSON.stringify(outcome)}`);
      assert.match(String(outcome.message), /There is no environment "nope"\. Pick one of STG, PROD, Sandbox or your own environments\./);
    }
  });

  it('from the palette: terminal picker and callerTrxId input drive the real quick input', async () => {
    const pending = run('nexi.checkTransaction');
    await pickItem(api, '30350039');
    await answerInput(api, 'PP-20261121-0002');
    const outcome = await pending;
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(outcome.status, 'DECLINED');
  });

  it('remembers the last checks in the Checks view (identifiers and outcomes only) and re-runs them', async () => {
    assert.equal((await check('PP-20261121-0001')).status, 'APPROVED');
    assert.equal((await check('NOT-THERE')).code, 'TRANSACTION_NOT_FOUND');
    assert.equal((await check('PP-20261121-0002')).status, 'DECLINED');
    const history = api.b2b.services.checks.history();
    assert.deepEqual(history.slice(0, 3).map((h) => [h.callerTrxId, h.outcome, h.status ?? '']), [
      ['PP-20261121-0002', 'found', 'DECLINED'],
      ['NOT-THERE', 'TRANSACTION_NOT_FOUND', ''],
      ['PP-20261121-0001', 'found', 'APPROVED'],
    ]);
    const nodes = api.b2b.history.provider.getChildren();
    const item = api.b2b.history.provider.getTreeItem(nodes[0]!);
    assert.equal(item.label, '30350039 · PP-20261121-0002');
    assert.match(String(item.description), /^DECLINED · Sandbox · /);
    assert.equal(item.contextValue, 'checkHistory');
    assert.equal(item.command, undefined, 'a click never makes a network call');
    const again = await run('nexi.history.rerun', nodes[2]);
    assert.equal(again.status, 'APPROVED');
    assert.equal(api.b2b.services.checks.history()[0]!.callerTrxId, 'PP-20261121-0001', 'the re-run moves to the top');
    assert.ok(!JSON.stringify(api.globalState.get('nexi.checkHistory')).includes(secret));
  });

  it('"Sandbox Faults…" rehearses a bad day live: clocks apart → CLOCK_SKEW with the offset; "No faults" → back to normal', async () => {
    const set = await run('nexi.sandbox.faults', 'clock');
    assert.deepEqual(set.plan, { clockOffsetSeconds: -120 });
    await waitFor('the running sandbox to take the faults', () => (api.b2b.services.sandbox.running?.clockOffsetSeconds === -120 ? true : undefined));
    try {
      const outcome = await run('nexi.checkTransaction', { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
      assert.equal(outcome.code, 'CLOCK_SKEW', JSON.stringify(outcome));
      assert.match(String(outcome.message), /this machine's clock is 1(19|20|21) s ahead of the server's/);
    } finally {
      await run('nexi.sandbox.faults', 'none');
    }
    await waitFor('the faults to be cleared', () => (api.b2b.services.sandbox.running?.clockOffsetSeconds === 0 ? true : undefined));
    const ok = await run('nexi.checkTransaction', { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
    assert.equal(ok.ok, true, JSON.stringify(ok));
    assert.equal(vscode.workspace.getConfiguration('nexi.sandbox').inspect('faults')?.globalValue, undefined, 'the setting is removed again');
  });

  it('"Copy Check as curl" copies both calls with placeholders, never a secret, token or assertion', async () => {
    api.ui.notifications.shown.length = 0;
    const outcome = await run('nexi.copyCheckAsCurl', { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
    const text = await vscode.env.clipboard.readText();
    // Issue 16: the confirmation says what was copied.
    assert.deepEqual(api.ui.notifications.shown, [
      {
        severity: 'info',
        message:
          'Copied to the clipboard: the token and checkTransaction calls for callerTrxId PP-20261121-0001 on terminal 30350039 (Sandbox) as curl (certificate, key and secret as placeholders; token and assertion cannot be made with curl).',
      },
    ]);
    assert.equal(text, outcome.text);
    assert.match(text, /^curl --cert \.\/client\.crt --key \.\/client\.key --cacert \.\/extra-ca\.pem -X POST 'https:\/\/127\.0\.0\.1:\d+\/softpos\/appenrollment\/token'/m);
    assert.match(text, /"client_secret=\$NEXI_CLIENT_SECRET"/);
    assert.match(text, /-H 'Authorization: Bearer <ACCESS_TOKEN>'/);
    assert.match(text, /-H 'client_assertion: <CLIENT_ASSERTION>'/);
    assert.match(text, /--data '\{"terminalId":"30350039","callerTrxId":"PP-20261121-0001"\}'/);
    assert.ok(!text.includes(secret) && !/PRIVATE KEY|eyJ/.test(text));
  });

  it('"Show Client Assertion Claims" shows what would be signed, and no key material', async () => {
    const outcome = await run('nexi.showAssertionClaims', { environmentId: 'sandbox', terminalId: '38032131' });
    const claims = outcome.claims as Record<string, unknown>;
    const url = api.environments.get('sandbox')!.endpoints!.baseUrl;
    assert.equal(claims.appId, 'sandbox-app');
    assert.equal(claims.iss, 'sandbox-app');
    assert.equal(claims.aud, url);
    assert.deepEqual(claims.terminal_ids, ['38032131', '30350039']);
    assert.equal((claims.exp as number) - (claims.iat as number), 300);
    const text = (await documentText(String(outcome.document))).getText();
    assert.match(text, /"aud": "https:\/\/127\.0\.0\.1:\d+"/);
    assert.ok(!/PRIVATE KEY|BEGIN/.test(text));
  });

  it('the PROD guard asks before every call to a production environment; cancelling sends nothing', async () => {
    const sandbox = api.environments.get('sandbox')!.endpoints!;
    await api.environments.writeCustom([{ id: 'prodlike', label: 'Prod-like', baseUrl: sandbox.baseUrl, checkTransactionUrl: sandbox.checkTransactionUrl, production: true }]);
    await waitFor('the custom environment', () => api.environments.get('prodlike'));
    const values = await api.store.read('sandbox');
    await api.store.apply('prodlike', { ...values.secrets, ...values.plain });
    api.ui.confirmations.reset();
    api.ui.confirmations.answerNext(undefined); // the user presses Cancel
    const refused = await run('nexi.checkTransaction', { environmentId: 'prodlike', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
    assert.equal(refused.code, 'CANCELLED');
    assert.equal(api.ui.confirmations.asked.length, 1);
    assert.match(api.ui.confirmations.asked[0]!.message, /^Send checkTransaction for terminal 30350039 to Prod-like, Nexi's production environment\?$/);
    assert.ok(!api.b2b.services.checks.history().some((h) => h.environmentId === 'prodlike'), 'nothing was sent or recorded');
    api.ui.confirmations.answerNext(sendOnce);
    const sent = await run('nexi.checkTransaction', { environmentId: 'prodlike', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
    assert.equal(sent.status, 'APPROVED');
    assert.equal(api.ui.confirmations.asked.length, 2, 'asked again for the second call');
    await api.store.clear('prodlike');
  });

  it('"Stop Local Sandbox" takes the Sandbox environment offline', async () => {
    await run('nexi.sandbox.stop');
    assert.equal(api.environments.get('sandbox')!.endpoints, undefined);
    const outcome = await run('nexi.checkTransaction', { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
    assert.equal(outcome.code, 'CREDENTIALS_INCOMPLETE');
    assert.match(String(outcome.message), /not running/);
    assert.ok(path.basename(String(outcome.document)).length > 0);
  });
});
