// Reconciliation and the POS result simulator against the real sandbox over mTLS.
import { strict as assert } from 'assert';
import { createPrivateKey } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Io } from '../../src/cli/io';
import { run as runCli } from '../../src/cli/main';

// English whatever the machine's LANG: these tests assert the CLI's English output (cliLang.test.ts covers Italian).
const run = (argv: readonly string[], io: Parameters<typeof runCli>[1]) => runCli(argv, io, { ...process.env, LC_ALL: 'C.UTF-8' });
import { writeProfile } from '../../src/cli/profiles';
import { adbArgs } from '../../src/cli/simulate';
import { decodeText } from '../../src/core/explain/explain';
import { NexiClient } from '../../src/core/nexi/client';
import { backendOutcomeOf, extractEntries, reconcile, withDefaultTerminal, type CheckFn } from '../../src/core/reconcile/reconcile';
import { entryDetail, entryError, toCsv, toJson, toMarkdown } from '../../src/core/reconcile/report';
import { reconcileText } from '../../src/cli/reconcile';
import type { ReconcileReport } from '../../src/core/reconcile/types';
import { NexiError } from '../../src/core/nexi/errors';
import { loadOrCreatePki, pkiPaths, type SandboxPki } from '../../src/core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../../src/core/sandbox/server';
import { parseOutcome, simulate, SimulationError, type Outcome, type Product } from '../../src/core/simulator/simulate';

const root = path.resolve(__dirname, '..', '..');
const logcat = fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8');
const mpos = sandboxDefaults.mobilePosTerminalId;

// Lines beyond the sample log: one of each kind of discrepancy.
const extra = [
  `D/App: dat=pizzapay://payment?result=0&amount=999&callerTrxId=MISMATCH-1&operationType=PAYMENT&actionCode=000&pan=************1234&authorizationNumber=AAA111&terminalId=${mpos} flg=0x0 }`,
  `D/App: dat=pizzapay://payment?result=0&amount=500&callerTrxId=NOTFOUND-1&operationType=PAYMENT&terminalId=${mpos} flg=0x0 }`,
  `D/App: dat=pizzapay://payment?result=20&amount=700&callerTrxId=CANCELLED-BUT-PAID&operationType=PAYMENT&terminalId=${mpos} flg=0x0 }`,
  `D/App: dat=pizzapay://payment?result=0&amount=100&callerTrxId=OTHER-TERMINAL&operationType=PAYMENT&terminalId=99999999 flg=0x0 }`,
].join('\n');

function io(): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => undefined, color: false, out: () => out, err: () => err };
}

