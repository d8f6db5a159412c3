import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildRequestUri } from '../../src/core/app2app/build';
import { validateUri } from '../../src/core/app2app/validate';
import { inputFromPairs } from '../../src/cli/build';
import { resolveEnvironments } from '../../src/core/environments';
import { decodeText } from '../../src/core/explain/explain';
import { decodeDocumentMarkdown } from '../../src/core/explain/markdown';
import {
  buildToolInput,
  buildToolResult,
  buildToolText,
  checkConfirmation,
  checkRefusal,
  checkToolEnvironment,
  checkToolInput,
  decodeToolInput,
  decodeToolText,
  explainCodeMarkdown,
  explainToolInput,
  lmToolNames,
  ToolInputError,
  validateToolInput,
  validateToolResult,
  validateToolText,
} from '../../src/core/lmTools';
import { lineIndex } from '../../src/core/text';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { languageModelTools: Array<{ name: string; inputSchema: { required?: string[]; properties: Record<string, unknown> } }> };
};

const result =
  'pizzapay://payment?result=21&amount=480&callerTrxId=PP-1&operationType=PAYMENT&actionCode=116&pan=************5938&transactionType=CLI&timestamp=2111261430&terminalId=30350039';
const request = 'neximpos://payment?amount=1,50&callerTrxId=A-1&callerName=Shop&uri=shop://payment';

