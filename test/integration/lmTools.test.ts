// The language-model tools (issue 8), in the real VS Code: registered with their declared schemas, and returning
// what the commands show for the same input. The read-only tools go through `vscode.lm.invokeTool`; the check tool
// asks for confirmation first (a modal outside chat), so it is driven through its tool object (prepareInvocation,
// invoke) from the TestApi — against the local sandbox, compared with the check command's document.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { documentText, openDoc, ours, settled } from './editorUtil';
import { activateExtension, run, stopLocalSandbox } from './util';

const secret = 'sandbox-secret-not-for-production';
const names = ['nexi_decode_uri', 'nexi_validate_uri', 'nexi_build_uri', 'nexi_explain_code', 'nexi_check_transaction'];
const result = 'pizzapay://payment?result=21&amount=480&callerTrxId=PP-1&operationType=PAYMENT&actionCode=116&pan=************5938&transactionType=CLI&timestamp=2111261430&terminalId=30350039';
const request = 'neximpos://payment?amount=1,50&callerTrxId=A-1&callerName=Shop&uri=shop://payment';

function text(result: vscode.LanguageModelToolResult): string {
  return result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : assert.fail(`unexpected part ${JSON.stringify(p)}`))).join('');
}

async function invoke(name: string, input: object): Promise<string> {
  return text(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }));
}

/** The check document without what differs between two runs: the time of the check and its duration. */
const stable = (markdown: string) => markdown.replace(/checked [^\n]*\./, 'checked <at>.').replace(/\d+ ms\./, '<ms> ms.');

