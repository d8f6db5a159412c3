// The App2App editor features in a real VS Code (issue 4): hovers, diagnostics and quick fixes, completion,
// CodeLens, the decode documents, the builder's quick input, copy-as, adb, and the large-file rules.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { adbCommandLine, adbMissingMessage } from '../../src/core/adb';
import { formatTimestamp } from '../../src/core/app2app/build';
import { formatUriAs } from '../../src/core/app2app/copyAs';
import { scanText } from '../../src/core/app2app/scan';
import { explainScanned } from '../../src/core/explain/explain';
import { decodeDocumentMarkdown, fieldMarkdown, summaryMarkdown } from '../../src/core/explain/markdown';
import type { TestApi } from '../../src/extension';
import { isResultTab, markdownPreviewEditor } from '../../src/vscode/resultDocuments';
import { specExamples } from '../unit/app2appFixtures';
import {
  acceptInput,
  builderClosed,
  builderStep,
  describeDiagnostics,
  documentText,
  hovers,
  openDoc,
  ourHover,
  ours,
  pickLabels,
  rangeText,
  setText,
  settled,
  typeAndAccept,
} from './editorUtil';
import { activateExtension, codeLenses, run, waitFor } from './util';

const samples = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;
const sample = (name: string) => vscode.workspace.openTextDocument(vscode.Uri.file(path.join(samples(), name)));