describe('language-model tools (core)', () => {
  it('declares in package.json exactly the tools the core names, each with an object schema', () => {
    const declared = manifest.contributes.languageModelTools.map((t) => t.name).sort();
    assert.deepEqual(declared, Object.values(lmToolNames).sort());
    const check = manifest.contributes.languageModelTools.find((t) => t.name === lmToolNames.check)!;
    assert.deepEqual(check.inputSchema.required, ['terminalId', 'callerTrxId']);
  });

  describe('nexi_decode_uri', () => {
    it('returns the document "Nexi: Decode URI" makes for given text', () => {
      const text = `11-21 14:30:00 I/Pay: ${result}`;
      const expected = decodeDocumentMarkdown(decodeText(text), { where: lineIndex(text), source: 'the given text' });
      assert.equal(decodeToolText(decodeToolInput({ text })), expected);
      assert.match(expected, /Transaction denied by the host|declined/);
      assert.ok(!expected.includes('4111'), 'no unmasked PAN');
    });

    it('says so when the text holds no URI, and refuses input without text', () => {
      assert.match(decodeToolText({ text: 'hello world' }), /^No App2App URI found in the given text/);
      assert.throws(() => decodeToolInput({}), (e: unknown) => e instanceof ToolInputError && /needs "text"/.test(e.message));
      assert.throws(() => decodeToolInput({ text: 42 }), /must be a string/);
      assert.throws(() => decodeToolInput('neximpos://payment'), /takes an object/);
    });
  });

  describe('nexi_validate_uri', () => {
    it('lists the diagnostics of validateUri with codes, messages, 1-based positions and fix titles', () => {
      const out = validateToolResult(validateToolInput({ uri: request }));
      const direct = validateUri(request);
      assert.equal(out.valid, !direct.some((d) => d.severity === 'error'));
      assert.deepEqual(out.diagnostics.map((d) => [d.code, d.message, d.range.start, d.range.end]), direct.map((d) => [d.code, d.message, d.range.start, d.range.end]));
      assert.ok(out.diagnostics.length > 0, 'amount=1,50 is a problem');
      const first = out.diagnostics[0]!;
      assert.equal(first.range.line, 1);
      assert.equal(first.range.column, first.range.start + 1);
      const text = validateToolText({ uri: request });
      assert.match(text, new RegExp(`"code": "${first.code}"`));
      assert.match(text, out.valid ? /^The URI is valid/ : /^The URI is invalid: \d+ error\(s\)/);
    });

    it('validates a URI inside a line of code where it stands', () => {
      const line = `val uri = "${request}"`;
      const out = validateToolResult({ uri: line });
      assert.ok(out.diagnostics.every((d) => d.range.start >= line.indexOf('neximpos')), 'ranges are offsets into the given line');
    });
  });

  describe('nexi_build_uri', () => {
    it('builds the same URI as the CLI from the same parameters (numbers and booleans accepted)', () => {
      const input = buildToolInput({ operation: 'payment', parameters: { amount: 1250, callerTrxId: 'A-1', callerName: 'Pizza Pay', uri: 'pizzapay://payment', sendTicket: false, addInfoKey1: 'table', addInfo1: '12' } });
      const cli = buildRequestUri(inputFromPairs('payment', ['amount=1250', 'callerTrxId=A-1', 'callerName=Pizza Pay', 'uri=pizzapay://payment', 'sendTicket=false', 'addInfoKey1=table', 'addInfo1=12']));
      const out = buildToolResult(input);
      assert.equal(out.uri, cli.uri);
      assert.match(out.uri, /^neximpos:\/\/payment\?/);
      assert.match(out.uri, /callerName=Pizza%20Pay/);
      assert.equal(out.valid, !cli.diagnostics.some((d) => d.severity === 'error'));
      assert.ok(buildToolText(input).includes(`\n\n${out.uri}\n\n`));
    });

    it('reports missing required parameters as diagnostics, and unknown names as input errors with a hint', () => {
      const out = buildToolResult(buildToolInput({ operation: 'payment', parameters: {} }));
      assert.equal(out.valid, false);
      assert.ok(out.diagnostics.some((d) => d.severity === 'error'));
      assert.throws(() => buildToolResult(buildToolInput({ operation: 'payment', parameters: { ammount: '1' } })), /'ammount' is not a payment parameter; did you mean 'amount'\?/);
      assert.throws(() => buildToolResult(buildToolInput({ operation: 'pay', parameters: {} })), (e: unknown) => e instanceof ToolInputError && /unknown operation 'pay'/.test(e.message));
      assert.throws(() => buildToolInput({ operation: 'payment', parameters: { amount: { v: 1 } } }), /value of "amount" must be a string/);
      assert.throws(() => buildToolInput({ operation: 'payment', parameters: ['amount=1'] }), /must be an object/);
    });
  });

  describe('nexi_explain_code', () => {
    it('explains result codes, action codes, receipt keys and EMV tags from the core tables', () => {
      const r = explainCodeMarkdown(explainToolInput({ kind: 'result', code: '21' }));
      assert.match(r, /^# result `21`/);
      assert.match(r, /Outcome: declined/);
      const a = explainCodeMarkdown(explainToolInput({ kind: 'actionCode', code: '116' }));
      assert.match(a, /Not sufficient funds/i);
      assert.match(a, /Kind: ISO 8583:1993 action code/);
      assert.match(a, /Outcome: declined or failed/);
      const rev = explainCodeMarkdown(explainToolInput({ kind: 'actionCode', code: '400', operation: 'reversal' }));
      assert.match(rev, /Outcome: approved/);
      const k = explainCodeMarkdown(explainToolInput({ kind: 'receiptKey', code: 'CT108' }));
      assert.match(k, /^# Receipt key `CT108` — Card type/);
      assert.match(k, /Example: `Mastercard`/);
      const t = explainCodeMarkdown(explainToolInput({ kind: 'emvTag', code: '9f36' }));
      assert.match(t, /^# EMV tag `9F36` — Application Transaction Counter/);
    });

    it('says when a code is unknown, with a hint, and refuses unknown kinds', () => {
      assert.match(explainCodeMarkdown({ kind: 'receiptKey', code: 'ct108' }), /Not a known receipt key .*did you mean `CT108`\?/);
      assert.match(explainCodeMarkdown({ kind: 'emvTag', code: 'ZZ' }), /Not in the EMV tag dictionary/);
      assert.match(explainCodeMarkdown({ kind: 'result', code: '-25' }), /^# result `-25`/);
      assert.throws(() => explainToolInput({ kind: 'iso', code: '1' }), /"kind" must be one of result, actionCode, receiptKey, emvTag/);
      assert.throws(() => explainToolInput({ kind: 'result', code: '1', operation: 'refund' }), /"operation" must be one of/);
    });
  });

  describe('nexi_check_transaction', () => {
    const { environments } = resolveEnvironments({});

    it('checks the input: terminal and callerTrxId required, environment optional', () => {
      assert.deepEqual(checkToolInput({ terminalId: ' 30350039 ', callerTrxId: 'PP-1' }), { terminalId: '30350039', callerTrxId: 'PP-1' });
      assert.deepEqual(checkToolInput({ environmentId: 'sandbox', terminalId: '1', callerTrxId: '2' }), { environmentId: 'sandbox', terminalId: '1', callerTrxId: '2' });
      assert.throws(() => checkToolInput({ terminalId: '30350039' }), /needs "callerTrxId"/);
      assert.throws(() => checkToolInput({ terminalId: '3035 0039', callerTrxId: 'x' }), /without spaces/);
    });

    it('goes to the environment asked for, else the active one; an unknown id is an input error', () => {
      assert.equal(checkToolEnvironment(environments, 'stg', undefined).id, 'stg');
      assert.equal(checkToolEnvironment(environments, 'stg', 'prod').id, 'prod');
      assert.throws(() => checkToolEnvironment(environments, 'stg', 'uat'), /no environment "uat"; the environments are stg, prod, sandbox/);
    });

    it('names the environment in the confirmation, and says "production" for PROD only', () => {
      const prod = environments.find((e) => e.id === 'prod')!;
      const stg = environments.find((e) => e.id === 'stg')!;
      const input = { terminalId: '30350039', callerTrxId: 'PP-1' };
      const p = checkConfirmation(prod, input);
      assert.match(p.title, /on PROD \(production\)\?$/);
      assert.match(p.message, /PROD — Nexi's \*\*production\*\* environment/);
      assert.match(p.message, /`PP-1` of terminal `30350039`/);
      const s = checkConfirmation(stg, input);
      assert.match(s.title, /on STG\?$/);
      assert.ok(!/production/.test(s.title + s.message));
    });

    it('refuses in Restricted Mode and without credentials, with a clear message', () => {
      const stg = environments.find((e) => e.id === 'stg')!;
      const sandbox = environments.find((e) => e.id === 'sandbox')!;
      assert.match(checkRefusal({ trusted: false, environment: stg, configured: [stg] })!, /off in Restricted Mode/);
      assert.match(checkRefusal({ trusted: true, environment: stg, configured: [] })!, /STG has no stored credentials.*Start Local Sandbox/);
      assert.match(checkRefusal({ trusted: true, environment: stg, configured: [sandbox] })!, /Environments with credentials: sandbox/);
      assert.equal(checkRefusal({ trusted: true, environment: sandbox, configured: [sandbox] }), undefined);
    });
  });
});
