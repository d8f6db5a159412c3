// `nexi-app2app mcp`: the MCP server over the toolkit (issue 18), through the official SDK's client — in-process for
// every tool, and once over stdio through the bundled CLI. Checks and reconciliation go to the real sandbox over
// mTLS on loopback, through CLI profiles; production profiles need elicitation.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { writeProfile } from '../../src/cli/profiles';
import * as sdk from '../../src/mcp/sdk';
import { createMcpServer, mcpToolNames, type McpOptions } from '../../src/mcp/server';
import { loadOrCreatePki, pkiPaths } from '../../src/core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../../src/core/sandbox/server';

const root = path.resolve(__dirname, '..', '..');

async function connected(options: McpOptions, elicit?: (message: string) => { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> }): Promise<Client> {
  const server = createMcpServer(sdk, options);
  const client = new Client({ name: 'test', version: '1' }, { capabilities: elicit ? { elicitation: {} } : {} });
  if (elicit) client.setRequestHandler(ElicitRequestSchema, (request) => elicit(String(request.params.message)));
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  return client;
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
    client = await connected({ env });
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
    const readOnly = await connected({ env, readOnly: true });
    assert.deepEqual((await readOnly.listTools()).tools.map((t) => t.name), ['nexi_decode_uri', 'nexi_validate_uri', 'nexi_build_uri', 'nexi_explain_code', 'nexi_simulate_result']);
    const refused = (await readOnly.callTool({ name: mcpToolNames.check, arguments: { profile: 'sandbox', terminalId: '1', callerTrxId: '2' } })) as CallToolResult;
    assert.equal(refused.isError, true);
    assert.match(textOf(refused), /read-only: Restricted Mode/);
    await readOnly.close();
  });

  it('decode: the explanation as text and one JSON object per URI, card numbers masked', async () => {
    const r = (await client.callTool({ name: mcpToolNames.decode, arguments: { text: 'I/App: dat=demo://last_transaction?result=0&callerTrxId=X&f39=116&amount=480&pan=4111111111111111' } })) as CallToolResult;
    assert.notEqual(r.isError, true);
    assert.match(textOf(r), /the last transaction was declined \(Not sufficient funds, f39 116\)/);
    const s = r.structuredContent as { count: number; uris: Array<{ summary: string; transaction: { outcome: string } }> };
    assert.equal(s.count, 1);
    assert.equal(s.uris[0]!.transaction.outcome, 'declined');
    assert.ok(!JSON.stringify(r).includes('4111111111111111'), 'no full PAN anywhere');
  });

  it('validate, build and explain answer as the CLI and the chat tools do', async () => {
    const v = (await client.callTool({ name: mcpToolNames.validate, arguments: { uri: 'neximpos://payment?amount=150%20&callerTrxId=A&callerName=B&uri=c%3A%2F%2Fd' } })) as CallToolResult;
    assert.equal((v.structuredContent as { valid: boolean }).valid, false);
    assert.ok((v.structuredContent as { diagnostics: Array<{ code: string }> }).diagnostics.some((d) => d.code === 'A2A033'));
    const b = (await client.callTool({ name: mcpToolNames.build, arguments: { operation: 'payment', parameters: { amount: 1250, callerTrxId: 'ORDER 1', callerName: 'Shop', uri: 'myapp://payment' } } })) as CallToolResult;
    assert.equal((b.structuredContent as { uri: string }).uri, 'neximpos://payment?amount=1250&callerName=Shop&callerTrxId=ORDER%201&uri=myapp%3A%2F%2Fpayment');
    const e = (await client.callTool({ name: mcpToolNames.explain, arguments: { kind: 'actionCode', code: '116' } })) as CallToolResult;
    assert.match(textOf(e), /Not sufficient funds/);
    const bad = (await client.callTool({ name: mcpToolNames.explain, arguments: { kind: 'colour', code: '1' } })) as CallToolResult;
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /"kind" must be one of result, actionCode, receiptKey, emvTag/);
  });

  it('simulate: the result Nexi POS would send, read back by the decoder as simulated', async () => {
    const r = (await client.callTool({ name: mcpToolNames.simulate, arguments: { request: 'neximpos://payment?amount=990&callerTrxId=MCP-1&callerName=Shop&uri=shop%3A%2F%2Fpay', outcome: 'declined:116' } })) as CallToolResult;
    const s = r.structuredContent as { uri: string; result: number; product: string };
    assert.deepEqual([s.result, s.product], [21, 'mobilepos']);
    const d = (await client.callTool({ name: mcpToolNames.decode, arguments: { text: s.uri } })) as CallToolResult;
    assert.equal((d.structuredContent as { uris: Array<{ transaction: { outcome: string } }> }).uris[0]!.transaction.outcome, 'declined');
  });

  it('check and reconcile through a CLI profile against the sandbox; secrets never in the answer', async () => {
    const profiles = (await client.callTool({ name: mcpToolNames.profiles, arguments: {} })) as CallToolResult;
    assert.deepEqual((profiles.structuredContent as { profiles: Array<{ name: string; production: boolean }> }).profiles.map((p) => [p.name, p.production]), [['sandbox', false], ['prod-like', true], ['prod-host', true]]);
    const c = (await client.callTool({ name: mcpToolNames.check, arguments: { profile: 'sandbox', terminalId: '30350039', callerTrxId: 'PP-20261121-0002' } })) as CallToolResult;
    assert.notEqual(c.isError, true, textOf(c));
    assert.equal((c.structuredContent as { transaction: { status: string } }).transaction.status, 'DECLINED');
    assert.ok(!JSON.stringify(c).includes(sandboxDefaults.clientSecret));
    const log = fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8');
    const r = (await client.callTool({ name: mcpToolNames.reconcile, arguments: { profile: 'sandbox', text: log } })) as CallToolResult;
    assert.match(textOf(r), /^4 transactions: 3 match, 0 mismatch, 1 app-failed-backend-approved/);
    assert.match(textOf(r), /line 6: app-failed-backend-approved, terminal 30350039, callerTrxId PP-20261121-0003/);
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
    const declining = await connected({ env }, (m) => (asked.push(m), { action: 'decline' }));
    const declined = (await declining.callTool({ name: mcpToolNames.check, arguments: { profile: 'prod-like', ...args } })) as CallToolResult;
    assert.equal((declined.structuredContent as { error: { code: string } }).error.code, 'CANCELLED');
    assert.match(asked[0]!, /^Call Nexi PRODUCTION \(.*\) through profile "prod-like": check --terminal-id 30350039/);
    const accepting = await connected({ env }, () => ({ action: 'accept', content: { confirm: true } }));
    const done = (await accepting.callTool({ name: mcpToolNames.check, arguments: { profile: 'prod-like', ...args } })) as CallToolResult;
    assert.equal((done.structuredContent as { transaction: { status: string } }).transaction.status, 'APPROVED', textOf(done));
    await Promise.all([declining.close(), accepting.close()]);
  });

  it('runs over stdio from the bundled CLI (dist/cli.js mcp)', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(root, 'dist', 'cli.js'), 'mcp', '--read-only'], env: { PATH: process.env.PATH ?? '' }, stderr: 'pipe' });
    const stdio = new Client({ name: 'test', version: '1' });
    await stdio.connect(transport);
    const r = (await stdio.callTool({ name: mcpToolNames.explain, arguments: { kind: 'result', code: '-14' } })) as CallToolResult;
    assert.notEqual(r.isError, true, textOf(r));
    assert.equal((await stdio.listTools()).tools.length, 5);
    await stdio.close();
  });
});
