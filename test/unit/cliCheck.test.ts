// `nexi-app2app check` and `nexi-app2app sandbox` against the real sandbox over mTLS on loopback.
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { createPrivateKey, generateKeyPairSync } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { check, parseCheckArgs } from '../../src/cli/check';
import type { Io } from '../../src/cli/io';
import { run as runCli } from '../../src/cli/main';

// English whatever the machine's LANG: these tests assert the CLI's English output (cliLang.test.ts covers Italian).
const run = (argv: readonly string[], io: Parameters<typeof runCli>[1]) => runCli(argv, io, { ...process.env, LC_ALL: 'C.UTF-8' });
import { readProfile, writeProfile } from '../../src/cli/profiles';
import { faultPlanFrom, sandbox as sandboxCommand } from '../../src/cli/sandbox';
import { loadOrCreatePki, pkiPaths } from '../../src/core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../../src/core/sandbox/server';

const root = path.resolve(__dirname, '..', '..');

function io(stdin?: string): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => stdin, color: false, out: () => out, err: () => err };
}

describe('CLI check and sandbox', function () {
  this.timeout(60000);
  let dir: string;
  let sb: Sandbox;
  let files: ReturnType<typeof pkiPaths>;
  let env: NodeJS.ProcessEnv;
  let connection: string[];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-cli-'));
    const { pki } = await loadOrCreatePki(path.join(dir, 'pki'));
    files = pkiPaths(path.join(dir, 'pki'));
    sb = await Sandbox.start({ pki });
    env = { XDG_CONFIG_HOME: path.join(dir, 'config'), NEXI_CLIENT_SECRET: sandboxDefaults.clientSecret };
    connection = ['--base-url', sb.url, '--ca', files['ca.crt'], '--cert', files['client.crt'], '--key', files['client.key'], '--app-id', sandboxDefaults.clientId];
  });

  after(async () => {
    await sb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exit 0 and the explained transaction when found', async () => {
    const o = io();
    const code = await check([...connection, '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0001'], o, env);
    assert.equal(code, 0, o.err());
    assert.match(o.out(), /^found {2}terminal 30350039, callerTrxId PP-20261121-0001$/m);
    assert.match(o.out(), /amount = 000000001250 {2}→ €12\.50/);
    assert.match(o.out(), /rrn = 632510150002 .*\(read as f37\)/);
  });

  it('--json gives found, the raw transaction and the explained fields', async () => {
    const o = io();
    assert.equal(await check([...connection, '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0002', '--json'], o, env), 0);
    const out = JSON.parse(o.out()) as { found: boolean; transaction: { status: string }; fields: Array<{ key: string; interpretation?: string }> };
    assert.equal(out.found, true);
    assert.equal(out.transaction.status, 'DECLINED');
    assert.equal(out.fields.find((f) => f.key === 'actionCode')?.interpretation, 'Not sufficient funds');
  });

  it('exit 3 when not found, 1 with the error code otherwise', async () => {
    const notFound = io();
    assert.equal(await check([...connection, '--terminal-id', '30350039', '--caller-trx-id', 'missing'], notFound, env), 3);
    assert.match(notFound.err(), /^not found {2}TRANSACTION_NOT_FOUND: /);
    const wrong = io();
    assert.equal(await check([...connection, '--terminal-id', '30350039', '--caller-trx-id', 'x'], wrong, { ...env, NEXI_CLIENT_SECRET: 'wrong-secret' }), 1);
    assert.match(wrong.err(), /^error {2}TOKEN_INVALID_CLIENT: .*\n {2}Next: /);
    assert.ok(!wrong.err().includes('wrong-secret'), 'the secret is never printed');
  });

  it('reads the secret from standard input when the environment has none', async () => {
    const o = io(`${sandboxDefaults.clientSecret}\n`);
    assert.equal(await check([...connection, '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0001'], o, { XDG_CONFIG_HOME: env.XDG_CONFIG_HOME }), 0, o.err());
  });

  it('never takes a secret from argv, and other usage errors exit 2', async () => {
    assert.throws(() => parseCheckArgs(['--client-secret', 'x']), /not accepted on the command line/);
    assert.throws(() => parseCheckArgs(['--passphrase=x']), /not accepted on the command line/);
    const usage = async (args: string[]): Promise<string> => {
      const o = io();
      assert.equal(await run(['check', ...args], o), 2);
      return o.err();
    };
    assert.match(await usage(['--client-secret', 'x']), /not accepted on the command line/);
    assert.match(await usage(['--terminal-id', '1']), /needs --terminal-id and --caller-trx-id/);
    assert.match(await usage(['--terminal-id', '1', '--caller-trx-id', '2', '--base-url', 'http://x', '--app-id', 'a']), /https:\/\//);
    assert.match(await usage(['--terminal-id', '1', '--caller-trx-id', '2', '--base-url', 'https://x', '--app-id', 'a', '--cert', 'c']), /--cert and --key, or --p12/);
    assert.match(await usage(['--bogus']), /unknown option --bogus\n/);
    assert.match(await usage(['--terminal-ld', '1']), /unknown option --terminal-ld; did you mean --terminal-id\?/);
    assert.match(await usage(['--confirm-prod']), /did you mean --confirm-production\?/);
  });

  it('--env uses a stored profile, and refuses a profile that holds a secret', async () => {
    writeProfile('mine', { baseUrl: sb.url, ca: files['ca.crt'], cert: files['client.crt'], key: files['client.key'], appId: sandboxDefaults.clientId, terminalIds: ['30350039'] }, env);
    const o = io();
    assert.equal(await check(['--env', 'mine', '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0001'], o, env), 0, o.err());
    writeProfile('leaky', { baseUrl: sb.url, clientSecret: 'x' } as never, env);
    assert.throws(() => readProfile('leaky', env), /must not hold secrets/);
    assert.throws(() => readProfile('nope', env), /no CLI profile 'nope'/);
    assert.throws(() => readProfile('nope', env), (err: Error) => !/nexi-app2app sandbox/.test(err.message));
    // The sandbox's profile: its next step is to start the sandbox, which saves it.
    assert.throws(() => readProfile('sandbox', env), /no CLI profile 'sandbox' in .*; 'nexi-app2app sandbox' saves it when it starts: start the sandbox first/);
  });

  it("Nexi's production hosts and profiles marked production need --confirm-production (exit 2 otherwise, nothing sent)", async () => {
    const usage = async (args: string[]): Promise<string> => {
      const o = io();
      assert.equal(await run(['check', '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0001', ...args], o), 2);
      return o.err();
    };
    const prodKeys = ['--cert', files['client.crt'], '--key', files['client.key'], '--app-id', sandboxDefaults.clientId];
    assert.match(await usage(['--base-url', 'https://b2bsoftpos.nexigroup.com', ...prodKeys]), /^nexi-app2app: b2bsoftpos\.nexigroup\.com is Nexi's production: real merchants and real transactions\. Add --confirm-production to send the call\.$/m);
    assert.match(await usage(['--base-url', sb.url, '--check-url', 'https://B2BSOFTPOS.nexigroup.com/mpos-core/app/checkTransaction', ...prodKeys]), /is Nexi's production/);
    const reconcileUsage = io();
    assert.equal(await run(['reconcile', path.join(root, 'samples', 'logcat.log'), '--base-url', 'https://b2bsoftpos.nexigroup.com', ...prodKeys], reconcileUsage), 2);
    assert.match(reconcileUsage.err(), /Add --confirm-production/);
    // A profile can mark its target as production; the flag is the explicit confirmation, and the call goes out.
    writeProfile('prodlike', { baseUrl: sb.url, ca: files['ca.crt'], cert: files['client.crt'], key: files['client.key'], appId: sandboxDefaults.clientId, production: true }, env);
    const refused = io();
    await assert.rejects(check(['--env', 'prodlike', '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0001'], refused, env), /is Nexi's production/);
    const confirmed = io();
    assert.equal(await check(['--env', 'prodlike', '--confirm-production', '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0001'], confirmed, env), 0, confirmed.err());
  });

  it('`sandbox` starts, prints its URL and credentials, saves the profile, and stops', async () => {
    const o = io();
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const running = sandboxCommand(['--pki', path.join(dir, 'pki'), '--quiet'], o, env, stopped);
    while (!o.err().includes('Ctrl+C')) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(o.err())?.[1];
    assert.ok(url, o.err());
    assert.match(o.err(), /reused PKI/);
    assert.equal(readProfile('sandbox', env).baseUrl, url);
    const c = io();
    assert.equal(await check(['--env', 'sandbox', '--terminal-id', '38032131', '--caller-trx-id', '1747399896594'], c, env), 0, c.err());
    stop();
    assert.equal(await running, 0);
  });

  it('`sandbox` rehearses a bad day: fault options are checked, shown, and applied (here: the token endpoint down)', async () => {
    assert.deepEqual(faultPlanFrom(new Map([['--fail-every', '2'], ['--fail-status', '504'], ['--endpoints', 'token,check'], ['--clock-offset', '-120'], ['--rotate-jwks-after', '3']])), {
      failEvery: 2,
      failStatus: 504,
      endpoints: ['token', 'check'],
      clockOffsetSeconds: -120,
      rotateJwksAfter: 3,
    });
    assert.throws(() => faultPlanFrom(new Map([['--drop-every', '0']])), /--drop-every takes a whole number of at least 1/);
    assert.throws(() => faultPlanFrom(new Map([['--fail-status', '404']])), /--fail-status takes 500, 502, 503 or 504/);
    assert.throws(() => faultPlanFrom(new Map([['--endpoints', 'token,par']])), /--endpoints takes a comma-separated list/);
    const o = io();
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const running = sandboxCommand(['--pki', path.join(dir, 'pki'), '--quiet', '--fail-every', '1', '--endpoints', 'token'], o, env, stopped);
    while (!o.err().includes('Ctrl+C')) await new Promise((r) => setTimeout(r, 20));
    assert.match(o.err(), /faults +--fail-every 1 \(503\) {2}--endpoints token/);
    const c = io();
    assert.equal(await check(['--env', 'sandbox', '--terminal-id', '38032131', '--caller-trx-id', '1747399896594'], c, env), 1);
    assert.match(c.err(), /UPSTREAM_UNAVAILABLE: .*\(HTTP 503, token\)/);
    stop();
    assert.equal(await running, 0);
  });

  it('an encrypted key takes NEXI_KEY_PASSPHRASE; a wrong one is KEY_PASSPHRASE_WRONG without echoing it', async () => {
    const encrypted = createPrivateKey(fs.readFileSync(files['client.key'])).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string;
    const keyFile = path.join(dir, 'encrypted.key');
    fs.writeFileSync(keyFile, encrypted);
    const args = ['--base-url', sb.url, '--ca', files['ca.crt'], '--cert', files['client.crt'], '--key', keyFile, '--app-id', sandboxDefaults.clientId, '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0001'];
    assert.equal(await check(args, io(), { ...env, NEXI_KEY_PASSPHRASE: 'correct horse' }), 0);
    const viaStdin = io('correct horse\n');
    assert.equal(await check(args, viaStdin, env), 0, viaStdin.err());
    const wrong = io();
    assert.equal(await check(args, wrong, { ...env, NEXI_KEY_PASSPHRASE: 'battery staple' }), 1);
    assert.match(wrong.err(), /KEY_PASSPHRASE_WRONG: .*Nothing was sent/);
    assert.ok(!wrong.err().includes('battery staple'));
  });

  it('a key that is not the certificate\'s is CERTIFICATE_KEY_MISMATCH, a local failure: nothing reaches the server', async () => {
    const otherKey = path.join(dir, 'other.key');
    fs.writeFileSync(otherKey, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const before = { ...sb.stats.requests };
    const handshakes = sb.stats.handshakes;
    const o = io();
    assert.equal(await check(['--base-url', sb.url, '--ca', files['ca.crt'], '--cert', files['client.crt'], '--key', otherKey, '--app-id', sandboxDefaults.clientId, '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0001'], o, env), 1);
    assert.match(o.err(), /CERTIFICATE_KEY_MISMATCH: Certificate and key do not belong together\..*Nothing was sent/);
    assert.doesNotMatch(o.err(), /UNEXPECTED_RESPONSE|ERR_OSSL/);
    assert.deepEqual(sb.stats.requests, before);
    assert.equal(sb.stats.handshakes, handshakes, 'not even a TLS handshake');
  });

  it('a PKCS#12 bundle works with --p12', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const forge = require('node-forge') as typeof import('node-forge');
    const p12 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(fs.readFileSync(files['client.key'], 'utf8')), [forge.pki.certificateFromPem(fs.readFileSync(files['client.crt'], 'utf8'))], 'p12-pass', { algorithm: '3des' });
    const p12File = path.join(dir, 'client.p12');
    fs.writeFileSync(p12File, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
    const o = io();
    const code = await check(['--base-url', sb.url, '--ca', files['ca.crt'], '--p12', p12File, '--app-id', sandboxDefaults.clientId, '--terminal-id', '38032131', '--caller-trx-id', '1747399896594'], o, { ...env, NEXI_KEY_PASSPHRASE: 'p12-pass' });
    assert.equal(code, 0, o.err());
  });

  it('the bundled binary runs check end to end (Node 20, dist/cli.js)', async () => {
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', ...connection, '--terminal-id', '30350039', '--caller-trx-id', 'PP-20261121-0003', '--json'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
    assert.equal(r.code, 0, r.out);
    assert.equal((JSON.parse(r.out) as { transaction: { authorizationNumber: string } }).transaction.authorizationNumber, '731942');
  });
});
