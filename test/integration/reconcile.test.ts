// Reconciliation and the POS response simulator in the real VS Code, against the local sandbox (issue 7).
import { strict as assert } from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { documentText } from './editorUtil';
import { activateExtension, codeLenses, run, stopLocalSandbox, waitFor } from './util';

/** Waits for the extension's quick pick that offers `label` (not the previous one, still closing) and accepts it. */
async function choose(api: TestApi, label: string): Promise<void> {
  const pick = await waitFor(`a quick pick offering "${label}"`, () => {
    const c = api.ui.prompts.current;
    return c && 'items' in c && c.items.some((i) => i.label === label) ? c : undefined;
  });
  pick.value = label;
  pick.activeItems = [pick.items.find((i) => i.label === label)!];
  // Quick input updates reach the workbench on a zero-delay timer: give them a moment before accepting.
  await new Promise((r) => setTimeout(r, 100));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

const paymentRequest = 'neximpos://payment?amount=990&callerTrxId=SIM-EDITOR-1&callerName=Pizza%20Pay&sendTicket=false&autoClose=true&uri=pizzapay%3A%2F%2Fpayment';

describe('reconciliation and the POS simulator (real VS Code, local sandbox)', function () {
  this.timeout(60000);
  let api: TestApi;
  let logUri: vscode.Uri;

  before(async () => {
    ({ api } = await activateExtension());
    logUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'logcat.log');
  });

  // Every test finds the sandbox running, and the tests that read a reconciliation make their own (the rehearsal
  // replaces it), so the suite passes in any order (issue 19; NEXI_TEST_SHUFFLE).
  beforeEach(async () => {
    const started = await run('nexi.sandbox.start');
    assert.equal(started.ok, true, JSON.stringify(started));
  });

  /** Reconciles samples/logcat.log against the sandbox: the view, the history and the exports then show it. */
  async function reconcileLogcat(): Promise<void> {
    const outcome = await run('nexi.reconcileLog', { uri: logUri.toString(), environmentId: 'sandbox', defaultTerminalId: '30350039' });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
  }

  after(async () => {
    await stopLocalSandbox(api);
  });

  it('"Reconcile Log…" classifies every transaction of the log and flags the payment the app lost', async () => {
    const before = api.ui.notifications.shown.length;
    const outcome = await run('nexi.reconcileLog', { uri: logUri.toString(), environmentId: 'sandbox', defaultTerminalId: '30350039' });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.deepEqual(outcome.totals, { match: 3, mismatch: 0, 'app-failed-backend-approved': 1, 'not-found': 0, error: 0, total: 4 });
    const text = (await documentText(String(outcome.document))).getText();
    assert.match(text, /^# Reconciliation of logcat\.log against Sandbox$/m);
    assert.match(text, /\*\*⚠ Payments approved by Nexi while the app recorded a failure or no result: 1\.\*\*/);
    // Plain line numbers: the rendered report does not follow links to files (the view's rows open the log).
    assert.match(text, /\| 6 \| \*\*APP FAILED, BACKEND APPROVED\*\* \| 30350039 \| `PP-20261121-0003` \| no-result \| approved \|/);
    assert.doesNotMatch(text, /\]\(file:/);
    assert.match(text, /\| 3 \| match \|/);
    const warned = api.ui.notifications.shown.slice(before).find((m) => m.severity === 'warning');
    assert.match(warned?.message ?? '', /^1 payment in logcat\.log was approved by Nexi while the app recorded a failure or no result: the customer was charged\./);
  });

  it('the Reconciliation view lists the rows most dangerous first; a row opens its log line with the row beside it', async () => {
    await reconcileLogcat();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const tree = api.b2b.reconciliation.provider;
    const groups = tree.getChildren();
    assert.deepEqual(groups.map((g) => (g.kind === 'group' ? [g.classification, g.count] : [])), [['app-failed-backend-approved', 1], ['match', 3]]);
    assert.equal(tree.getTreeItem(groups[0]!).label, 'APP FAILED, BACKEND APPROVED');
    assert.equal(tree.getTreeItem(groups[1]!).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'matches are folded');
    assert.equal(api.b2b.reconciliation.view.description, 'logcat.log · Sandbox');
    const [row] = tree.getChildren(groups[0]);
    const item = tree.getTreeItem(row!);
    assert.equal(item.label, 'line 6 · PP-20261121-0003');
    assert.match(String(item.description), /^30350039 · app: no-result · backend: approved · reverse or complete it$/);
    assert.match(String(item.contextValue), /\breversible\b.*\benquirable\b.*\bcheckable\b/);
    // What a click runs: the item's own command.
    const opened = await vscode.commands.executeCommand<{ ok: boolean; document: string }>(item.command!.command, ...(item.command!.arguments ?? []));
    assert.equal(opened.ok, true, JSON.stringify(opened));
    const editor = await waitFor('the log visible at line 6', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path === logUri.path && e.selection.start.line === 5));
    assert.match(editor.document.getText(editor.selection), /^11-21 10:16:58\.104 .* neximpos:\/\/payment\?amount=2290&callerTrxId=PP-20261121-0003&.*%2F%2Fpayment$/);
    assert.equal(editor.selection.active.character, 0, 'the cursor at the line start');
    // The row's detail is rendered beside the log, in another group.
    const detailTab = await waitFor('the row detail tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.startsWith('logcat.log line 6')));
    assert.notEqual(detailTab.group.viewColumn, editor.viewColumn, 'the detail does not cover the log');
    const detail = (await documentText(opened.document)).getText();
    assert.match(detail, /^# logcat\.log:6 — APP FAILED, BACKEND APPROVED\n\nThe app recorded no successful payment, but Nexi approved it/);
    assert.match(detail, /\n- \*\*App \(log line 6\):\*\* no-result\n- \*\*Nexi \(Sandbox\):\*\* approved\n/);
    assert.match(detail, /\*\*Amount in the log:\*\* €22\.90/);
    assert.match(detail, /## What Nexi answered \(checkTransaction\)\n\n```json\n/);
    // A second row goes to the same two places: no new editor groups.
    const groupsBefore = vscode.window.tabGroups.all.length;
    const matchRow = tree.getChildren(groups[1])[0]!;
    await vscode.commands.executeCommand('nexi.reconciliation.open', matchRow);
    await waitFor('the log at the matched line', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path === logUri.path && e.selection.start.line === (matchRow.kind === 'row' ? matchRow.entry.line - 1 : -1)));
    assert.equal(vscode.window.tabGroups.all.length, groupsBefore);
  });

  it("the reconciliation's checks are in the Checks history, marked as such", async () => {
    await reconcileLogcat();
    const history = api.b2b.services.checks.history().filter((h) => h.via === 'reconciliation');
    const ids = new Set(history.map((h) => h.callerTrxId));
    for (const id of ['PP-20261121-0001', 'PP-20261121-0002', 'PP-20261121-0003']) assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
    const node = api.b2b.history.provider.getChildren().find((n) => n.entry.via === 'reconciliation')!;
    assert.match(String(api.b2b.history.provider.getTreeItem(node).description), / · Sandbox · reconciliation · /);
  });

  it('row actions: copy with a confirmation, build the reversal, check again, filter by classification', async () => {
    await reconcileLogcat();
    const tree = api.b2b.reconciliation.provider;
    const row = tree.getChildren(tree.getChildren()[0])[0]!;
    const before = api.ui.notifications.shown.length;
    const copied = await run('nexi.reconciliation.copy', row);
    assert.equal(await vscode.env.clipboard.readText(), 'logcat.log:6\tAPP FAILED, BACKEND APPROVED\t30350039\tPP-20261121-0003\tno-result\tapproved\treverse or complete it');
    assert.equal(copied.ok, true);
    assert.match(api.ui.notifications.shown.slice(before).map((m) => m.message).join('\n'), /Copied line 6 of the reconciliation \(APP FAILED, BACKEND APPROVED\)\./);
    // The reversal opens in the builder with what the log knows (amount, terminal); the rest is asked.
    const building = run('nexi.reconciliation.buildReversal', row);
    const step = await waitFor('the builder on the reversal', () => {
      const c = api.ui.prompts.current;
      return c && /reversal/.test(c.title ?? '') ? c : undefined;
    });
    assert.match(step.title ?? '', /^Build App2App URI: reversal, required parameter/);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await building;
    // Check again: a real checkTransaction on the reconciliation's environment.
    const again = await run('nexi.reconciliation.checkAgain', row);
    assert.equal(again.status, 'APPROVED', JSON.stringify(again));
    // Filter: only the dangerous rows.
    assert.equal((await run('nexi.reconciliation.filter', ['app-failed-backend-approved'])).ok, true);
    assert.deepEqual(tree.getChildren().map((g) => (g.kind === 'group' ? g.classification : '')), ['app-failed-backend-approved']);
    assert.match(String(api.b2b.reconciliation.view.description), /· filtered$/);
    await run('nexi.reconciliation.showAll');
    assert.equal(tree.getChildren().length, 2);
  });

  it('Copy Result as JSON and Open Source on the rendered report', async () => {
    await reconcileLogcat();
    const report = await run('nexi.reconciliation.openReport');
    const uri = vscode.Uri.parse(String(report.document));
    await waitFor('the report rendered', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === uri.toString()));
    const copied = await run('nexi.results.copyJson');
    assert.equal(copied.ok, true, JSON.stringify(copied));
    const json = JSON.parse(await vscode.env.clipboard.readText()) as { source: string; totals: { total: number } };
    assert.deepEqual([json.source, json.totals.total], ['logcat.log', 4]);
    assert.equal((await run('nexi.results.openSource', uri)).ok, true);
    await waitFor('the Markdown source', () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? true : undefined));
  });

  it("asks the environment with the reconciliation's own title, not the check's (issue 19)", async () => {
    await api.store.apply('stg', { clientId: 'title-test-client' });
    try {
      const pending = run('nexi.reconcileLog', { uri: logUri.toString(), defaultTerminalId: '30350039' });
      const pick = await waitFor('the environment question', () => {
        const c = api.ui.prompts.current;
        return c && 'items' in c && c.items.some((i) => i.label === 'Sandbox') ? c : undefined;
      });
      // The question names the log and what it holds (it said "the log" only).
      assert.equal(pick.title, 'Reconcile logcat.log: environment to check its 4 transactions against');
      assert.equal(pick.items.length, 2, 'the two environments with credentials');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal((await pending).code, 'CANCELLED');
    } finally {
      await api.store.clear('stg');
    }
  });

  it('asks for a terminal only for lines that name none, and says which', async () => {
    const pending = run('nexi.reconcileLog', { uri: logUri.toString(), environmentId: 'sandbox' });
    const pick = await waitFor('the terminal question', () => {
      const c = api.ui.prompts.current;
      return c && 'items' in c && c.items.some((i) => i.label === '30350039') ? c : undefined;
    });
    // Of the log's four transactions only the request on line 6 names no terminal (the results carry theirs).
    assert.equal(pick.title, 'Reconcile: terminal for line 6, which names none');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal((await pending).code, 'CANCELLED');
  });

  it('a log with nothing to reconcile says so before asking anything', async () => {
    const dir = vscode.Uri.file(path.join(os.tmpdir(), `nexi-nothing-${Date.now()}`));
    const empty = vscode.Uri.joinPath(dir, 'quiet.log');
    await vscode.workspace.fs.writeFile(empty, new TextEncoder().encode('I/ActivityManager: Start proc 4242:com.example.pizzapay/u0a123\n'));
    // Two environments with credentials: the environment would be a question.
    await api.store.apply('stg', { clientId: 'nothing-test-client' });
    try {
      // Were a question asked, the command would wait for it: the outcome comes at once instead.
      const outcome = await run('nexi.reconcileLog', { uri: empty.toString() });
      assert.equal(outcome.code, 'NOTHING_TO_RECONCILE', JSON.stringify(outcome));
      assert.equal(outcome.message, 'No payment or reversal URI with a callerTrxId in quiet.log.');
      assert.equal(api.ui.prompts.current, undefined);
    } finally {
      await api.store.clear('stg');
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('the report links back to the log line', async () => {
    const link = vscode.Uri.parse(logUri.with({ fragment: 'L6' }).toString());
    await vscode.commands.executeCommand('vscode.open', link);
    const editor = await waitFor('the log at line 6', () => (vscode.window.activeTextEditor?.document.uri.path === logUri.path ? vscode.window.activeTextEditor : undefined));
    await waitFor('the cursor on line 6', () => editor.selection.active.line === 5);
    assert.match(editor.document.lineAt(5).text, /callerTrxId=PP-20261121-0003/);
  });

  it('exports the last report as CSV and JSON', async () => {
    await reconcileLogcat();
    const dir = vscode.Uri.file(path.join(os.tmpdir(), `nexi-export-${Date.now()}`));
    await vscode.workspace.fs.createDirectory(dir);
    const csvUri = vscode.Uri.joinPath(dir, 'r.csv');
    assert.equal((await run('nexi.reconcile.exportCsv', csvUri)).ok, true);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(csvUri)).split('\r\n');
    assert.equal(csv[0], 'line,classification,terminalId,callerTrxId,operation,appOutcome,appResult,backendOutcome,amount,authorizationNumber,panLast4,differences,errorCode,message');
    assert.equal(csv.length, 6);
    const jsonUri = vscode.Uri.joinPath(dir, 'r.json');
    assert.equal((await run('nexi.reconcile.exportJson', jsonUri)).ok, true);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonUri))) as { source: string; totals: { total: number } };
    assert.deepEqual([json.source, json.totals.total], ['logcat.log', 4]);
    await vscode.workspace.fs.delete(dir, { recursive: true });
  });

  it('"Simulate POS Response…" makes a SoftPOS result, copies it, and registers it in the running sandbox', async () => {
    const outcome = await run('nexi.simulatePosResponse', { text: paymentRequest, outcome: 'approved', product: 'softpos' });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    const uri = String(outcome.uri);
    assert.match(uri, /^pizzapay:\/\/payment\?operationType=PAYMENT&callerTrxId=SIM-EDITOR-1&result=0&amount=000000000990&f30=000000000990&/);
    assert.equal(outcome.registered, true);
    assert.equal(await vscode.env.clipboard.readText(), uri);
    const check = await run('nexi.checkTransaction', { environmentId: 'sandbox', terminalId: '38032131', callerTrxId: 'SIM-EDITOR-1' });
    assert.equal(check.status, 'APPROVED');
    const decoded = await run('nexi.decodeUri', { text: uri });
    const text = (await documentText(String(decoded.document ?? decoded.uri))).getText();
    assert.doesNotMatch(text, /\berror\b.*A2[AR]\d{3}/i, 'the simulated result decodes without error diagnostics');
  });

  it('drives the outcome, action code and product pickers of the real quick input', async () => {
    const pending = run('nexi.simulatePosResponse', { text: paymentRequest.replace('SIM-EDITOR-1', 'SIM-EDITOR-2'), deliver: 'none' });
    await choose(api, 'Declined by the host…');
    await choose(api, '116');
    await choose(api, 'MobilePOS');
    const outcome = await pending;
    assert.equal(outcome.result, 21);
    assert.match(String(outcome.uri), /^pizzapay:\/\/payment\?result=21&amount=990&callerTrxId=SIM-EDITOR-2&operationType=PAYMENT&actionCode=116&/);
  });

  it('"Test Scenarios…" lists the amounts that choose the outcome; the one picked is copied, and simulating it gives that outcome', async () => {
    const listing = run('nexi.scenarios.show', 'payment');
    const pick = await waitFor('the scenarios quick pick', () => {
      const c = api.ui.prompts.current;
      return c && 'items' in c && c.items.some((i) => i.label === '10051') ? c : undefined;
    });
    const insufficient = pick.items.find((i) => i.label === '10051')!;
    assert.match(String(insufficient.detail), /Not sufficient funds/i);
    assert.ok(pick.items.some((i) => i.label === '10099' && /never reaches the app|lost/i.test(String(i.detail))), 'the lost-result scenario is listed');
    await choose(api, '10051');
    const listed = await listing;
    assert.equal(listed.amount, '10051');
    assert.equal(await vscode.env.clipboard.readText(), '10051');
    // The outcome picker offers the amount's scenario first.
    const simulating = run('nexi.simulatePosResponse', { text: paymentRequest.replace('amount=990', 'amount=10051').replace('SIM-EDITOR-1', 'SIM-SCENARIO-1'), product: 'mobilepos', deliver: 'none' });
    await choose(api, 'Chosen by the amount (10051)');
    const simulated = await simulating;
    assert.equal(simulated.result, 21, JSON.stringify(simulated));
    assert.match(String(simulated.uri), /actionCode=116/);
  });

  it('"Rehearse a Session" logs a session from the scenarios, registers it in the sandbox and reconciles it: every classification appears', async () => {
    const outcome = await run('nexi.rehearse');
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.deepEqual(outcome.totals, outcome.expected);
    const groups = api.b2b.reconciliation.provider.getChildren().map((g) => (g.kind === 'group' ? g.classification : ''));
    assert.deepEqual(groups, ['app-failed-backend-approved', 'mismatch', 'not-found', 'error', 'match']);
    assert.match(api.ui.notifications.shown.at(-1)?.message ?? '', /every classification appeared as the scenarios predict/);
    // An error row's detail names its code once, then what to do, as a single check does.
    const tree = api.b2b.reconciliation.provider;
    const errorGroup = tree.getChildren().find((g) => g.kind === 'group' && g.classification === 'error')!;
    const [errorRow] = tree.getChildren(errorGroup);
    const opened = await vscode.commands.executeCommand<{ ok: boolean; document: string }>('nexi.reconciliation.open', errorRow);
    assert.equal(opened.ok, true, JSON.stringify(opened));
    const detail = (await documentText(opened.document)).getText();
    const code = errorRow!.kind === 'row' ? errorRow!.entry.errorCode! : '';
    assert.ok(code !== '', 'the error row has a code');
    assert.equal(detail.split(`${code}:`).length, 2, `the code once: ${detail}`);
    assert.match(detail, /\*\*Next step:\*\* \S/);
  });

  it('offers "Simulate response" above request URIs', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'NexiPosLauncher.kt'));
    await vscode.window.showTextDocument(document);
    const lens = await waitFor('a Simulate response CodeLens', async () => {
      const lenses = await codeLenses(document.uri);
      return lenses.find((l) => l.command?.title === 'Simulate response');
    });
    assert.equal(lens.command!.command, 'nexi.simulatePosResponse');
  });
});
