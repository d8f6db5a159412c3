// VS Code with Italian as its display language (the harness runs this suite with `--locale it`): the contributions
// come from package.nls.it.json, `vscode.l10n.t` from l10n/bundle.l10n.it.json, and the core explains in Italian
// because the extension set its locale from `vscode.env.language` at activation. Everything asserted here is what a
// person sees: titles, the status bar, hovers, diagnostics and quick fixes, a check and a reconciliation.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { documentText, openDoc, ourHover } from '../integration/editorUtil';
import { activateExtension, run, stopLocalSandbox, waitFor } from '../integration/util';

type Strings = Record<string, string>;

describe('Italian (real VS Code, display language it)', function () {
  this.timeout(60000);
  let extension: vscode.Extension<TestApi | undefined>;
  let api: TestApi;

  const readJson = async <T>(relative: string): Promise<T> =>
    JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, relative)))) as T;

  before(async () => {
    ({ extension, api } = await activateExtension());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await stopLocalSandbox(api);
  });

  it('VS Code runs in Italian and the extension loaded its Italian l10n bundle', async () => {
    assert.equal(vscode.env.language, 'it');
    assert.match(String(vscode.l10n.uri), /\/l10n\/bundle\.l10n\.it\.json$/);
    assert.equal(vscode.l10n.t('Check transaction'), 'Verifica transazione');
  });

  it('contributions are the Italian ones of package.nls.it.json (commands, views, walkthrough)', async () => {
    const nls = await readJson<Strings>('package.nls.it.json');
    const manifest = extension.packageJSON as {
      contributes: { commands: { command: string; title: string | { value: string; original: string } }[]; walkthroughs: { title: string; steps: { media: { markdown: string } }[] }[] };
    };
    // In a non-English VS Code a localized command title carries the English original beside it (for the palette).
    const check = manifest.contributes.commands.find((c) => c.command === 'nexi.checkTransaction')!;
    assert.deepEqual(check.title, { value: nls['command.checkTransaction.title'], original: 'Check Transaction…' });
    assert.equal(nls['command.checkTransaction.title'], 'Verifica transazione…');
    const walkthrough = manifest.contributes.walkthroughs[0]!;
    assert.notEqual(walkthrough.title, 'Get started with Nexi App2App');
    for (const step of walkthrough.steps) assert.match(step.media.markdown, /\.it\.md$/);
  });

  it('the status bar item speaks Italian', () => {
    assert.equal(api.statusBar.name, 'Ambiente Nexi');
    assert.match((api.statusBar.tooltip as vscode.MarkdownString).value, /\*\*Ambiente Nexi: \w+\*\*/);
  });

  it('a hover on a result URI explains it in Italian: summary, amount in Italian format, the action code', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'logcat.log'));
    await vscode.window.showTextDocument(document);
    const line = [...Array(document.lineCount).keys()].find((l) => document.lineAt(l).text.includes('result=0&amount=1250&callerTrxId=PP-20261121-0001'))!;
    const text = document.lineAt(line).text;
    const summary = await ourHover(document, new vscode.Position(line, text.indexOf('pizzapay://payment') + 3), /Pagamento/);
    assert.match(summary.text, /Pagamento: operazione riuscita\./);
    assert.match(summary.text, /importo 12,50\s€/); // Intl's Italian currency format: no-break space before €
    const action = await ourHover(document, new vscode.Position(line, text.indexOf('actionCode=') + 2), /actionCode/);
    assert.match(action.text, /Codice di risposta dell'host/);
    assert.match(action.text, /Approvata/);
  });

  it('sources read as the pages\' titles (linked) and a copy is confirmed in Italian (issue 16)', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'logcat.log'));
    await vscode.window.showTextDocument(document);
    const line = [...Array(document.lineCount).keys()].find((l) => document.lineAt(l).text.includes('easypay://reversal?operationType=REVERSAL'))!;
    const text = document.lineAt(line).text;
    const amount = await ourHover(document, new vscode.Position(line, text.indexOf('&amount=') + 1), /^\*\*`amount`/);
    const revs = '[Reversal SoftPOS](https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal-softpos)';
    assert.ok(amount.text.includes(`*Fonte: documentazione Nexi — ${revs}*`), amount.text);
    assert.ok(amount.text.includes(`non l'importo effettivamente stornato \\[${revs}\\]`), amount.text);
    api.ui.notifications.shown.length = 0;
    await run('nexi.copyUriAsAdb', { text: 'neximpos://payment?amount=1&callerTrxId=IT-1&callerName=Shop&uri=shop%3A%2F%2Fp' });
    assert.deepEqual(api.ui.notifications.shown, [{ severity: 'info', message: 'Copiato negli appunti: il comando adb per la richiesta payment (callerTrxId IT-1).' }]);
  });

  it('a last transaction declined by the bank reads as declined in Italian; the PCI finding is Italian in the Problems panel', async () => {
    const uri =
      'demonexi://last_transaction?operationType=LAST_TRANSACTION&callerTrxId=1&result=0&amount=000000025200&terminalType=SOFTPOS&f04=000000025200&f39=116&CT105=0100&CT100=6313&pan=4111111111111111';
    // openDoc: a document that holds this text (VS Code can hand back a just-closed untitled one with its old text).
    const document = await openDoc('log', `I/App: ${uri}\n`);
    const summary = await ourHover(document, new vscode.Position(0, 10), /Esito ultima transazione/);
    assert.match(summary.text, /— rifiutato /);
    assert.match(summary.text, /Richiesta ultima transazione riuscita: l'ultima transazione è stata rifiutata \(Fondi insufficienti, f39 116\)/);
    assert.match(summary.text, /- Esito della transazione: rifiutata \(da f39\)/);
    const pan = await waitFor('the A2R001 diagnostic', () => vscode.languages.getDiagnostics(document.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'A2R001'));
    assert.equal(pan.severity, vscode.DiagnosticSeverity.Error);
    assert.match(pan.message, /^Numero di carta non mascherato in pan: /);
    assert.ok(!pan.message.includes('4111111111111111'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('diagnostics and quick-fix titles of a request URI are Italian; codes and ranges are the same', async () => {
    const document = await openDoc('java', 'Uri.parse("neximpos://payment?amount=1,50&callerTrxId=A-1&callerName=Shop&uri=shop://payment");\n');
    const amount = await waitFor('the A2A004 diagnostic', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'A2A004'),
    );
    assert.equal(amount.message, '`amount` è in centesimi di euro, senza separatore decimale: `1,50` sembra un importo in euro — scrivere `150`.');
    assert.equal(document.getText(amount.range), '1,50');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, amount.range)) ?? [];
    assert.ok(actions.some((a) => /^Sostituire con/.test(a.title)), actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a check against the local sandbox opens an Italian result document', async () => {
    const started = await run('nexi.sandbox.start');
    assert.equal(started.ok, true, JSON.stringify(started));
    const outcome = await run('nexi.checkTransaction', { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
    assert.equal(outcome.status, 'APPROVED', JSON.stringify(outcome));
    const text = (await documentText(String(outcome.document))).getText();
    assert.match(text, /^# checkTransaction — Sandbox$/m);
    assert.match(text, /\*\*Trovata\*\*: APPROVED, 12,50\s€\./);
  });

  it('what a refused check says is Italian, down to what is missing', async () => {
    await api.store.apply('stg', { clientId: 'it-test-client' }); // a client id alone: no secret, certificate or key
    try {
      const outcome = await run('nexi.checkTransaction', { environmentId: 'stg', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
      assert.equal(outcome.code, 'CREDENTIALS_INCOMPLETE', JSON.stringify(outcome));
      assert.match(String(outcome.message), /\(STG è senza client secret, certificato, chiave privata\)/);
      assert.doesNotMatch(String(outcome.message), /has no/);
    } finally {
      await api.store.clear('stg');
    }
  });

  it('a reconciliation report and its warning are Italian', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const outcome = await run('nexi.reconcileLog', { uri: vscode.Uri.joinPath(folder, 'logcat.log').toString(), environmentId: 'sandbox', defaultTerminalId: '30350039' });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    const text = (await documentText(String(outcome.document))).getText();
    assert.match(text, /^# Riconciliazione di logcat\.log con Sandbox$/m);
    const warned = api.ui.notifications.shown.find((m) => m.severity === 'warning');
    assert.ok(warned && !/approved by Nexi/.test(warned.message), `the warning is Italian: ${warned?.message}`);
  });
});