describe('language-model tools (real VS Code)', function () {
  this.timeout(60000);
  let api: TestApi;
  let declared: Array<{ name: string; modelDescription: string; inputSchema: object; tags: string[]; toolReferenceName: string; canBeReferencedInPrompt: boolean }>;

  before(async () => {
    let extension;
    ({ api, extension } = await activateExtension());
    declared = (extension.packageJSON as { contributes: { languageModelTools: typeof declared } }).contributes.languageModelTools;
  });

  // The untitled documents opened here are closed again, so the suites after this one (in any order: issue 19,
  // NEXI_TEST_SHUFFLE) do not inherit them. Reverted first: closing a dirty editor would ask to save.
  after(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('are registered in vscode.lm.tools with the declared descriptions, schemas and tags', () => {
    assert.deepEqual(declared.map((t) => t.name), names);
    for (const d of declared) {
      const tool = vscode.lm.tools.find((t) => t.name === d.name);
      assert.ok(tool, `${d.name} is in vscode.lm.tools`);
      assert.equal(tool.description, d.modelDescription);
      assert.deepEqual(tool.inputSchema, d.inputSchema);
      assert.deepEqual([...tool.tags].sort(), [...d.tags].sort());
      assert.ok(d.canBeReferencedInPrompt && /^nexi[A-Z]\w+$/.test(d.toolReferenceName), `${d.name} can be referenced as #${d.toolReferenceName}`);
    }
    assert.deepEqual([...api.lmTools.keys()], names, 'one registration per declared tool');
  });

  it('nexi_decode_uri returns the document "Nexi: Decode URI" opens for the same text', async () => {
    const given = `11-21 14:30:00.123 I/PizzaPay: result ${result}\n${request}`;
    const outcome = await run('nexi.decodeUri', { text: given });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(outcome.count, 2);
    const fromCommand = (await documentText(String(outcome.document))).getText();
    const fromTool = await invoke('nexi_decode_uri', { text: given });
    assert.equal(fromTool, fromCommand);
    assert.match(fromTool, /# 2 App2App URIs \(the given text\)/);
  });

  it('nexi_validate_uri reports the diagnostics the editor shows for the same URI (codes, messages, ranges)', async () => {
    const document = await openDoc('plaintext', request);
    await settled(api, document);
    const editor = ours(document).map((d) => [String(d.code), d.message, d.range.start.character, d.range.end.character]);
    assert.ok(editor.length > 0, 'the editor flags amount=1,50');
    const out = await invoke('nexi_validate_uri', { uri: request });
    const json = JSON.parse(/```json\n([\s\S]*)\n```/.exec(out)![1]!) as { valid: boolean; diagnostics: Array<{ code: string; message: string; range: { start: number; end: number; line: number; column: number } }> };
    assert.deepEqual(json.diagnostics.map((d) => [d.code, d.message, d.range.start, d.range.end]), editor);
    assert.equal(json.diagnostics[0]!.range.column, json.diagnostics[0]!.range.start + 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('nexi_build_uri builds the URI with diagnostics, and explains bad input', async () => {
    const out = await invoke('nexi_build_uri', { operation: 'payment', parameters: { amount: 1250, callerTrxId: 'A-1', callerName: 'Pizza Pay', uri: 'pizzapay://payment', sendTicket: false } });
    assert.ok(out.includes('\n\nneximpos://payment?amount=1250&callerName=Pizza%20Pay&callerTrxId=A-1&sendTicket=false&uri=pizzapay%3A%2F%2Fpayment\n\n'), out);
    assert.match(out, /"valid": true/);
    await assert.rejects(invoke('nexi_build_uri', { operation: 'payment', parameters: { ammount: '1' } }), /did you mean 'amount'/);
  });

  it('nexi_explain_code explains codes from the core tables', async () => {
    assert.match(await invoke('nexi_explain_code', { kind: 'actionCode', code: '116' }), /Not sufficient funds/i);
    assert.match(await invoke('nexi_explain_code', { kind: 'receiptKey', code: 'CT108' }), /Card type/);
    assert.match(await invoke('nexi_explain_code', { kind: 'emvTag', code: '9F36' }), /Application Transaction Counter/);
  });

  describe('nexi_check_transaction (local sandbox)', () => {
    const token = new vscode.CancellationTokenSource().token;
    const check = () => api.lmTools.get('nexi_check_transaction')!;

    before(async () => {
      const started = await run('nexi.sandbox.start');
      assert.equal(started.ok, true, JSON.stringify(started));
    });

    after(async () => {
      await stopLocalSandbox(api);
    });

    it('asks for confirmation naming the environment, and "production" for PROD', async () => {
      const sandbox = await check().prepareInvocation!({ input: { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' } }, token);
      assert.match(sandbox!.confirmationMessages!.title, /on Sandbox\?$/);
      const prod = await check().prepareInvocation!({ input: { environmentId: 'prod', terminalId: '30350039', callerTrxId: 'X' } }, token);
      assert.match(prod!.confirmationMessages!.title, /on PROD \(production\)\?$/);
      assert.match((prod!.confirmationMessages!.message as vscode.MarkdownString).value, /\*\*production\*\*/);
    });

    it('returns the check command\'s document for the same transaction, without secrets', async () => {
      const outcome = await run('nexi.checkTransaction', { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' });
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      const fromCommand = (await documentText(String(outcome.document))).getText();
      // The active environment (Sandbox, made active by the sandbox) is the default.
      const fromTool = text((await check().invoke({ input: { terminalId: '30350039', callerTrxId: 'PP-20261121-0001' }, toolInvocationToken: undefined }, token))!);
      assert.equal(stable(fromTool), stable(fromCommand));
      assert.match(fromTool, /\*\*Found\*\*: APPROVED, €12\.50\./);
      for (const s of [secret, (await api.store.get('sandbox', 'privateKey'))!.slice(40, 80)]) assert.ok(!fromTool.includes(s));
      assert.ok(!/eyJ[\w-]+\.[\w-]+/.test(fromTool), 'no token or assertion');
      assert.equal(api.b2b.services.checks.history()[0]!.callerTrxId, 'PP-20261121-0001', 'recorded like a command check');
    });

    it('reports TRANSACTION_NOT_FOUND as the command does, and refuses an environment without credentials', async () => {
      const notFound = text((await check().invoke({ input: { environmentId: 'sandbox', terminalId: '30350039', callerTrxId: 'NOT-THERE' }, toolInvocationToken: undefined }, token))!);
      assert.match(notFound, /\*\*Transaction not found\*\* \(`TRANSACTION_NOT_FOUND`\)/);
      await assert.rejects(Promise.resolve(check().invoke({ input: { environmentId: 'stg', terminalId: '30350039', callerTrxId: 'X' }, toolInvocationToken: undefined }, token)), /STG has no stored credentials.*Environments with credentials: sandbox/);
    });
  });
});