describe('reconciliation and the POS simulator', function () {
  this.timeout(60000);
  let dir: string;
  let pki: SandboxPki;
  let sb: Sandbox;
  let client: NexiClient;
  let check: CheckFn;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-reconcile-'));
    pki = (await loadOrCreatePki(path.join(dir, 'pki'))).pki;
  });

  beforeEach(async () => {
    sb = await Sandbox.start({ pki });
    sb.register({ terminalId: mpos, callerTrxId: 'MISMATCH-1', operationType: 'PAYMENT', status: 'APPROVED', result: '0', amount: '000000001000', currency: '978', pan: '************1234', authorizationNumber: 'AAA111', transactionDate: '2026-11-21T10:00:00+01:00' });
    sb.register({ terminalId: mpos, callerTrxId: 'CANCELLED-BUT-PAID', operationType: 'PAYMENT', status: 'APPROVED', result: '0', amount: '000000000700', currency: '978', transactionDate: '2026-11-21T10:01:00+01:00' });
    client = new NexiClient({
      baseUrl: sb.url,
      clientId: sandboxDefaults.clientId,
      clientSecret: () => sandboxDefaults.clientSecret,
      terminalIds: [mpos],
      signingKey: createPrivateKey(pki.client.privateKey),
      transport: { tls: { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate } },
    });
    check = async (tid, id, signal) => (await client.checkTransaction({ terminalId: tid, callerTrxId: id }, signal ? { signal } : {})).transaction;
  });

  afterEach(async () => {
    await client.close();
    await sb.close();
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('card numbers in a report', () => {
    // A Luhn-valid 13-digit epoch-millisecond callerTrxId (an identifier), and a card number Nexi's body and an
    // error message quote, plain and in groups.
    const id = '1747399896591';
    const pan = '4111111111111111';
    const report: ReconcileReport = {
      entries: [
        { callerTrxId: id, terminalId: '30350039', line: 3, range: { start: 0, end: 1 }, appOutcome: 'approved', classification: 'mismatch', backendOutcome: 'approved', differences: [{ field: 'panLast4', app: '1111', backend: pan }], backend: { callerTrxId: id, pan } },
        { callerTrxId: 'E-1', line: 5, range: { start: 2, end: 3 }, appOutcome: 'failed', classification: 'error', differences: [], errorCode: 'SERVER_ERROR', message: `gateway said: card 4111 1111 1111 1111 refused` },
      ],
      totals: { match: 0, mismatch: 1, 'app-failed-backend-approved': 0, 'not-found': 0, error: 1, total: 2 },
      cancelled: false,
    };

    it('are masked in the JSON, CSV, Markdown and text of a report, which keep its callerTrxIds as they are', () => {
      for (const [name, text] of [
        ['json', toJson(report, 'log')],
        ['csv', toCsv(report)],
        ['markdown', toMarkdown(report, { title: 'r' })],
        ['text', reconcileText(report, 'log', [])],
      ] as const) {
        assert.ok(text.includes(id), `${name} keeps the callerTrxId`);
        assert.ok(!text.replace(/[ +-]|%20/g, '').includes(pan), `${name} masks the card number:\n${text}`);
      }
    });
  });

  describe('extracting what the app saw', () => {
    it('a default terminal fills in only the entries that name none, the same read first or later', () => {
      const bare = extractEntries(logcat);
      assert.deepEqual(bare.filter((e) => e.terminalId === undefined).map((e) => e.line), [6]);
      // Key order too: the JSON export is the same whichever way the terminal came.
      assert.equal(JSON.stringify(withDefaultTerminal(bare, mpos)), JSON.stringify(extractEntries(logcat, { defaultTerminalId: mpos })));
      assert.deepEqual(withDefaultTerminal(bare, undefined), bare);
    });

    it('takes results, and requests that never got a result, from the sample log; skips non-transactions', () => {
      const entries = extractEntries(logcat, { defaultTerminalId: mpos });
      assert.deepEqual(
        entries.map((e) => [e.callerTrxId, e.terminalId, e.appOutcome, e.line, e.amount]),
        [
          ['PP-20261121-0001', mpos, 'approved', 3, '1250'],
          ['PP-20261121-0002', mpos, 'declined', 5, '480'],
          ['PP-20261121-0003', mpos, 'no-result', 6, '2290'],
          ['1747399896594', '38032131', 'approved', 8, '450'],
        ],
      );
      assert.equal(entries[0]!.authorizationNumber, '012651');
      assert.equal(entries[3]!.panLast4, '6313');
      assert.equal(entries[3]!.authorizationNumber, 'H50716');
    });

    it('reads the backend outcome from status, then result', () => {
      assert.equal(backendOutcomeOf({ status: 'APPROVED' }), 'approved');
      assert.equal(backendOutcomeOf({ status: 'DECLINED' }), 'declined');
      assert.equal(backendOutcomeOf({ result: '20' }), 'cancelled');
      assert.equal(backendOutcomeOf({ foo: 1 }), 'unknown');
    });
  });

  describe('classification against the sandbox', () => {
    it('classifies every kind of discrepancy, with totals', async () => {
      const entries = extractEntries(`${logcat}\n${extra}\n`, { defaultTerminalId: mpos });
      const progress: number[] = [];
      const report = await reconcile(entries, check, { concurrency: 3, onProgress: (done) => progress.push(done) });
      const by = Object.fromEntries(report.entries.map((e) => [e.callerTrxId, e]));
      assert.equal(by['PP-20261121-0001']!.classification, 'match');
      assert.equal(by['PP-20261121-0002']!.classification, 'match');
      assert.equal(by['1747399896594']!.classification, 'match');
      assert.equal(by['PP-20261121-0003']!.classification, 'app-failed-backend-approved');
      assert.equal(by['CANCELLED-BUT-PAID']!.classification, 'app-failed-backend-approved');
      assert.equal(by['MISMATCH-1']!.classification, 'mismatch');
      assert.deepEqual(by['MISMATCH-1']!.differences, [{ field: 'amount', app: '999', backend: '1000' }]);
      assert.equal(by['NOTFOUND-1']!.classification, 'not-found');
      assert.equal(by['OTHER-TERMINAL']!.classification, 'error');
      assert.equal(by['OTHER-TERMINAL']!.errorCode, 'TERMINAL_NOT_FOUND');
      assert.deepEqual(report.totals, { match: 3, mismatch: 1, 'app-failed-backend-approved': 2, 'not-found': 1, error: 1, total: 8 });
      assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7, 8]);
      assert.equal(sb.stats.requests.token, 1);
      assert.equal(sb.stats.requests.jwks, 1);

      const csv = toCsv(report).split('\r\n');
      assert.equal(csv[0], 'line,classification,terminalId,callerTrxId,operation,appOutcome,appResult,backendOutcome,amount,authorizationNumber,panLast4,differences,errorCode,message');
      assert.ok(csv.includes(`6,app-failed-backend-approved,${mpos},PP-20261121-0003,payment,no-result,,approved,2290,,,"outcome: app no-result, backend approved",,`), csv.join('\n'));
      const json = JSON.parse(toJson(report, 'logcat.log')) as { source: string; totals: { total: number }; entries: Array<{ callerTrxId: string; classification: string; app: { outcome: string }; backend: { outcome: string } | null; error: { code: string } | null }> };
      assert.equal(json.source, 'logcat.log');
      assert.equal(json.totals.total, 8);
      assert.deepEqual(json.entries.find((e) => e.callerTrxId === 'NOTFOUND-1')!.error!.code, 'TRANSACTION_NOT_FOUND');
      const md = toMarkdown(report, { title: 'Reconciliation of logcat.log', lineLink: (l) => `command:x?${l}` });
      assert.match(md, /\*\*⚠ Payments approved by Nexi while the app recorded a failure or no result: 2\.\*\*/);
      assert.match(md, /\| \[6\]\(command:x\?6\) \| \*\*APP FAILED, BACKEND APPROVED\*\* \|/);
    });

    it('CSV cells that a spreadsheet would run as formulas are neutralised', async () => {
      const entries = extractEntries(`D/App: dat=x://payment?result=0&amount=1&callerTrxId=%3DHYPERLINK(1)&operationType=PAYMENT&terminalId=${mpos} flg=0 }`);
      const report = await reconcile(entries, check);
      assert.match(toCsv(report), /,'=HYPERLINK\(1\),/);
    });

    it('backs off when the server struggles and still finishes every entry', async () => {
      const entries = extractEntries(logcat, { defaultTerminalId: mpos });
      await check(mpos, 'PP-20261121-0001'); // token and key cached: the faults hit the checks
      sb.failNext('503', 12);
      const report = await reconcile(entries, async (tid, id) => (await client.checkTransaction({ terminalId: tid, callerTrxId: id })).transaction, { concurrency: 4 });
      assert.equal(report.totals.total, 4);
      assert.equal(report.totals.match + report.totals['app-failed-backend-approved'], 4, JSON.stringify(report.entries.map((e) => [e.callerTrxId, e.classification, e.errorCode])));
    });

    it('JWKS rotation answered by generic 401s: at concurrency 1 every entry recovers, classified as without it', async () => {
      sb.setFaults({ rotateJwksAfter: 1 });
      const entries = extractEntries(`${logcat}\n${extra}\n`, { defaultTerminalId: mpos });
      const report = await reconcile(entries, check, { concurrency: 1 });
      assert.equal(report.stopped, undefined);
      assert.deepEqual(report.totals, { match: 3, mismatch: 1, 'app-failed-backend-approved': 2, 'not-found': 1, error: 1, total: 8 });
      assert.ok(sb.stats.requests.jwks >= 5, `the keys were fetched again after rotations (${sb.stats.requests.jwks})`);
    });

    it('stops early, with the one failure, when the token endpoint is down: no entry is tried in vain', async () => {
      sb.setFaults({ failEvery: 1, failStatus: 503, endpoints: ['token'] });
      const many = Array.from({ length: 40 }, (_, i) => `D/App: dat=x://payment?result=0&amount=1&callerTrxId=T-${i}&operationType=PAYMENT&terminalId=${mpos} flg=0 }`).join('\n');
      const report = await reconcile(extractEntries(many), check, { concurrency: 4 });
      assert.equal(report.stopped?.code, 'UPSTREAM_UNAVAILABLE');
      assert.ok(report.entries.length < 40, `stopped before trying every entry (${report.entries.length})`);
      assert.equal(sb.stats.requests.checkTransaction, 0);
      assert.ok(sb.stats.requests.token <= 12, `bounded token attempts (${sb.stats.requests.token})`);
    });

    it('stops at once when the client is refused (generic 401 at the token endpoint)', async () => {
      const refused = new NexiClient({
        baseUrl: sb.url,
        clientId: sandboxDefaults.clientId,
        clientSecret: () => 'not-the-secret',
        terminalIds: [mpos],
        signingKey: createPrivateKey(pki.client.privateKey),
        transport: { tls: { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate } },
      });
      try {
        const report = await reconcile(extractEntries(logcat, { defaultTerminalId: mpos }), async (tid, id) => (await refused.checkTransaction({ terminalId: tid, callerTrxId: id })).transaction, { concurrency: 2 });
        assert.equal(report.stopped?.code, 'TOKEN_INVALID_CLIENT');
        assert.equal(report.entries.length, 0);
      } finally {
        await refused.close();
      }
    });

    it('is cancellable: stops issuing checks and reports what it finished', async () => {
      const entries = extractEntries(logcat, { defaultTerminalId: mpos });
      sb.latencyMs = 100;
      const ac = new AbortController();
      const p = reconcile(entries, check, { concurrency: 1, signal: ac.signal, onProgress: () => ac.abort() });
      const report = await p;
      assert.equal(report.cancelled, true);
      assert.ok(report.entries.length >= 1 && report.entries.length < entries.length);
    });

    it('an entry without any terminal id is an error that says what to do', async () => {
      const report = await reconcile(extractEntries('x://payment?result=0&callerTrxId=A&operationType=PAYMENT'), check);
      assert.equal(report.entries[0]!.errorCode, 'NO_TERMINAL_ID');
    });
  });

  describe('the reconcile command', () => {
    it('prints the classification per line and exits 4 when there are discrepancies; --csv and --json work', async () => {
      const files = pkiPaths(path.join(dir, 'pki'));
      const file = path.join(dir, 'app.log');
      fs.writeFileSync(file, `${logcat}\n${extra}\n`);
      const env = { NEXI_CLIENT_SECRET: sandboxDefaults.clientSecret, XDG_CONFIG_HOME: path.join(dir, 'cfg') };
      const args = ['reconcile', file, '--base-url', sb.url, '--ca', files['ca.crt'], '--cert', files['client.crt'], '--key', files['client.key'], '--app-id', sandboxDefaults.clientId, '--terminal-ids', mpos];
      const saved = process.env;
      process.env = { ...saved, ...env };
      try {
        const human = io();
        assert.equal(await run(args, human), 4, human.err());
        assert.match(human.out(), /^8 transactions: 3 match, 1 mismatch, 2 app failed but backend approved, 1 not found, 1 error$/m);
        assert.match(human.out(), new RegExp(`app\\.log:6 {2}APP FAILED, BACKEND APPROVED {2}terminal ${mpos} callerTrxId PP-20261121-0003`));
        const csv = io();
        assert.equal(await run([...args, '--csv'], csv), 4);
        assert.equal(csv.out().split('\r\n').length, 10);
        assert.ok(!csv.out().includes(sandboxDefaults.clientSecret));
        const json = io();
        assert.equal(await run([...args, '--json', '--concurrency', '2'], json), 4);
        assert.equal((JSON.parse(json.out()) as { totals: { total: number } }).totals.total, 8);
        const usage = io();
        assert.equal(await run([...args, '--json', '--csv'], usage), 2);
        // The token endpoint down: the run failed (exit 1) with one message, not "discrepancies" (4) for every line.
        sb.setFaults({ failEvery: 1, failStatus: 503, endpoints: ['token'] });
        const down = io();
        assert.equal(await run(args, down), 1, down.err());
        assert.equal(down.out(), '');
        assert.equal(down.err().match(/UPSTREAM_UNAVAILABLE/g)?.length, 1, down.err());
        assert.match(down.err(), /\(HTTP 503, token\)/);
        sb.setFaults({});
        // A log with nothing to check (most likely the wrong file) is no run where everything matched.
        const emptyLog = path.join(dir, 'empty.log');
        fs.writeFileSync(emptyLog, 'no App2App URI in here\n');
        const nothing = io();
        assert.equal(await run(['reconcile', emptyLog, ...args.slice(2)], nothing), 1);
        assert.match(nothing.err(), /No payment or reversal URI with a callerTrxId found in .*empty\.log\./);
        // A folder, and standard input, each with what to do instead (before any connection is made).
        const folder = io();
        assert.equal(await run(['reconcile', dir, ...args.slice(2)], folder), 2);
        assert.match(folder.err(), /: is a folder: give the path of the log file\n/);
        assert.doesNotMatch(folder.err(), /EISDIR/);
        const stdin = io();
        assert.equal(await run(['reconcile', '-', ...args.slice(2)], stdin), 2);
        assert.match(stdin.err(), /not from standard input \(standard input carries secrets\): save the log to a file/);
      } finally {
        process.env = saved;
      }
    });
  });

  describe('the simulator', () => {
    const requests: Record<string, string> = {
      payment: 'neximpos://payment?amount=1250&callerTrxId=SIM-P&callerName=Pizza%20Pay&sendTicket=false&autoClose=true&uri=pizzapay%3A%2F%2Fpayment',
      reversal: `neximpos://reversal?amount=1250&callerTrxId=SIM-R&callerName=Pizza%20Pay&terminalId=${mpos}&timestamp=2111261030&uri=pizzapay%3A%2F%2Freversal`,
      last_transaction: `neximpos://last_transaction?callerName=Pizza%20Pay&terminalId=${mpos}&callerTrxId=SIM-L&uri=pizzapay%3A%2F%2Flast_transaction`,
      accounting_closure: 'neximpos://accounting_closure?callerTrxId=SIM-C&callerName=Pizza%20Pay&uri=pizzapay%3A%2F%2Faccounting_closure',
    };
    const outcomes: Outcome[] = [{ kind: 'approved' }, { kind: 'declined', actionCode: '116' }, { kind: 'cancelled' }, { kind: 'result', code: -16 }, { kind: 'result', code: -41 }];
    const now = new Date('2026-11-21T09:30:00Z');

    it('answers -1 (invalid input) to a payment or reversal without a valid amount, and says why', () => {
      for (const [request, why] of [
        [requests.payment!.replace('amount=1250', 'amount=abc'), /\(A2A004: `amount` must be an integer number of euro cents/],
        [requests.payment!.replace('amount=1250', 'amount=12,50'), /\(A2A004: `amount` is in euro cents/],
        [requests.reversal!.replace('amount=1250&', ''), /\(it has no amount\)/],
      ] as const) {
        const r = simulate(request, { product: 'mobilepos', now, seed: 1 });
        assert.equal(r.result, -1, request);
        assert.ok(r.notes.some((n) => why.test(n) && /Nexi POS answers result -1, invalid input parameters \(spec §9\.1; .*inferred\)/.test(n)), r.notes.join('\n'));
        assert.equal(r.scenario, undefined);
      }
      // An outcome asked for is simulated all the same, with the same warning.
      const asked = simulate(requests.payment!.replace('amount=1250', 'amount=abc'), { outcome: { kind: 'approved' }, product: 'mobilepos', now, seed: 1 });
      assert.equal(asked.result, 0);
      assert.ok(asked.notes.some((n) => /would answer result -1 \(inferred\); the outcome asked for is simulated all the same/.test(n)), asked.notes.join('\n'));
      // Operations without an amount are not refused for it.
      assert.equal(simulate(requests.accounting_closure!, { product: 'mobilepos', now, seed: 1 }).result, 0);
    });

    it('says when the result code asked for is one Nexi does not list for the operation', () => {
      const r = simulate(requests.payment!, { outcome: { kind: 'result', code: -41 }, product: 'mobilepos', now, seed: 1 });
      assert.equal(r.result, -41);
      assert.ok(r.notes.some((n) => /^Nexi does not list result -41 for the payment operation\. The code is simulated as asked\.$/.test(n)), r.notes.join('\n'));
      assert.deepEqual(simulate(requests.payment!, { outcome: { kind: 'result', code: 21 }, product: 'mobilepos', now, seed: 1 }).notes, []);
    });

    it('every operation × product × outcome decodes cleanly (no error diagnostics), with consistent values', () => {
      let n = 0;
      for (const [operation, request] of Object.entries(requests)) {
        for (const product of ['softpos', 'mobilepos'] as Product[]) {
          for (const outcome of [...outcomes, ...(product === 'softpos' ? [{ kind: 'softpos-error', softPosError: '2-13-0' } as Outcome] : [])]) {
            const r = simulate(request, { outcome, product, now, utcOffsetMinutes: 60, seed: 7 });
            const [e, ...more] = decodeText(r.uri, { now });
            assert.equal(more.length, 0, r.uri);
            assert.ok(e, r.uri);
            const label = `${operation}/${product}/${JSON.stringify(outcome)}: ${r.uri}`;
            assert.equal(e.kind, 'result', label);
            assert.equal(e.operation, operation, label);
            assert.deepEqual(e.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code), [], label);
            assert.equal(e.result?.code, String(r.result), label);
            const get = (k: string) => e.fields.find((f) => f.key === k)?.value;
            if (product === 'softpos' && r.result === 0 && operation !== 'accounting_closure') {
              assert.equal(get('f04'), get(operation === 'last_transaction' ? 'amount' : 'f30'), label);
              assert.equal(get('CT100'), get('CT112')!.slice(-4), label);
              assert.equal(get('f37'), get('CT103'), label);
              assert.equal(get('CT106'), '21/11/2026', label);
              assert.equal(get('f12'), '103000', label);
              assert.ok(!e.diagnostics.some((d) => d.code.startsWith('TLV')), label);
            }
            n++;
          }
        }
      }
      assert.equal(n, 44);
    });

    it('SoftPOS keeps the published key order and raw values; MobilePOS percent-encodes the padded fields', () => {
      const soft = simulate(requests.payment!, { outcome: { kind: 'approved' }, product: 'softpos', now, utcOffsetMinutes: 60, seed: 1 });
      const keys = soft.uri.split('?')[1]!.split('&').map((p) => p.split('=')[0]);
      assert.deepEqual(keys.slice(0, 6), ['operationType', 'callerTrxId', 'result', 'amount', 'f30', 'F42']);
      assert.deepEqual(keys.slice(-3), ['CT108', 'terminalId', 'autoClose']);
      assert.match(soft.uri, /&CT121=C\.SO SEMPIONE 55, 20145, MILANO \(MI\)&/);
      assert.match(soft.uri, /&CT110=2026-11-21T10:30:00\+01:00&/);
      const m = simulate(requests.payment!, { outcome: { kind: 'approved' }, product: 'mobilepos', now, utcOffsetMinutes: 60, seed: 1 });
      assert.match(m.uri, /^pizzapay:\/\/payment\?result=0&amount=1250&callerTrxId=SIM-P&operationType=PAYMENT&actionCode=000&pan=\*{12}\d{4}&transactionType=CLI&timestamp=2111261030&/);
      assert.match(m.uri, /&acquirerName=NEXI(%20){12}&/);
    });

    it('accounting closure on SoftPOS answers -19 and says why; bad input is refused clearly', () => {
      const r = simulate(requests.accounting_closure!, { outcome: { kind: 'approved' }, product: 'softpos', now });
      assert.equal(r.result, -19);
      assert.match(r.notes[0]!, /MobilePOS only/);
      assert.throws(() => simulate('https://example.com', { outcome: { kind: 'approved' }, product: 'softpos' }), SimulationError);
      assert.throws(() => simulate('neximpos://payment?amount=1&uri=a%3A%2F%2Fb', { outcome: { kind: 'approved' }, product: 'softpos' }), /no callerTrxId/);
      assert.throws(() => parseOutcome('result:-25'), /not a documented/);
      assert.throws(() => parseOutcome('declined:1'), /action code/);
      assert.throws(() => parseOutcome('maybe'), /unknown outcome/);
      assert.deepEqual(parseOutcome('softpos-error:1-2-3'), { kind: 'softpos-error', softPosError: '1-2-3' });
    });

    it('round-trips through the sandbox: registered, found by checkTransaction, matched by reconciliation', async () => {
      const r = simulate(requests.payment!, { outcome: { kind: 'approved' }, product: 'softpos', terminalId: mpos, now, seed: 3 });
      sb.register(r.transaction!);
      const found = await check(mpos, 'SIM-P');
      assert.equal(found.authorizationNumber, r.transaction!.authorizationNumber);
      const report = await reconcile(extractEntries(`D/App: Intent { dat=${r.uri} flg=0x0 }`), check);
      assert.equal(report.entries[0]!.classification, 'match', JSON.stringify(report.entries[0]));
      const declined = simulate(requests.payment!.replace('SIM-P', 'SIM-D'), { outcome: { kind: 'declined' }, product: 'mobilepos', terminalId: mpos, now, seed: 4 });
      sb.register(declined.transaction!);
      const rep2 = await reconcile(extractEntries(declined.uri), check);
      assert.equal(rep2.entries[0]!.classification, 'match');
      assert.equal(simulate(requests.payment!, { outcome: { kind: 'cancelled' }, product: 'softpos', now }).transaction, undefined, 'a cancelled payment never reaches the host');
    });

    it('the simulate command prints the URI, registers it in a running sandbox, and builds the adb command', async () => {
      const files = pkiPaths(path.join(dir, 'pki'));
      const cfg = path.join(dir, 'cfg-sim');
      writeProfile('sandbox', { baseUrl: sb.url, ca: files['ca.crt'], cert: files['client.crt'], key: files['client.key'], appId: sandboxDefaults.clientId }, { XDG_CONFIG_HOME: cfg });
      const saved = process.env;
      process.env = { ...saved, XDG_CONFIG_HOME: cfg };
      try {
        const o = io();
        assert.equal(await run(['simulate', requests.payment!.replace('SIM-P', 'SIM-CLI'), '--outcome', 'approved', '--product', 'mobilepos', '--register'], o), 0, o.err());
        assert.match(o.out(), /^pizzapay:\/\/payment\?result=0&amount=1250&callerTrxId=SIM-CLI&/);
        assert.match(o.err(), /registered in the sandbox/);
        assert.equal((await check(sandboxDefaults.mobilePosTerminalId, 'SIM-CLI')).status, 'APPROVED');
        const bad = io();
        assert.equal(await run(['simulate', requests.payment!, '--outcome', 'nope'], bad), 2);
        const noAdb = io();
        process.env = { ...process.env, PATH: '/nonexistent' };
        assert.equal(await run(['simulate', requests.payment!, '--outcome', 'approved', '--adb'], noAdb), 1);
        assert.match(noAdb.err(), /adb was not found on PATH/);
      } finally {
        process.env = saved;
      }
      assert.deepEqual(adbArgs("x://p?a=1&b='q'", 'emulator-5554'), ['-s', 'emulator-5554', 'shell', 'am', 'start', '-a', 'android.intent.action.VIEW', '-d', `'x://p?a=1&b='\\''q'\\'''`]);
    });
  });
});

describe('reconciliation: an entry in error names its code once', () => {
  const base = { callerTrxId: 'T1', line: 3, range: { start: 0, end: 1 }, appOutcome: 'approved', classification: 'error', differences: [] } as const;

  it('a B2B error, whose message starts with its code, is not prefixed again (report, view and CLI read entryError)', () => {
    const failure = new NexiError('TRANSACTION_NOT_FOUND');
    const entry = { ...base, errorCode: 'TRANSACTION_NOT_FOUND', message: failure.message, failure } as const;
    const text = entryError(entry);
    assert.equal(text.split('TRANSACTION_NOT_FOUND').length - 1, 1, text);
    assert.equal(entryDetail(entry), text);
  });

  it('a message without its code gets it in front', () => {
    const entry = { ...base, errorCode: 'CONNECTION_RESET', message: 'socket hang up' } as const;
    assert.equal(entryError(entry), 'CONNECTION_RESET: socket hang up');
  });
});
