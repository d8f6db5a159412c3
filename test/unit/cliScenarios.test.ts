// `nexi-app2app scenarios`, `rehearse` (a real sandbox on loopback, real files) and `simulate` without --outcome.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Io } from '../../src/cli/io';
import { run as runCli } from '../../src/cli/main';
import { writeProfile } from '../../src/cli/profiles';
import { loadOrCreatePki, pkiPaths } from '../../src/core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../../src/core/sandbox/server';
import { scanText } from '../../src/core/app2app/scan';
import { scenarios } from '../../src/core/scenarios/catalog';

// English whatever the machine's LANG, unless a test asks for Italian.
const run = (argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = {}) => runCli(argv, io, { ...process.env, LC_ALL: 'C.UTF-8', ...env });

function io(): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => undefined, color: false, out: () => out, err: () => err };
}

const amountOf = (id: string): number => scenarios.find((s) => s.id === id)!.amount!;

describe('CLI scenarios, rehearse and simulate by amount', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-cli-scenarios-'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('scenarios', () => {
    it('prints every scenario with its amount, result and checkTransaction answer', async () => {
      const o = io();
      assert.equal(await run(['scenarios'], o), 0, o.err());
      assert.match(o.out(), /^amount +scenario +products +result +action code +checkTransaction +description$/m);
      for (const s of scenarios) assert.match(o.out(), new RegExp(`^${s.amount ?? 'any other'}\\b.* ${s.id} `, 'm'), s.id);
      assert.match(o.out(), /^10051 €100\.51 +declined-insufficient-funds +SoftPOS, MobilePOS +21 +116 +DECLINED +Declined by the host: Not sufficient funds/m);
      assert.match(o.out(), /^10099 .* 0 \(never reaches the app\) +000 +APPROVED/m);
      assert.match(o.out(), /^10030 .*softpos-error .*-30 .*not found .*illustrative.*\(inferred\)$/m);
    });

    it('--product filters, --json carries the catalogue, bad options are usage errors', async () => {
      const soft = io();
      assert.equal(await run(['scenarios', '--product', 'softpos'], soft), 0);
      assert.doesNotMatch(soft.out(), /pos-timeout|chip/);
      assert.match(soft.out(), /softpos-error/);
      const j = io();
      assert.equal(await run(['scenarios', '--json'], j), 0);
      const parsed = JSON.parse(j.out()) as Array<{ id: string; amount: number | null; expected: { result: number; backend: string }; description: string }>;
      assert.deepEqual(parsed.map((s) => s.id), scenarios.map((s) => s.id));
      assert.equal(parsed.find((s) => s.id === 'lost-result')?.expected.backend, 'APPROVED');
      assert.equal(parsed[0]?.amount, null);
      const bad = io();
      assert.equal(await run(['scenarios', '--product', 'ecr'], bad), 2);
      assert.match(bad.err(), /--product is softpos or mobilepos\nRun 'nexi-app2app help scenarios' for usage\./);
      const typo = io();
      assert.equal(await run(['scenarios', '--jsn'], typo), 2);
      assert.match(typo.err(), /did you mean --json\?/);
    });

    it('speaks Italian, and both commands are in the usage and have help', async () => {
      const o = io();
      assert.equal(await run(['--lang', 'it', 'scenarios'], o), 0);
      assert.match(o.out(), /^importo +id scenario +prodotti +esito \(result\)/m);
      // Amounts in the Italian format, as everywhere in Italian.
      assert.match(o.out(), /^10051 100,51\s€ .*Negata dall'host: /m);
      const usage = io();
      assert.equal(await run(['help'], usage), 0);
      assert.match(usage.out(), /^ {2}scenarios +list the test amounts/m);
      assert.match(usage.out(), /^ {2}rehearse +a logcat session/m);
      for (const [cmd, first] of [['scenarios', /^Usage: nexi-app2app scenarios/], ['rehearse', /^Usage: nexi-app2app rehearse/]] as const) {
        const h = io();
        assert.equal(await run([cmd, '--help'], h), 0);
        assert.match(h.out(), first);
        const hi = io();
        assert.equal(await run(['--lang', 'it', 'help', cmd], hi), 0);
        assert.match(hi.out(), new RegExp(`^Uso: nexi-app2app ${cmd}`));
      }
    });
  });

  describe('simulate without --outcome', () => {
    const request = (amount: number, id: string): string => `neximpos://payment?amount=${amount}&callerTrxId=${id}&callerName=T&uri=pizzapay%3A%2F%2Fpayment`;

    it('the amount chooses the outcome, and a note says which scenario', async () => {
      const o = io();
      assert.equal(await run(['simulate', request(amountOf('declined-insufficient-funds'), 'A1')], o), 0, o.err());
      assert.match(o.out(), /^pizzapay:\/\/payment\?result=21&amount=10051&.*actionCode=116/);
      assert.match(o.err(), /note: Scenario declined-insufficient-funds \(amount 10051\): Declined by the host/);
      const ordinary = io();
      assert.equal(await run(['simulate', request(1250, 'A2')], ordinary), 0);
      assert.match(ordinary.out(), /result=0&amount=1250/);
      assert.equal(ordinary.err(), '');
      const soft = io();
      assert.equal(await run(['simulate', request(amountOf('softpos-error'), 'A3'), '--product', 'softpos'], soft), 0);
      assert.match(soft.out(), /result=-30&.*softPosError=2-13-0/);
      const lost = io();
      assert.equal(await run(['simulate', request(amountOf('lost-result'), 'A4'), '--json'], lost), 0);
      assert.deepEqual(JSON.parse(lost.out()).scenario, { id: 'lost-result', delivered: false });
      // --adb does not deliver a lost result (adb is not even looked for).
      const saved = process.env.PATH;
      process.env.PATH = '/nonexistent';
      try {
        const adb = io();
        assert.equal(await run(['simulate', request(amountOf('lost-result'), 'A5'), '--adb'], adb, { PATH: '/nonexistent' }), 0, adb.err());
        assert.match(adb.err(), /not delivered to the device: in this scenario the result never reaches the app/);
        const other = io();
        assert.equal(await run(['simulate', request(1250, 'A6'), '--adb'], other, { PATH: '/nonexistent' }), 1);
        assert.match(other.err(), /adb was not found on PATH/);
      } finally {
        process.env.PATH = saved;
      }
    });
  });

  describe('rehearse', () => {
    it('writes the log, reconciles it against a local sandbox, and every classification appears as expected', async () => {
      const file = path.join(dir, 'rehearsal.log');
      const pki = path.join(dir, 'pki');
      const o = io();
      assert.equal(await run(['rehearse', '--out', file, '--pki', pki, '--seed', '3'], o), 0, o.err() + o.out());
      const log = fs.readFileSync(file, 'utf8');
      assert.match(log, /^--------- beginning of main\n\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} {2}\d+ {2}\d+ I PizzaPay: Launching Nexi POS: neximpos:\/\/payment\?amount=1250&/);
      assert.ok(scanText(log).some((u) => u.operation === 'reversal' && u.kind === 'result'));
      assert.ok(scanText(log).some((u) => u.operation === 'accounting_closure' && u.kind === 'result'));
      assert.match(log, /W PizzaPay: payment PP-\d{8}-0009 timed out waiting for Nexi POS/);
      assert.match(o.out(), new RegExp(`Log written to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.match(o.out(), /^14 transactions: 8 match, 1 mismatch, 1 app failed but backend approved, 3 not found, 1 error$/m);
      for (const label of [' match ', ' mismatch ', 'APP FAILED, BACKEND APPROVED', 'not found on the backend', ' error ']) assert.ok(o.out().includes(label), label);
      assert.match(o.out(), /Every classification came out as expected\.\n$/);
      assert.ok(fs.existsSync(path.join(pki, 'ca.crt')), '--pki keeps the PKI');
      // The same seed, the same session (the reconciliation report names the same lines).
      const again = io();
      assert.equal(await run(['rehearse', '--out', path.join(dir, 'again.log'), '--pki', pki, '--seed', '3'], again), 0);
      assert.equal(fs.readFileSync(path.join(dir, 'again.log'), 'utf8'), log);
    });

    it('--json: steps, expected and the reconciliation; in Italian the prose is Italian', async () => {
      const o = io();
      assert.equal(await run(['rehearse', '--out', path.join(dir, 'j.log'), '--json'], o), 0, o.err());
      const r = JSON.parse(o.out()) as { asExpected: boolean; expected: Record<string, number>; reconciliation: { totals: Record<string, number> }; log: string };
      assert.equal(r.asExpected, true);
      assert.equal(r.log, path.join(dir, 'j.log'));
      for (const k of ['match', 'mismatch', 'app-failed-backend-approved', 'not-found', 'error']) {
        assert.equal(r.reconciliation.totals[k], r.expected[k], k);
        assert.ok(r.expected[k]! > 0, k);
      }
      const it = io();
      assert.equal(await run(['rehearse', '--out', path.join(dir, 'it.log'), '--lang', 'it'], it), 0, it.err());
      assert.match(it.out(), /^Prova generale: 15 operazioni/m);
      assert.match(it.out(), /Ogni classificazione è quella attesa\./);
    });

    it('--env uses a running local sandbox: registers through its endpoint, reconciles with the profile', async () => {
      const pkiDir = path.join(dir, 'running-pki');
      const { pki } = await loadOrCreatePki(pkiDir);
      const sb = await Sandbox.start({ pki });
      try {
        const files = pkiPaths(pkiDir);
        const env = { XDG_CONFIG_HOME: path.join(dir, 'cfg') };
        writeProfile('sandbox', { baseUrl: sb.url, ca: files['ca.crt'], cert: files['client.crt'], key: files['client.key'], appId: sandboxDefaults.clientId, terminalIds: [sandboxDefaults.mobilePosTerminalId, sandboxDefaults.softPosTerminalId] }, env);
        const o = io();
        assert.equal(await run(['rehearse', '--env', 'sandbox', '--out', path.join(dir, 'env.log'), '--seed', '5'], o, env), 0, o.err() + o.out());
        assert.match(o.out(), new RegExp(`Local sandbox on ${sb.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 10 transactions registered`));
        assert.match(o.out(), /^14 transactions: 8 match, 1 mismatch, 1 app failed but backend approved, 3 not found, 1 error$/m);
        assert.ok(sb.stats.requests.checkTransaction >= 14);
        writeProfile('remote', { baseUrl: 'https://xpay.nexigroup.com', cert: files['client.crt'], key: files['client.key'] }, env);
        const remote = io();
        assert.equal(await run(['rehearse', '--env', 'remote', '--out', path.join(dir, 'r.log')], remote, env), 2);
        assert.match(remote.err(), /profile 'remote' is not a local sandbox/);
        const both = io();
        assert.equal(await run(['rehearse', '--env', 'sandbox', '--pki', pkiDir], both, env), 2);
        assert.match(both.err(), /choose one of --pki .* and --env/);
      } finally {
        await sb.close();
      }
    });

    it('usage errors: a bad seed, an unwritable --out, an unknown option', async () => {
      const seed = io();
      assert.equal(await run(['rehearse', '--seed', '0'], seed), 2);
      assert.match(seed.err(), /--seed takes a whole number of at least 1/);
      const out = io();
      assert.equal(await run(['rehearse', '--out', path.join(dir, 'missing', 'dir', 'x.log')], out), 2);
      assert.match(out.err(), /could not write the log to .*x\.log: .*Choose another --out\./);
      const typo = io();
      assert.equal(await run(['rehearse', '--ou', 'x'], typo), 2);
      assert.match(typo.err(), /did you mean --out\?/);
    });
  });
});
