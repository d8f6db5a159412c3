// `nexi-app2app mcp`: the MCP server over the toolkit (issue 18), through the official SDK's client — in-process for
// every tool, and once over stdio through the bundled CLI. Checks and reconciliation go to the real sandbox over
// mTLS on loopback, through CLI profiles; production profiles need elicitation.
import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { writeProfile } from '../../src/cli/profiles';
import { run as runCli } from '../../src/cli/main';
import { mcpToolNames } from '../../src/cli/mcp';
import { loadOrCreatePki, pkiPaths } from '../../src/core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../../src/core/sandbox/server';

const root = path.resolve(__dirname, '..', '..');

/** The bundled server as an MCP client starts it: `node dist/cli.js mcp`, a subprocess speaking over stdio. */
async function connected(env: NodeJS.ProcessEnv, readOnly = false, elicit?: (message: string) => { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, boolean> }): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(root, 'dist', 'cli.js'), 'mcp', ...(readOnly ? ['--read-only'] : [])], env: { PATH: process.env.PATH ?? '', ...(env as Record<string, string>) }, stderr: 'pipe' });
  const client = new Client({ name: 'test', version: '1' }, { capabilities: elicit ? { elicitation: {} } : {} });
  if (elicit) client.setRequestHandler(ElicitRequestSchema, (request) => elicit(String(request.params.message)));
  await client.connect(transport);
  return client;
}

/** What `nexi-app2app …` prints for the same input (in-process, no colour). */
async function cliPrints(argv: readonly string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => stdin, color: false }, env);
  assert.notEqual(code, 2, err);
  return out || err;
}

const textOf = (r: CallToolResult): string => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

