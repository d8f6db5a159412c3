// The transaction model in a real VS Code (issue 15): a last-transaction result whose retrieved transaction was
// declined reads as declined in the hover, the summary and the "Nexi: Decode URI" document; unmasked card numbers
// and track data in a result URI are errors in the Problems panel.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { documentText, hovers, openDoc, ourHover, ours, settled } from './editorUtil';
import { activateExtension, run } from './util';

// spec §5.2: result=0 is the enquiry's outcome; f39=116 is the retrieved transaction's (declined, not sufficient funds).
const lastDeclined =
  'demonexi://last_transaction?operationType=LAST_TRANSACTION&callerTrxId=123123&result=0&amount=000000025200&terminalType=SOFTPOS&f30=000000025200&f04=000000025200&f39=116&CT105=0100&CT100=6313&CT102=A0000000041010&CT108=Mastercard&CT115=Contactless&f41=38032131';
// A payment result that carries a full PAN in `pan` and card data (5A Application PAN, 57 Track 2) inside f55.
const track2 = `4111111111111111D2812201${'0'.repeat(11)}F`;
const withPan = `demonexi://payment?result=0&amount=150&callerTrxId=PCI-1&operationType=PAYMENT&actionCode=000&pan=4111111111111111&f55=5A0841111111111111119F3602000157${'12'}${track2}`;
// result and action code contradict each other (A2R007).
const contradictory = 'demonexi://payment?result=0&amount=150&callerTrxId=C-1&operationType=PAYMENT&actionCode=116';

describe('Transaction model in the editor (real VS Code)', function () {
  this.timeout(120000);
  let api: TestApi;

  before(async () => {
    ({ api } = await activateExtension());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a last transaction with f39=116 reads as declined in the hovers and the decode document, never "Approved"', async () => {
    const line = `11-21 10:15:00.000 I/PizzaPay: last ${lastDeclined}`;
    const document = await openDoc('log', line);
    const start = line.indexOf('demonexi://');
    // Summary hover on the scheme.
    const head = await ourHover(document, new vscode.Position(0, start + 3), /^\*\*Last transaction result\*\*/);
    assert.match(head.text, /^\*\*Last transaction result\*\* — declined /);
    assert.match(head.text, /Last-transaction enquiry succeeded: the last transaction was declined \(Not sufficient funds, f39 116\)/);
    assert.match(head.text, /\n- Transaction outcome: declined \(from f39\)\n/);
    assert.doesNotMatch(head.text, /Approved/);
    // Hover on `result`: the enquiry's outcome, and the transaction's.
    const result = await ourHover(document, new vscode.Position(0, line.indexOf('result=0') + 2), /^\*\*`result`\*\*/);
    assert.match(result.text, /The enquiry succeeded: Nexi POS returned the last transaction\. This result is the outcome of the enquiry, not of the transaction \(spec §5\.2\)\./);
    assert.match(result.text, /The last transaction itself was declined: f39 116 \(Not sufficient funds\)\./);
    assert.doesNotMatch(result.text, /Approved/);
    // "Nexi: Decode URI" on the line under the cursor.
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    const outcome = await run('nexi.decodeUri');
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    const text = (await documentText(String(outcome.document))).getText();
    assert.match(text, /^# Last transaction result — declined\n\n> Last-transaction enquiry succeeded: the last transaction was declined \(Not sufficient funds, f39 116\)/);
    assert.match(text, /\n## Reading\n\n- Product: SoftPOS \(from terminalType\)\n- Enquiry: the last transaction was found \(result 0\); result is the enquiry's outcome \(spec §5\.2\)\n/);
    assert.doesNotMatch(text, /Approved/);
  });

  it('A2R001 and the card-data findings of a result URI are in the Problems panel, and nothing shows the PAN', async () => {
    const content = `I/PizzaPay: paid ${withPan}\nI/PizzaPay: odd ${contradictory}\n`;
    const document = await openDoc('log', content);
    await settled(api, document);
    const found = ours(document).map((d) => [String(d.code), vscode.DiagnosticSeverity[d.severity], document.getText(d.range).slice(0, 4), d.range.start.line]);
    assert.deepEqual(found, [
      ['A2R001', 'Error', '4111', 0],
      ['A2R012', 'Error', '5A08', 0],
      ['A2R012', 'Error', '5712', 0],
      ['A2R007', 'Warning', '116', 1],
    ]);
    for (const d of ours(document)) assert.ok(!d.message.includes('4111111111111111'), d.message);
    assert.match(ours(document)[0]!.message, /^Unmasked card number in pan: a full PAN must never appear in a URI or a log \(PCI DSS\)/);
    assert.match(ours(document)[1]!.message, /^Card data in f55: EMV tag 5A \(/);
    // The hover on pan explains without the number; the summary hover masks it too.
    const panAt = content.indexOf('pan=') + 1;
    const shown = (await hovers(document, new vscode.Position(0, panAt))).map((h) => h.text).join('\n');
    assert.match(shown, /UNMASKED card number \(shown masked here\)/);
    assert.ok(!shown.includes('4111111111111111'), shown);
    // Fixing the text clears the findings.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), `I/PizzaPay: paid ${withPan.replace('pan=4111111111111111', 'pan=************1111').replace(/&f55=.*$/, '')}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await settled(api, document);
    assert.deepEqual(ours(document).map((d) => String(d.code)), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