/** Closes every editor, reverting untitled ones first (closing a dirty editor would ask to save). */
async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('App2App editor features (real VS Code)', function () {
  this.timeout(120000);
  let api: TestApi;

  before(async () => {
    ({ api } = await activateExtension());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  describe('hovers', () => {
    it('explain every key of every published example, with the exact range, and summarise on the scheme/authority', async () => {
      const lines = Object.values(specExamples);
      const document = await openDoc('plaintext', lines.join('\n'));
      let checked = 0;
      const kinds = new Set<string>();
      for (let line = 0; line < lines.length; line++) {
        for (const uri of scanText(lines[line]!)) {
          const explanation = explainScanned(uri);
          for (let i = 0; i < uri.params.length; i++) {
            const param = uri.params[i]!;
            const hover = await ourHover(document, new vscode.Position(line, param.keyRange.start), /^\*\*`/);
            assert.equal(hover.text, fieldMarkdown(explanation, explanation.fields[i]!), `hover on ${param.key} (line ${line})`);
            assert.equal(rangeText(hover.range), `${line}:${param.range.start}-${line}:${param.range.end}`);
            kinds.add(explanation.fields[i]!.provenance);
            checked++;
          }
          const head = await ourHover(document, new vscode.Position(line, uri.uri.authorityRange.start + 1), /^\*\*(Payment|Reversal|Last transaction|Accounting closure) /);
          assert.ok(head.text.startsWith(`${summaryMarkdown(explanation)}\n\n[Decode](command:nexi.decodeUri?`), head.text);
          assert.match(head.text, /\[Copy as adb\]\(command:nexi\.copyUriAsAdb\?/);
          assert.doesNotMatch(head.text, /Check transaction/, 'no credentials, no check command: no link');
        }
      }
      assert.equal(checked, 170, 'every key of the 14 examples');
      for (const kind of ['nexi-documented', 'inferred', 'undocumented']) assert.ok(kinds.has(kind), `a ${kind} key was hovered`);
      // Spot checks, written out: an action code, a masked PAN, EMV data, a padded value.
      const logcat = await sample('logcat.log');
      const at = (line: number, key: string) => new vscode.Position(line, logcat.lineAt(line).text.indexOf(`${key}=`));
      assert.match((await ourHover(logcat, at(4, 'actionCode'), /^\*\*`/)).text, /^\*\*`actionCode`\*\*\n\nHost response code \(ISO 8583 field 39\)\. Present for approved or denied transactions\.\n\nValue: `116` → Not sufficient funds\n/);
      // A declined code's hover never leads with the approved code's meaning (issue 16).
      assert.doesNotMatch((await ourHover(logcat, at(4, 'actionCode'), /^\*\*`/)).text, /`000`/);
      assert.match((await ourHover(logcat, at(7, 'CT112'), /^\*\*`/)).text, /Value: `\*\*\*\*\*\*\*\*\*\*\*\*6313` → Masked card number; last four digits 6313\./);
      const f55 = (await ourHover(logcat, at(7, 'f55'), /^\*\*`/)).text;
      assert.match(f55, /\n- `95` Terminal Verification Results \(TVR\) \(5 bytes\) `0000008001` → bits set: 2 \*\(recovered\)\*\n  - byte 4 b8: Transaction exceeds floor limit\n/);
    });

    it('work in Kotlin, Swift, JSON and XML, parsing only the hovered line', async () => {
      const kotlin = await sample('NexiPosLauncher.kt');
      const line = kotlin.getText().split('\n').findIndex((l) => l.includes('amount=1,50'));
      const amount = await ourHover(kotlin, new vscode.Position(line, kotlin.lineAt(line).text.indexOf('amount=1,50') + 2), /^\*\*`/);
      assert.match(amount.text, /^\*\*`amount`\*\*\n\nAmount in euro cents\.\n\nValue: `1,50` → "1,50" is not a whole number of minor units\./);
      const swift = await sample('NexiPosLauncher.swift');
      const sLine = swift.getText().split('\n').findIndex((l) => l.includes('accounting_closure?'));
      const head = await ourHover(swift, new vscode.Position(sLine, swift.lineAt(sLine).text.indexOf('accounting_closure')), /^\*\*Accounting closure request\*\*/);
      assert.match(head.text, /^\*\*Accounting closure request\*\* `neximpos:\/\/accounting_closure`\n\nAccounting closure request — result returned to pizzapay:\/\/accounting_closure; callerTrxId PP-CLOSE-2111\./);
      const json = await openDoc('json', '{ "launch": "neximpos:\\/\\/payment?amount=150&callerTrxId=J-1&callerName=Shop&uri=shop%3A%2F%2Fpay" }');
      const j = await ourHover(json, new vscode.Position(0, json.getText().indexOf('callerTrxId') + 1), /^\*\*`/);
      assert.match(j.text, /^\*\*`callerTrxId`\*\*\n\nThe caller's own reference for this request; echoed in the result\.\n\nValue: `J-1`/);
      const xml = await openDoc('xml', '<data android:scheme="x" android:value="demonexi://payment?result=-21&amp;operationType=PAYMENT" />');
      const x = await ourHover(xml, new vscode.Position(0, xml.getText().indexOf('result=') + 1), /^\*\*`/);
      assert.match(x.text, /^\*\*`result`\*\*\n\nOutcome code; see the result-code table \(spec §9\)\.\n\nValue: `-21` → /);
      assert.deepEqual((await hovers(xml, new vscode.Position(0, 2))).filter((h) => h.text.includes('**`')), [], 'nothing outside the URI');
    });
  });

  describe('diagnostics and quick fixes', () => {
    it('checks the Kotlin sample as it is opened: exact codes and ranges', async () => {
      const kotlin = await sample('NexiPosLauncher.kt');
      await vscode.window.showTextDocument(kotlin);
      await settled(api, kotlin);
      const line = kotlin.getText().split('\n').findIndex((l) => l.includes('amount=1,50'));
      const col = (s: string) => kotlin.lineAt(line).text.indexOf(s);
      assert.deepEqual(describeDiagnostics(kotlin), [
        `A2A004 ${line}:${col('1,50')}-${line}:${col('1,50') + 4} Error`,
        `A2A026 ${line}:${col(' Pay&')}-${line}:${col(' Pay&') + 1} Warning`,
        `A2A019 ${line}:${col('autoClose')}-${line}:${col('autoClose') + 14} Warning`,
      ]);
      assert.match(ours(kotlin)[0]!.message, /^`amount` is in euro cents, without a decimal separator: `1,50` looks like euros — write `150`\.$/);
    });

    it('result URIs in a log: an unmasked card number is an error in the Problems panel: A2R001 in pan, A2R012 for 5A/57 inside f55', async () => {
      const document = await openDoc(
        'log',
        [
          'I/App: dat=pizzapay://payment?result=0&amount=100&callerTrxId=A&operationType=PAYMENT&pan=4111111111111111 flg=0x0',
          'I/App: dat=pizzapay://payment?result=0&amount=100&callerTrxId=B&operationType=PAYMENT&pan=************1111&f55=5A0841111111111111119F3602015B flg=0x0',
          'I/App: dat=pizzapay://payment?result=0&amount=100&callerTrxId=C&operationType=PAYMENT&pan=************1111 flg=0x0',
        ].join('\n'),
      );
      await settled(api, document);
      const pci = ours(document).filter((d) => d.code === 'A2R001' || d.code === 'A2R012');
      assert.deepEqual(pci.map((d) => [d.code, d.range.start.line, d.severity]), [['A2R001', 0, vscode.DiagnosticSeverity.Error], ['A2R012', 1, vscode.DiagnosticSeverity.Error]]);
      assert.ok(pci.every((d) => !/4111111111111111/.test(d.message)), 'the message never repeats the card number');
      await closeAll();
    });

    it('updates as you type (debounced) and clears when the URI is fixed', async () => {
      const document = await openDoc('kotlin', 'val u = "neximpos://payment?amount=150&callerTrxId=A&callerName=B&uri=c%3A%2F%2Fd"\n');
      await settled(api, document);
      assert.deepEqual(describeDiagnostics(document), []);
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((e) => e.insert(new vscode.Position(0, 38), 'x'));
      await editor.edit((e) => e.insert(new vscode.Position(0, 39), 'y'));
      await settled(api, document);
      assert.deepEqual(describeDiagnostics(document), ['A2A004 0:35-0:40 Error']);
      await editor.edit((e) => e.delete(new vscode.Range(0, 38, 0, 40)));
      await settled(api, document);
      assert.deepEqual(describeDiagnostics(document), []);
      await closeAll();
    });

    // One finding per fixable code; each fix applied through the real code action and WorkspaceEdit.
    const base = 'callerTrxId=T&callerName=Shop&uri=shop%3A%2F%2Fpay';
    const cases: { code: string; text: string; fix: string; expected: string; language?: string }[] = [
      { code: 'A2A001', text: `nexipos://payment?amount=1&${base}`, fix: 'Replace the scheme with `neximpos`', expected: `neximpos://payment?amount=1&${base}` },
      { code: 'A2A002', text: `neximpos://payments?amount=1&${base}`, fix: 'Change the operation to `payment`', expected: `neximpos://payment?amount=1&${base}` },
      { code: 'A2A003', text: 'neximpos://payment?amount=1&callerTrxId=T&callerName=Shop', fix: 'Add `uri`', expected: 'neximpos://payment?amount=1&callerTrxId=T&callerName=Shop&uri=myapp%3A%2F%2Fpayment' },
      { code: 'A2A003', text: 'neximpos://last_transaction?callerName=Shop', fix: 'Add all missing required parameters', expected: 'neximpos://last_transaction?callerName=Shop&terminalId=12345678&callerTrxId=order-1&uri=myapp%3A%2F%2Fpayment' },
      { code: 'A2A004', text: `neximpos://payment?amount=1.50&${base}`, fix: 'Replace with `150`', expected: `neximpos://payment?amount=150&${base}` },
      { code: 'A2A005', text: `neximpos://payment?amount=1&sendTicket=no&${base}`, fix: 'Replace with `false`', expected: `neximpos://payment?amount=1&sendTicket=false&${base}` },
      { code: 'A2A008', text: `neximpos://payment?amount&${base}`, fix: 'Add a value for `amount`', expected: `neximpos://payment?amount=150&${base}` },
      { code: 'A2A009', text: `neximpos://payment?amout=1&${base}&amount=2`, fix: 'Rename to `amount`', expected: `neximpos://payment?amount=1&${base}&amount=2` },
      { code: 'A2A009', text: `neximpos://payment?amount=1&result=0&${base}`, fix: 'Remove `result`', expected: `neximpos://payment?amount=1&${base}` },
      { code: 'A2A010', text: `neximpos://payment?amount=1&${base}&amount=2`, fix: 'Remove `amount`', expected: `neximpos://payment?amount=1&${base}` },
      { code: 'A2A015', text: `neximpos://payment?amount=1&addInfoKey1=table&${base}`, fix: 'Add `addInfo1`', expected: `neximpos://payment?amount=1&addInfoKey1=table&addInfo1=value1&${base}` },
      { code: 'A2A016', text: `neximpos://payment?amount=1&addInfoKey1=a&addInfo1=b&addInfo2=c&${base}`, fix: 'Add `addInfoKey2`', expected: `neximpos://payment?amount=1&addInfoKey1=a&addInfo1=b&addInfoKey2=key2&addInfo2=c&${base}` },
      { code: 'A2A017', text: `neximpos://payment?amount=1&addInfo1=b&${base}`, fix: 'Add `addInfoKey1`', expected: `neximpos://payment?amount=1&addInfoKey1=key1&addInfo1=b&${base}` },
      { code: 'A2A018', text: `neximpos://payment?amount=1&autoClose=true&sendTicket=true&${base}`, fix: 'Set `sendTicket=false`', expected: `neximpos://payment?amount=1&autoClose=true&sendTicket=false&${base}` },
      { code: 'A2A019', text: `neximpos://payment?amount=1&autoClose=true&${base}`, fix: 'Add `sendTicket=false`', expected: `neximpos://payment?amount=1&autoClose=true&sendTicket=false&${base}` },
      { code: 'A2A021', text: `neximpos://payment?amount=1&terminalId=12345678&${base}`, fix: 'Remove `terminalId`', expected: `neximpos://payment?amount=1&${base}` },
      { code: 'A2A023', text: `neximpos://payment?amount=1&callerTrxId=T&callerName=Fish&Chips&uri=shop%3A%2F%2Fpay`, fix: 'Percent-encode as `%26`', expected: `neximpos://payment?amount=1&callerTrxId=T&callerName=Fish%26Chips&uri=shop%3A%2F%2Fpay` },
      { code: 'A2A024', text: `neximpos://payment?amount=1&callerTrxId=T+1&callerName=Shop&uri=shop%3A%2F%2Fpay`, fix: 'Percent-encode as `%2B`', expected: `neximpos://payment?amount=1&callerTrxId=T%2B1&callerName=Shop&uri=shop%3A%2F%2Fpay` },
      { code: 'A2A025', text: `neximpos://payment?amount=1&callerTrxId=T#1&callerName=Shop&uri=shop%3A%2F%2Fpay`, fix: 'Percent-encode as `%23`', expected: `neximpos://payment?amount=1&callerTrxId=T%231&callerName=Shop&uri=shop%3A%2F%2Fpay` },
      { code: 'A2A026', text: `val u = "neximpos://payment?amount=1&callerTrxId=T&callerName=Pizza Pay&uri=shop%3A%2F%2Fpay"`, fix: 'Percent-encode as `%20`', expected: `val u = "neximpos://payment?amount=1&callerTrxId=T&callerName=Pizza%20Pay&uri=shop%3A%2F%2Fpay"`, language: 'kotlin' },
      { code: 'A2A027', text: `neximpos://payment?amount=1&callerTrxId=T&callerName =Shop&uri=shop%3A%2F%2Fpay`, fix: 'Remove the whitespace (line-wrap artefact)', expected: `neximpos://payment?amount=1&${base}` },
      { code: 'A2A028', text: `neximpos://reversal?amount=1\u00d7tamp=0912202317&terminalId=12345678&${base}`, fix: 'Replace `×tamp` with `&timestamp`', expected: `neximpos://reversal?amount=1&timestamp=0912202317&terminalId=12345678&${base}` },
      { code: 'A2A029', text: `neximpos://payment?amount=1&amp;${base}`, fix: 'Replace `&amp;` with `&`', expected: `neximpos://payment?amount=1&${base}` },
      { code: 'A2A030', text: `neximpos://last_transaction?callerName=Shop&terminalId=12345678&callerTrxId=12312uri=shop%3A%2F%2Flt`, fix: 'Insert `&` before `uri`', expected: `neximpos://last_transaction?callerName=Shop&terminalId=12345678&callerTrxId=12312&uri=shop%3A%2F%2Flt` },
      { code: 'A2A031', text: `neximpos://payment?amount=1&callerTrxId=100%&callerName=Shop&uri=shop%3A%2F%2Fpay`, fix: 'Percent-encode as `%25`', expected: `neximpos://payment?amount=1&callerTrxId=100%25&callerName=Shop&uri=shop%3A%2F%2Fpay` },
      { code: 'A2A033', text: `neximpos://payment?amount=150%20&${base}`, fix: 'Remove the encoded space', expected: `neximpos://payment?amount=150&${base}` },
      { code: 'A2A035', text: `val u = "neximpos://payment?amount=1&callerTrxId=T&callerName=Shop%2520Pay&uri=shop%3A%2F%2Fpay"`, fix: 'Decode once: `Shop%20Pay`', expected: `val u = "neximpos://payment?amount=1&callerTrxId=T&callerName=Shop%20Pay&uri=shop%3A%2F%2Fpay"`, language: 'kotlin' },
      { code: 'A2A019', text: `<data android:value="neximpos://payment?amount=1&amp;callerTrxId=T&amp;callerName=S&amp;uri=s%3A%2F%2Fp&amp;autoClose=true"/>`, fix: 'Add `sendTicket=false`', expected: `<data android:value="neximpos://payment?amount=1&amp;callerTrxId=T&amp;callerName=S&amp;uri=s%3A%2F%2Fp&amp;autoClose=true&amp;sendTicket=false"/>`, language: 'xml' },
    ];

    it('offers a quick fix for every fixable code, and applying it gives the repaired text', async () => {
      const documents = new Map<string, vscode.TextDocument>();
      for (const c of cases) {
        const language = c.language ?? 'plaintext';
        let document = documents.get(language);
        if (!document) documents.set(language, (document = await openDoc(language, '')));
        await setText(api, document, c.text);
        const code = c.code;
        const diagnostic = ours(document).find((d) => d.code === code);
        assert.ok(diagnostic, `${c.code}: diagnostics of ${c.text}: ${describeDiagnostics(document).join(', ')}`);
        const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)) ?? [];
        const action = actions.find((a) => a.title === c.fix);
        assert.ok(action, `${c.code}: "${c.fix}" among ${actions.map((a) => a.title).join(' | ')}`);
        assert.equal(action.kind?.value, 'quickfix');
        assert.ok(await vscode.workspace.applyEdit(action.edit!), `${c.code}: edit applied`);
        assert.equal(document.getText(), c.expected, `${c.code}: ${c.fix}`);
      }
      const fixable = new Set(cases.map((c) => c.code));
      for (const code of ['A2A001', 'A2A002', 'A2A003', 'A2A004', 'A2A005', 'A2A008', 'A2A009', 'A2A010', 'A2A015', 'A2A016', 'A2A017', 'A2A018', 'A2A019', 'A2A021', 'A2A023', 'A2A024', 'A2A025', 'A2A026', 'A2A027', 'A2A028', 'A2A029', 'A2A030', 'A2A031', 'A2A033', 'A2A035']) {
        assert.ok(fixable.has(code), `a case for ${code}`);
      }
      await closeAll();
    });

    it('offers each missing parameter once and "Add all" once, though every A2A003 stands on the operation', async () => {
      const document = await openDoc('plaintext', '');
      await setText(api, document, 'neximpos://payment?amount=1250');
      const missing = ours(document).filter((d) => d.code === 'A2A003');
      assert.equal(missing.length, 3, describeDiagnostics(document).join(', '));
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missing[0]!.range)) ?? [];
      const titles = actions.map((a) => a.title).filter((t) => t.startsWith('Add '));
      assert.deepEqual([...titles].sort(), ['Add `callerName`', 'Add `callerTrxId`', 'Add `uri`', 'Add all missing required parameters'].sort(), titles.join(' | '));
      await closeAll();
    });

    it('can be switched off with nexi.diagnostics.enabled', async () => {
      const document = await openDoc('plaintext', 'neximpos://payment?amount=1.50');
      await settled(api, document);
      assert.ok(ours(document).length > 0);
      const config = vscode.workspace.getConfiguration('nexi');
      await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
      try {
        await waitFor('diagnostics to be cleared', () => ours(document).length === 0);
      } finally {
        await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor('diagnostics to come back', () => ours(document).length > 0);
      await closeAll();
    });
  });

  describe('completion', () => {
    const complete = async (document: vscode.TextDocument, position: vscode.Position, trigger?: string) =>
      ((await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger)) ?? { items: [] }).items;
    const mine = (items: vscode.CompletionItem[], kind: vscode.CompletionItemKind) => items.filter((i) => i.kind === kind && typeof i.sortText === 'string' && i.detail !== undefined);
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

    it('offers operations after the scheme, then the parameters not yet present (with documentation), then values', async () => {
      const document = await openDoc('kotlin', 'val u = "neximpos://"\nval r = "neximpos://reversal?amount=1&terminalId=&callerTrxId=R&timestamp="\nval p = "neximpos://payment?amount=1&autoClose="');
      const ops = mine(await complete(document, new vscode.Position(0, 20), '/'), vscode.CompletionItemKind.Module);
      assert.deepEqual(ops.map(label), ['payment', 'reversal', 'last_transaction', 'accounting_closure']);
      assert.equal(ops[0]!.insertText, 'payment?');
      assert.equal(rangeText(ops[0]!.range as vscode.Range), '0:20-0:20');
      assert.equal(ops[0]!.command?.command, 'editor.action.triggerSuggest', 'the parameter list opens next');

      const line1 = document.lineAt(1).text;
      const names = mine(await complete(document, new vscode.Position(1, line1.indexOf('terminalId')), '&'), vscode.CompletionItemKind.Property);
      assert.deepEqual(names.map(label).sort(), ['autoClose', 'callerName', 'email', 'hideRetry', 'sendTicket', 'sms', 'terminalId', 'uri', 'urlTicket'].sort());
      const callerName = names.find((i) => label(i) === 'callerName')!;
      assert.equal(callerName.detail, 'required · Label of the "Torna a …" (back to …) button that returns to the calling app.');
      assert.match((callerName.documentation as vscode.MarkdownString).value, /^Label of the "Torna a …" \(back to …\) button that returns to the calling app\.\n\n\*\*Required\*\* for reversal/);

      const ts = mine(await complete(document, new vscode.Position(1, line1.length - 1), '='), vscode.CompletionItemKind.Value);
      const before = formatTimestamp(new Date(Date.now() - 60000));
      const after = formatTimestamp(new Date());
      assert.equal(ts.length, 1);
      assert.ok([before, after].includes(label(ts[0]!)), `${label(ts[0]!)} is now`);
      assert.equal(ts[0]!.detail, 'now (ddMMyyHHmm, local time)');

      const line2 = document.lineAt(2).text;
      const bools = mine(await complete(document, new vscode.Position(2, line2.length - 1), '='), vscode.CompletionItemKind.Value);
      assert.deepEqual(bools.map((i) => [label(i), i.detail]), [['true', 'autoClose'], ['false', 'autoClose (default when absent)']]);
      await closeAll();
    });

    it('offers terminalId values from the configured terminals and from the document', async () => {
      await api.store.apply('stg', { softPosTerminalId: '87654321' });
      try {
        const document = await openDoc('plaintext', 'neximpos://reversal?terminalId=\nseen before: neximpos://last_transaction?terminalId=30350039&callerName=A');
        const values = mine(await complete(document, new vscode.Position(0, 31), '='), vscode.CompletionItemKind.Value);
        assert.deepEqual(values.map((i) => [label(i), i.detail]), [['87654321', 'SoftPOS terminal of STG'], ['30350039', 'used in this document']]);
        await closeAll();
      } finally {
        await api.store.clear('stg');
      }
    });
  });

  describe('CodeLens', () => {
    const lenses = async (document: vscode.TextDocument) =>
      (await codeLenses(document.uri)).filter((l) => l.command?.command.startsWith('nexi.'));
    const describe = (ls: vscode.CodeLens[]) => ls.map((l) => `${l.range.start.line}:${l.range.start.character} ${l.command!.title}`);

    it('above results: Decode; above requests: Open in builder, Copy as adb and Simulate response — and their commands work', async () => {
      const logcat = await sample('logcat.log');
      const found = scanText(logcat.getText());
      const all = await lenses(logcat);
      const expected = found.flatMap((u) => {
        const p = logcat.positionAt(u.range.start);
        return u.kind === 'result' ? [`${p.line}:${p.character} Decode`] : [`${p.line}:${p.character} Open in builder`, `${p.line}:${p.character} Copy as adb`, `${p.line}:${p.character} Simulate response`];
      });
      assert.deepEqual(describe(all), expected);
      assert.deepEqual(describe(all).slice(0, 4), ['1:63 Open in builder', '1:63 Copy as adb', '1:63 Simulate response', '2:99 Decode']);

      const copy = all.find((l) => l.command?.title === 'Copy as adb')!.command!;
      const outcome = await run(copy.command, ...(copy.arguments ?? []));
      const uri = found[0]!.uri.text;
      assert.equal(outcome.ok, true);
      assert.equal(outcome.copied, adbCommandLine(uri));
      assert.equal(await vscode.env.clipboard.readText(), `adb shell am start -a android.intent.action.VIEW -d 'neximpos://payment\\?amount=1250\\&callerTrxId=PP-20261121-0001\\&callerName=Pizza%20Pay\\&sendTicket=false\\&autoClose=true\\&uri=pizzapay%3A%2F%2Fpayment'`);

      const decode = all.find((l) => l.command?.title === 'Decode')!.command!;
      const decoded = await run(decode.command, ...(decode.arguments ?? []));
      const text = (await documentText(String(decoded.document))).getText();
      const explanation = explainScanned(found[1]!);
      assert.equal(text, decodeDocumentMarkdown([explanation], { where: () => ({ line: 3, column: 100 }), source: 'line 3 of logcat.log' }));
      assert.match(text, /^# Payment result — approved\n\n> Payment succeeded: Approved/);
      await closeAll();
    });

    it('makes each command only when VS Code resolves the lens (those on screen)', async () => {
      const logcat = await sample('logcat.log');
      // As the test above: Decode above a result, three lenses above a request.
      const expected = scanText(logcat.getText()).reduce((n, u) => n + (u.kind === 'result' ? 1 : 3), 0);
      const unresolved = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', logcat.uri)) ?? [];
      assert.equal(unresolved.length, expected);
      assert.ok(unresolved.every((l) => l.command === undefined), 'no command before resolving');
      const two = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', logcat.uri, 2)) ?? [];
      assert.deepEqual(describe(two), ['1:63 Open in builder', '1:63 Copy as adb']);
      await closeAll();
    });

    it('shows "Check transaction" only when an environment has credentials and the command exists', async () => {
      const document = await openDoc('log', specExamples.reversalMposResponse);
      assert.deepEqual(describe(await lenses(document)), ['0:0 Decode']);
      const registered = (await vscode.commands.getCommands(true)).includes('nexi.checkTransaction');
      // Until issue 6 registers it, a stand-in plays the command for this test.
      let called: unknown[] | undefined;
      const standIn = registered ? undefined : vscode.commands.registerCommand('nexi.checkTransaction', (...args: unknown[]) => (called = args));
      try {
        api.editor.services.credentials.refresh();
        assert.deepEqual(describe(await lenses(document)), ['0:0 Decode'], 'no credentials yet');
        await api.store.apply('stg', { clientId: 'editor-test-client' });
        await waitFor('the Check transaction lens', async () => describe(await lenses(document)).includes('0:0 Check transaction'));
        assert.deepEqual(describe(await lenses(document)), ['0:0 Decode', '0:0 Check transaction']);
        const head = await ourHover(document, new vscode.Position(0, 20), /^\*\*Reversal result\*\*/);
        assert.match(head.text, /\[Decode\]\(command:nexi\.decodeUri\?[^)]*\) · \[Check transaction\]\(command:nexi\.checkTransaction\?[^)]*\) · \[Copy as adb\]\(command:nexi\.copyUriAsAdb\?[^)]*\)$/);
        if (standIn) {
          const lens = (await lenses(document)).find((l) => l.command!.title === 'Check transaction')!;
          await run(lens.command!.command, ...(lens.command!.arguments ?? []));
          assert.deepEqual(called, [{ uri: document.uri.toString(), line: 0, character: 0 }]);
        }
        // An accounting closure's result names no transaction: no lens or link offers a check that cannot succeed.
        const closure = await openDoc('log', 'demonexi://accounting_closure?result=0&hostTotal=1&terminalTotal=1&callerTrxId=qwerty&operationType=ACCOUNTING_CLOSURE');
        await waitFor('the closure lenses', async () => describe(await lenses(closure)).length > 0);
        assert.deepEqual(describe(await lenses(closure)), ['0:0 Decode']);
        const closureHead = await ourHover(closure, new vscode.Position(0, 12), /^\*\*Accounting closure result\*\*/);
        assert.doesNotMatch(closureHead.text, /Check transaction/);
      } finally {
        standIn?.dispose();
        await api.store.clear('stg');
        api.editor.services.credentials.refresh();
      }
      await closeAll();
    });
  });

  describe('Nexi: Decode URI', () => {
    it('decodes the selection, the line, or the clipboard into a virtual Markdown document', async () => {
      const document = await openDoc('plaintext', `first ${specExamples.paymentResponse}\nsecond ${specExamples.reversalLegacyRequest}\nnothing here`);
      // The decoded document opens beside and takes the focus: come back to the source before each run.
      const select = async (selection: vscode.Selection) => ((await vscode.window.showTextDocument(document)).selection = selection);
      await select(new vscode.Selection(0, 0, 1, 20));
      const selection = await run('nexi.decodeUri');
      assert.equal(selection.count, 1, 'the selection holds one whole URI');
      await select(new vscode.Selection(0, 0, 2, 3));
      const both = await run('nexi.decodeUri');
      assert.equal(both.count, 2);
      const doc = await documentText(String(both.document));
      assert.equal(doc.uri.scheme, 'nexi-decoded');
      assert.equal(doc.languageId, 'markdown');
      const uris = scanText(document.getText());
      const where = (o: number) => ({ line: document.positionAt(o).line + 1, column: document.positionAt(o).character + 1 });
      assert.equal(doc.getText(), decodeDocumentMarkdown(uris.map((u) => explainScanned(u)), { where, source: `the selection in ${document.uri.path.split('/').pop()}` }));
      assert.match(doc.getText(), /^# 2 App2App URIs \(the selection in [^)]+\)\n\n## Payment result — approved\n/);
      assert.match(doc.getText(), /\n\| `pan` \| `\*{12}5938` \| Masked card number, last 4 digits in clear \(approved transactions\)\. \| Masked card number; last four digits 5938\. \|/);

      await select(new vscode.Selection(1, 10, 1, 10));
      const line = await run('nexi.decodeUri');
      assert.match((await documentText(String(line.document))).getText(), /^# Reversal request\n\n> Reversal request — amount €0\.01;/);

      // Every result so far is shown rendered, in one results group beside the source (reused, not a column each).
      const resultGroups = vscode.window.tabGroups.all.filter((g) => g.tabs.some(isResultTab));
      assert.equal(resultGroups.length, 1, 'one results group');
      assert.notEqual(resultGroups[0]!.viewColumn, vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString()))!.viewColumn, 'beside the source');
      const shown = resultGroups[0]!.activeTab!;
      assert.ok(shown.input instanceof vscode.TabInputCustom && shown.input.viewType === markdownPreviewEditor, 'rendered by the Markdown preview');
      assert.equal(shown.input.uri.toString(), String(line.document));

      await select(new vscode.Selection(2, 0, 2, 0));
      await vscode.env.clipboard.writeText(`copied: ${specExamples.accountingClosureResponse}`);
      const clip = await run('nexi.decodeUri');
      const clipText = (await documentText(String(clip.document))).getText();
      assert.match(clipText, /^# Accounting closure result — success\n\n> Accounting closure succeeded: .* — host total €0\.01, terminal total €0\.01; callerTrxId qwerty; errors found: 1, warnings: 0\.\n/);
      assert.match(clipText, /\n\*Decoded by the Nexi App2App Toolkit \(the clipboard\)\. Card numbers are masked\.\*\n$/);

      await vscode.env.clipboard.writeText('no uri');
      await select(new vscode.Selection(2, 0, 2, 0));
      const none = await run('nexi.decodeUri');
      assert.deepEqual(none, { ok: false, code: 'NO_URI', message: 'No App2App URI found in the clipboard: select one, put the cursor on its line, or copy it to the clipboard.' });
      await closeAll();
    });

    it('is reachable from the hover: its Decode link runs the command on that URI', async () => {
      const document = await openDoc('log', `I/App: ${specExamples.reversalSoftPosResponse}`);
      const head = await ourHover(document, new vscode.Position(0, 12), /^\*\*Reversal result\*\*/);
      const link = /\[Decode\]\(command:(nexi\.decodeUri)\?([^ )]+)/.exec(head.text);
      assert.ok(link, head.text);
      const args = JSON.parse(decodeURIComponent(link[2]!)) as unknown[];
      assert.deepEqual(args, [{ uri: document.uri.toString(), line: 0, character: 7 }]);
      const outcome = await run(link[1]!, ...args);
      const text = (await documentText(String(outcome.document))).getText();
      assert.match(text, /^# Reversal result — approved\n/);
      assert.match(text, /\n## EMV data\n\n### `f55` — EMV data objects \(4\): 9F36, 9F10, 9F35, 95\.\n\n- `9F36` Application Transaction Counter \(ATC\) \(2 bytes\) `015B` → 347\n/);
      assert.match(text, /\n## Diagnostics\n\n- \*\*warning\*\* `TLV002` \(line 1, column \d+\): f55: The data has 71 hex digits/);
      await closeAll();
    });
  });

  describe('Nexi: Build App2App URI…', () => {
    it('walks operation → required (validated as typed) → optional → values, then copies the URI', async () => {
      const done = run('nexi.buildUri');
      await pickLabels(api, /choose the operation$/, 'payment');
      const amount = await typeAndAccept(api, /required parameter 1 of 4$/, '1,50');
      await waitFor('the amount validation', () => (typeof amount.validationMessage === 'object' ? amount.validationMessage : undefined));
      assert.deepEqual(amount.validationMessage, { message: 'amount is in euro cents, without a decimal separator: 1,50 looks like euros — write 150.', severity: vscode.InputBoxValidationSeverity.Error });
      assert.match(String((await builderStep(api, /required parameter 1 of 4$/)).title), /^Build App2App URI: payment, required parameter 1 of 4$/, 'the error keeps the step open');
      await typeAndAccept(api, /required parameter 1 of 4$/, '1250');
      await typeAndAccept(api, /required parameter 2 of 4$/, 'Pizza Pay');
      await typeAndAccept(api, /required parameter 3 of 4$/, 'PP-1');
      await typeAndAccept(api, /required parameter 4 of 4$/, 'pizzapay://payment');
      await pickLabels(api, /optional parameters$/, 'sendTicket', 'autoClose');
      await pickLabels(api, /optional value 1 of 2$/, 'false');
      await pickLabels(api, /optional value 2 of 2$/, 'true');
      const last = await builderStep(api, /review$/);
      const uri = 'neximpos://payment?amount=1250&callerName=Pizza%20Pay&callerTrxId=PP-1&sendTicket=false&uri=pizzapay%3A%2F%2Fpayment&autoClose=true';
      assert.equal((last as vscode.QuickPick<vscode.QuickPickItem>).placeholder, uri);
      // The whole URI is listed before the choice, one parameter a line, nothing cut off.
      const labels = (last as vscode.QuickPick<vscode.QuickPickItem>).items.map((i) => i.label);
      assert.equal(labels.slice(1, labels.indexOf('Actions')).join(''), uri);
      api.ui.notifications.shown.length = 0;
      await pickLabels(api, /review$/, 'Copy');
      const outcome = await done;
      assert.deepEqual(outcome, { ok: true, action: 'copy-uri', uri, copied: uri });
      assert.equal(await vscode.env.clipboard.readText(), uri);
      assert.deepEqual(api.ui.notifications.shown, [{ severity: 'info', message: 'Copied to the clipboard: the URI for the payment request (callerTrxId PP-1).' }]);
      await builderClosed(api);
    });

    it('prefills timestamp and the configured terminal, copies as Kotlin, and inserts at the cursor', async () => {
      await api.store.apply('stg', { mobilePosTerminalId: '37063166' });
      try {
        const document = await openDoc('kotlin', 'val uri = ""\n');
        vscode.window.activeTextEditor!.selection = new vscode.Selection(0, 11, 0, 11);
        let done = run('nexi.buildUri');
        await pickLabels(api, /choose the operation$/, 'reversal');
        await typeAndAccept(api, /required parameter 1 of 6$/, '200');
        await typeAndAccept(api, /required parameter 2 of 6$/, 'R-1');
        const timestamp = await acceptInput(api, /required parameter 3 of 6$/);
        assert.match(timestamp, /^\d{10}$/);
        assert.equal(await acceptInput(api, /required parameter 4 of 6$/), '37063166', 'terminalId from the configured MobilePOS terminal');
        await typeAndAccept(api, /required parameter 5 of 6$/, 'App2App DEMO');
        await typeAndAccept(api, /required parameter 6 of 6$/, 'app2appDemo://reversalResult');
        await pickLabels(api, /optional parameters$/);
        const uri = `neximpos://reversal?amount=200&callerTrxId=R-1&timestamp=${timestamp}&terminalId=37063166&callerName=App2App%20DEMO&uri=app2appDemo%3A%2F%2FreversalResult`;
        api.ui.notifications.shown.length = 0;
        await pickLabels(api, /review$/, 'Copy as Kotlin Intent');
        assert.equal((await done).copied, formatUriAs('kotlin', uri));
        assert.deepEqual(api.ui.notifications.shown, [{ severity: 'info', message: 'Copied to the clipboard: the Kotlin Intent for the reversal request (callerTrxId R-1).' }]);
        assert.equal(await vscode.env.clipboard.readText(), `startActivity(Intent(Intent.ACTION_VIEW, Uri.parse("${uri}")))`);

        done = run('nexi.buildUri');
        await pickLabels(api, /choose the operation$/, 'accounting_closure');
        await typeAndAccept(api, /required parameter 1 of 3$/, 'C-1');
        await typeAndAccept(api, /required parameter 2 of 3$/, 'Shop');
        await typeAndAccept(api, /required parameter 3 of 3$/, 'shop://closure');
        await pickLabels(api, /review$/, 'Insert at the cursor');
        assert.equal((await done).ok, true);
        assert.equal(document.getText(), 'val uri = "neximpos://accounting_closure?callerTrxId=C-1&callerName=Shop&uri=shop%3A%2F%2Fclosure"\n');
        await builderClosed(api);
        await closeAll();
      } finally {
        await api.store.clear('stg');
      }
    });

    it('"Open in builder" starts from the URI (its problems shown as typed) and replaces it', async () => {
      const document = await openDoc('kotlin', 'launch(Uri.parse("neximpos://payment?amount=1,50&callerTrxId=A&callerName=B&uri=c%3A%2F%2Fd&autoClose=true"))\n');
      await settled(api, document);
      const lens = (await codeLenses(document.uri)).find((l) => l.command?.title === 'Open in builder');
      assert.ok(lens);
      const done = run(lens.command!.command, ...(lens.command!.arguments ?? []));
      const amount = await builderStep(api, /required parameter 1 of 4$/);
      assert.equal((amount as vscode.InputBox).value, '1,50');
      await waitFor('the prefilled value checked', () => (amount as vscode.InputBox).validationMessage);
      await typeAndAccept(api, /required parameter 1 of 4$/, '150');
      assert.equal(await acceptInput(api, /required parameter 2 of 4$/), 'B');
      assert.equal(await acceptInput(api, /required parameter 3 of 4$/), 'A');
      assert.equal(await acceptInput(api, /required parameter 4 of 4$/), 'c://d');
      const optional = (await builderStep(api, /optional parameters$/)) as vscode.QuickPick<vscode.QuickPickItem>;
      assert.deepEqual(optional.selectedItems.map((i) => i.label), ['autoClose'], 'the optional parameters of the URI are pre-chosen');
      await pickLabels(api, /optional parameters$/, 'autoClose');
      await pickLabels(api, /optional value 1 of 1$/, 'true');
      const last = (await builderStep(api, /review$/)) as vscode.QuickPick<vscode.QuickPickItem>;
      const labels = last.items.map((i) => i.label);
      assert.deepEqual(labels[0], 'URI built');
      assert.deepEqual(
        labels.slice(labels.indexOf('Problems'), labels.indexOf('Problems') + 4),
        ['Problems', '$(warning) autoClose=true without sendTicket: sendTicket defaults to true, which Nexi POS may reject with result -21. Add sendTicket=false (the official demos always do).', 'Actions', 'Replace the URI in the editor'],
      );
      await pickLabels(api, /review$/, 'Replace the URI in the editor');
      assert.equal((await done).ok, true);
      assert.equal(document.getText(), 'launch(Uri.parse("neximpos://payment?amount=150&callerName=B&callerTrxId=A&uri=c%3A%2F%2Fd&autoClose=true"))\n');
      await closeAll();
    });
  });

  describe('copy as and adb', () => {
    it('copies the URI under the cursor as adb, Kotlin, Java or Swift', async () => {
      await openDoc('swift', 'open(URL(string: "neximpos://payment?amount=1&callerTrxId=S&callerName=Shop&uri=shop%3A%2F%2Fp")!)');
      vscode.window.activeTextEditor!.selection = new vscode.Selection(0, 30, 0, 30);
      const uri = 'neximpos://payment?amount=1&callerTrxId=S&callerName=Shop&uri=shop%3A%2F%2Fp';
      for (const format of ['adb', 'kotlin', 'java', 'swift'] as const) {
        const outcome = await run('nexi.copyUriAs', undefined, format);
        assert.equal(outcome.copied, formatUriAs(format, uri));
        assert.equal(await vscode.env.clipboard.readText(), formatUriAs(format, uri));
      }
      assert.equal((await run('nexi.copyUriAsAdb')).copied, `adb shell am start -a android.intent.action.VIEW -d 'neximpos://payment\\?amount=1\\&callerTrxId=S\\&callerName=Shop\\&uri=shop%3A%2F%2Fp'`);
      await openDoc('kotlin', 'Uri.parse("neximpos://reversal?amount=$cents&callerTrxId=R")');
      vscode.window.activeTextEditor!.selection = new vscode.Selection(0, 20, 0, 20);
      const dynamic = await run('nexi.copyUriAsAdb');
      assert.equal(dynamic.message, 'Copied to the clipboard: the adb command for the reversal request (callerTrxId R). It contains parts filled in at run time, copied as written: replace them before running it.');
      assert.deepEqual(api.ui.notifications.shown.at(-1), { severity: 'warning', message: dynamic.message }, 'the user is told, and warned');
      await closeAll();
    });

    it('says that adb is missing and how to install it, when it is not on PATH', async () => {
      const onPath = (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, process.platform === 'win32' ? 'adb.exe' : 'adb')));
      assert.equal(onPath, false, 'this machine has no adb on PATH (the test needs that)');
      api.ui.notifications.shown.length = 0;
      const outcome = await run('nexi.sendUriToDevice', { text: 'neximpos://payment?amount=1&callerTrxId=A&callerName=B&uri=c%3A%2F%2Fd' });
      const message = adbMissingMessage(process.platform);
      assert.deepEqual(outcome, { ok: false, code: 'ADB_NOT_FOUND', message });
      assert.match(message, /^adb \(Android Debug Bridge\) was not found\. Install the Android SDK Platform-Tools \(https:\/\/developer\.android\.com\/tools\/releases\/platform-tools/);
      assert.deepEqual(api.ui.notifications.shown.filter((n) => n.severity === 'error'), [{ severity: 'error', message }]);
      // The builder's last step takes the same path.
      const done = run('nexi.buildUri');
      await pickLabels(api, /choose the operation$/, 'accounting_closure');
      await typeAndAccept(api, /required parameter 1 of 3$/, 'C-1');
      await typeAndAccept(api, /required parameter 2 of 3$/, 'Shop');
      await typeAndAccept(api, /required parameter 3 of 3$/, 'shop://closure');
      await pickLabels(api, /review$/, 'Send to Android device or emulator…');
      assert.deepEqual(await done, { ok: false, code: 'ADB_NOT_FOUND', message, action: 'send-adb', uri: 'neximpos://accounting_closure?callerTrxId=C-1&callerName=Shop&uri=shop%3A%2F%2Fclosure' });
    });
  });

  describe('large files', () => {
    let file: string;
    const bad = 'neximpos://payment?amount=1.50&callerTrxId=L&callerName=Shop&uri=shop%3A%2F%2Fp';
    const filler = '11-21 10:15:02.114  4821  4821 I Filler: nothing to see here, just a long enough log line of text\n';

    before(() => {
      const lines: string[] = [`I/App: ${bad}\n`];
      while (lines.length * filler.length < 5.5 * 1024 * 1024) lines.push(filler);
      lines.push(`I/App: ${bad}\n`);
      file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-large-')), 'huge.log');
      fs.writeFileSync(file, lines.join(''));
    });

    after(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

    it('over 5 MB: diagnostics and CodeLens cover the visible lines only (said once); hovers work anywhere', async () => {
      api.ui.notifications.shown.length = 0;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      assert.ok(document.getText().length > 5 * 1024 * 1024);
      const last = document.lineCount - 2;
      const editor = await vscode.window.showTextDocument(document);
      await waitFor('the first line diagnosed', () => ours(document).length > 0);
      await settled(api, document);
      assert.deepEqual(describeDiagnostics(document), ['A2A004 0:33-0:37 Error'], 'the last line is not visible');
      const lenses = (await codeLenses(document.uri)).filter((l) => l.command?.command.startsWith('nexi.'));
      assert.deepEqual(lenses.map((l) => `${l.range.start.line} ${l.command!.title}`), ['0 Open in builder', '0 Copy as adb', '0 Simulate response']);
      const hover = await ourHover(document, new vscode.Position(last, 30), /^\*\*`amount`/);
      assert.equal(rangeText(hover.range), `${last}:26-${last}:37`);

      editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.InCenter);
      await waitFor('the last line diagnosed once visible', () => describeDiagnostics(document).includes(`A2A004 ${last}:33-${last}:37 Error`));
      const told = api.ui.notifications.shown.filter((n) => n.message.includes('larger than 5 MB'));
      const mb = (document.getText().length / (1024 * 1024)).toFixed(1);
      assert.deepEqual(told, [{ severity: 'info', message: `Nexi: huge.log is larger than 5 MB (${mb} MB), so App2App diagnostics and CodeLens cover only the lines you see. Hovers work everywhere.` }]);
      await closeAll();
    });

    it('under 5 MB: the whole file is analysed in slices, giving the event loop back between them', async () => {
      const text = fs.readFileSync(file, 'utf8').slice(0, 4.5 * 1024 * 1024);
      const small = path.join(path.dirname(file), 'almost.log');
      fs.writeFileSync(small, `${text.slice(0, text.lastIndexOf('\n') + 1)}I/App: ${bad}\n`);
      let worst = 0;
      let previous = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - previous);
        previous = now;
      }, 5);
      try {
        api.editor.services.index.stats.longestSliceMs = 0;
        api.editor.services.index.stats.pauses = 0;
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(small));
        previous = performance.now();
        worst = 0;
        await waitFor('both URIs diagnosed', () => ours(document).length === 2, 30000);
        assert.deepEqual(ours(document).map((d) => d.range.start.line), [0, document.lineCount - 2]);
        const { longestSliceMs: longest, pauses } = api.editor.services.index.stats;
        // The event-loop gap also holds VS Code's own work on a new 4.5 MB document (and GC); our slices are ours.
        // How long they last is measured by `npm run bench:editor` (budget 20 ms), not asserted here: on a shared
        // machine wall time includes waiting for a CPU. What must hold is that the pass was sliced at all: reading
        // ~47,000 lines takes tens of ms, several slices of 4 ms.
        console.log(`    4.5 MB analysed: ${pauses} pauses, longest slice of our work ${longest.toFixed(1)} ms, longest event-loop gap ${worst.toFixed(1)} ms`);
        assert.ok(pauses >= 2, `the analysis gave the event loop back only ${pauses} times`);
      } finally {
        clearInterval(timer);
      }
    });
  });

  describe('logging', () => {
    it('logs what it does, but never a URI or a card number', async () => {
      // What gets logged comes from this test (issue 19: any order): a file over 5 MB holding a result URI with a
      // callerTrxId and a masked card number, diagnosed, and the URI decoded.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-logging-'));
      try {
        const result = 'pizzapay://payment?result=0&amount=1250&callerTrxId=PP-20261121-0001&operationType=PAYMENT&actionCode=000&pan=************5938&terminalId=30350039';
        const filler = '11-21 10:15:02.114  4821  4821 I Filler: nothing to see here, just a long enough log line of text\n';
        const file = path.join(dir, 'logged.log');
        fs.writeFileSync(file, `I/App: ${result}\n${filler.repeat(Math.ceil((5.5 * 1024 * 1024) / filler.length))}`);
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        await vscode.window.showTextDocument(document);
        assert.equal((await run('nexi.decodeUri', { text: result })).ok, true);
        await run('nexi.showLog');
        const log = await waitFor('the log document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && decodeURIComponent(d.uri.toString()).includes('Nexi App2App')));
        const line = /logged\.log is \d\.\d MB: App2App diagnostics and CodeLens cover its visible lines only/;
        const text = await waitFor('the large-file line in the log', () => (line.test(log.getText()) ? log.getText() : undefined));
        for (const secret of ['PP-20261121-0001', 'callerTrxId=', 'neximpos://', 'pizzapay://', '5938']) assert.ok(!text.includes(secret), `the log holds ${secret}`);
      } finally {
        await closeAll();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