describe('MCP server (nexi-app2app mcp)', function () {
  this.timeout(60000);
  let dir: string;
  let sb: Sandbox;
  let env: NodeJS.ProcessEnv;
  let client: Client;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-mcp-'));
    const { pki } = await loadOrCreatePki(path.join(dir, 'pki'));
    const files = pkiPaths(path.join(dir, 'pki'));
    sb = await Sandbox.start({ pki });
    env = { XDG_CONFIG_HOME: path.join(dir, 'config'), NEXI_CLIENT_SECRET: sandboxDefaults.clientSecret, LC_ALL: 'C.UTF-8' };
    const profile = { baseUrl: sb.url, ca: files['ca.crt'], cert: files['client.crt'], key: files['client.key'], appId: sandboxDefaults.clientId, terminalIds: ['30350039'] };
    writeProfile('sandbox', profile, env);
    writeProfile('prod-like', { ...profile, production: true }, env);
    writeProfile('prod-host', { ...profile, baseUrl: 'https://b2bsoftpos.nexigroup.com', production: undefined }, env);
    client = await connected(env);
  });

  after(async () => {
    await client.close();
    await sb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('offers every tool with a description an agent can choose by; read-only mode offers only the five that need nothing else', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), Object.values(mcpToolNames).sort());
    for (const t of tools) assert.ok((t.description ?? '').length > 120, `${t.name} has a real description`);
    const readOnly = await connected(env, true);
    assert.deepEqual((await readOnly.listTools()).tools.map((t) => t.name), ['nexi_decode_uri', 'nexi_validate_uri', 'nexi_build_uri', 'nexi_explain_code', 'nexi_simulate_result']);
    const refused = (await readOnly.callTool({ name: mcpToolNames.check, arguments: { profile: 'sandbox', terminalId: '1', callerTrxId: '2' } })) as CallToolResult;
    assert.equal(refused.isError, true);
    assert.match(textOf(refused), /read-only: Restricted Mode/);
    await readOnly.close();
  });

  it('speaks the language of the command line (`nexi-app2app --lang it mcp`), over its environment\'s', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(root, 'dist', 'cli.js'), '--lang', 'it', 'mcp', '--read-only'], env: { PATH: process.env.PATH ?? '', ...(env as Record<string, string>) }, stderr: 'pipe' });
    const italian = new Client({ name: 'test', version: '1' });
    await italian.connect(transport);
    try {
      const request = 'neximpos://payment?amount=150%20&callerTrxId=A&callerName=B&uri=c%3A%2F%2Fd';
      const v = (await italian.callTool({ name: mcpToolNames.validate, arguments: { uri: request } })) as CallToolResult;
      assert.equal(textOf(v), await cliPrints(['validate', '--lang', 'it'], env, request));
      assert.match(textOf(v), /non valido/);
    } finally {
      await italian.close();
    }
  });

  it('an unknown option is a usage error as for every command: the run\'s language, the help to read, exit 2', () => {
    // It printed "unknown option --read-onl (only --read-only)" in English whatever --lang, with no next step.
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--lang', 'it', 'mcp', '--read-onl'], { encoding: 'utf8', input: '' });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, "nexi-app2app: opzione sconosciuta --read-onl; forse si intendeva --read-only?\nEseguire 'nexi-app2app help mcp' per la guida.\n");
  });

  it('answers a line that is not JSON (-32700) or not JSON-RPC (-32600) as JSON-RPC says, and reads on', async () => {
    // Such a line went unanswered: a client that sent it waited for its timeout.
    const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'mcp', '--read-only'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const answers: Array<{ id: unknown; error?: { code: number; message: string }; result?: unknown }> = [];
    let pending = '';
    const four = new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        pending += chunk;
        for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
          answers.push(JSON.parse(pending.slice(0, nl)) as (typeof answers)[number]);
          pending = pending.slice(nl + 1);
        }
        if (answers.length >= 4) resolve();
      });
    });
    child.stdin.write('not json\n{"jsonrpc":"2.0","id":1,"method":"ping"}\n{"id":7,"params":{}}\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([four, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`4 answers expected in 20 s, got ${JSON.stringify(answers)}`)), 20000)))]);
    } finally {
      clearTimeout(timer);
      child.stdin.end();
      if (answers.length < 4) child.kill();
      await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('close', resolve)));
    }
    const errors = answers.filter((a) => a.error).map((a) => [a.id, a.error!.code]);
    assert.deepEqual(errors, [[null, -32700], [null, -32600]]);
    assert.deepEqual(answers.filter((a) => !a.error).map((a) => [a.id, a.result]).sort(), [[1, {}], [2, {}]]);
  });

  it('decode, validate, build and simulate answer with exactly what the CLI prints, and its --json', async () => {
    const line = 'I/App: dat=demo://last_transaction?result=0&callerTrxId=X&f39=116&amount=480&pan=4111111111111111';
    const d = (await client.callTool({ name: mcpToolNames.decode, arguments: { text: line } })) as CallToolResult;
    assert.equal(textOf(d), await cliPrints(['decode'], env, line));
    assert.match(textOf(d), /the last transaction was declined \(Not sufficient funds, f39 116\)/);
    const items = (d.structuredContent as { items: Array<{ transaction: { outcome: string } }> }).items;
    assert.equal(items[0]!.transaction.outcome, 'declined');
    assert.ok(!JSON.stringify(d).includes('4111111111111111'), 'no full PAN anywhere');
    const request = 'neximpos://payment?amount=150%20&callerTrxId=A&callerName=B&uri=c%3A%2F%2Fd';
    const v = (await client.callTool({ name: mcpToolNames.validate, arguments: { uri: request } })) as CallToolResult;
    assert.equal(textOf(v), await cliPrints(['validate'], env, request));
    assert.ok((v.structuredContent as { items: Array<{ diagnostics: Array<{ code: string }> }> }).items[0]!.diagnostics.some((x) => x.code === 'A2A033'));
    const b = (await client.callTool({ name: mcpToolNames.build, arguments: { operation: 'payment', parameters: { amount: 1250, callerTrxId: 'ORDER 1', callerName: 'Shop', uri: 'myapp://payment' } } })) as CallToolResult;
    assert.equal(textOf(b), await cliPrints(['build', 'payment', 'amount=1250', 'callerTrxId=ORDER 1', 'callerName=Shop', 'uri=myapp://payment'], env));
    assert.equal((b.structuredContent as { uri: string }).uri, 'neximpos://payment?amount=1250&callerName=Shop&callerTrxId=ORDER%201&uri=myapp%3A%2F%2Fpayment');
    const req = 'neximpos://payment?amount=990&callerTrxId=MCP-1&callerName=Shop&uri=shop%3A%2F%2Fpay';
    const sim = (await client.callTool({ name: mcpToolNames.simulate, arguments: { request: req, outcome: 'declined:116' } })) as CallToolResult;
    // stan and operation number are random per run: the same text but for them.
    const vary = (text: string): string => text.replace(/(stan|operationNumber|timestamp)=\d+/g, '$1=…');
    const s = sim.structuredContent as { uri: string; result: number; product: string };
    assert.deepEqual([s.result, s.product], [21, 'mobilepos']);
    assert.equal(textOf(sim), `${s.uri}\n`, 'the text is the URI the JSON holds');
    assert.equal(vary(textOf(sim)), vary(await cliPrints(['simulate', req, '--product', 'mobilepos', '--outcome', 'declined:116'], env)));
  });

  it('explain answers with the chat tool\'s Markdown (the CLI has no such command); bad input is a readable tool error', async () => {
    const e = (await client.callTool({ name: mcpToolNames.explain, arguments: { kind: 'actionCode', code: '116' } })) as CallToolResult;
    assert.match(textOf(e), /Not sufficient funds/);
    const bad = (await client.callTool({ name: mcpToolNames.explain, arguments: { kind: 'colour', code: '1' } })) as CallToolResult;
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /"kind" must be one of result, actionCode, receiptKey, emvTag/);
    const empty = (await client.callTool({ name: mcpToolNames.decode, arguments: {} })) as CallToolResult;
    assert.equal(empty.isError, true);
    assert.match(textOf(empty), /needs "text"/);
  });

  it('check and reconcile through a CLI profile against the sandbox; secrets never in the answer', async () => {
    const profiles = (await client.callTool({ name: mcpToolNames.profiles, arguments: {} })) as CallToolResult;
    assert.deepEqual((profiles.structuredContent as { profiles: Array<{ name: string; production: boolean }> }).profiles.map((p) => [p.name, p.production]), [['sandbox', false], ['prod-like', true], ['prod-host', true]]);
    const c = (await client.callTool({ name: mcpToolNames.check, arguments: { profile: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0002' } })) as CallToolResult;
    assert.notEqual(c.isError, true, textOf(c));
    assert.equal((c.structuredContent as { transaction: { status: string } }).transaction.status, 'DECLINED');
    assert.equal(textOf(c), await cliPrints(['check', '--env', 'sandbox', '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0002'], env));
    assert.ok(!JSON.stringify(c).includes(sandboxDefaults.clientSecret));
    const log = fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8');
    const logFile = path.join(dir, 'logcat.log');
    fs.writeFileSync(logFile, log);
    const r = (await client.callTool({ name: mcpToolNames.reconcile, arguments: { profile: 'sandbox', path: logFile } })) as CallToolResult;
    assert.equal(textOf(r), await cliPrints(['reconcile', '--env', 'sandbox', logFile], env));
    assert.match(textOf(r), /:6 {2}APP FAILED, BACKEND APPROVED {2}terminal 30350039 callerTrxId PP-20261121-0003/);
    assert.equal((r.structuredContent as { totals: { 'app-failed-backend-approved': number } }).totals['app-failed-backend-approved'], 1);
    const missing = (await client.callTool({ name: mcpToolNames.check, arguments: { profile: 'nope', terminalId: '1', callerTrxId: '2' } })) as CallToolResult;
    assert.match(textOf(missing), /^No CLI profile "nope"\. Known: sandbox, prod-like, prod-host/);
  });

  it('production: refused unless the profile says so and the person confirms through elicitation', async () => {
    const args = { terminalId: '30350039', callerTrxId: 'PP-20261121-0001' };
    const unmarked = (await client.callTool({ name: mcpToolNames.check, arguments: { profile: 'prod-host', ...args } })) as CallToolResult;
    assert.match(textOf(unmarked), /reaches Nexi's production \(b2bsoftpos\.nexigroup\.com\) but is not marked "production": true/);
    const cannotAsk = (await client.callTool({ name: mcpToolNames.check, arguments: { profile: 'prod-like', ...args } })) as CallToolResult;
    assert.equal((cannotAsk.structuredContent as { error: { code: string } }).error.code, 'CONFIRMATION_UNAVAILABLE');
    assert.match(textOf(cannotAsk), /nexi-app2app check --terminal-id 30350039 --caller-trx-id PP-20261121-0001 --env prod-like --confirm-production/);
    const asked: string[] = [];
    const declining = await connected(env, false, (m) => (asked.push(m), { action: 'decline' }));
    const declined = (await declining.callTool({ name: mcpToolNames.check, arguments: { profile: 'prod-like', ...args } })) as CallToolResult;
    assert.equal((declined.structuredContent as { error: { code: string } }).error.code, 'CANCELLED');
    assert.match(asked[0]!, /^Call Nexi PRODUCTION \(.*\) through profile "prod-like": check --terminal-id 30350039/);
    const accepting = await connected(env, false, () => ({ action: 'accept', content: { confirm: true } }));
    const done = (await accepting.callTool({ name: mcpToolNames.check, arguments: { profile: 'prod-like', ...args } })) as CallToolResult;
    assert.equal((done.structuredContent as { transaction: { status: string } }).transaction.status, 'APPROVED', textOf(done));
    await Promise.all([declining.close(), accepting.close()]);
  });

  it('no secret in any tool output', async () => {
    const outputs: string[] = [];
    for (const [name, args] of [
      [mcpToolNames.profiles, {}],
      [mcpToolNames.check, { profile: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' }],
      [mcpToolNames.check, { profile: 'sandbox', terminalId: '30350039', callerTrxId: 'missing' }],
      [mcpToolNames.reconcile, { profile: 'sandbox', text: fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8') }],
    ] as const) {
      outputs.push(JSON.stringify(await client.callTool({ name, arguments: args })));
    }
    const wrong = await connected({ ...env, NEXI_CLIENT_SECRET: 'a-wrong-secret-value' });
    outputs.push(JSON.stringify(await wrong.callTool({ name: mcpToolNames.check, arguments: { profile: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0001' } })));
    await wrong.close();
    const all = outputs.join('\n');
    for (const secret of [sandboxDefaults.clientSecret, 'a-wrong-secret-value']) assert.ok(!all.includes(secret), `${secret.slice(0, 4)}… appears`);
    assert.doesNotMatch(all, /eyJ[A-Za-z0-9_-]{10,}/, 'no token or JOSE object');
    assert.doesNotMatch(all, /BEGIN [A-Z ]*PRIVATE KEY/);
    assert.match(all, /TOKEN_INVALID_CLIENT/);
  });
});
